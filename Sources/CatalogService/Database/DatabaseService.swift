internal import CatalogStore
import CatalogModel
import Foundation

/// Use cases about the catalog database as a whole (`deploycat db ...`).
public struct DatabaseService: Sendable {
    let repository: any CatalogRepository

    init(repository: any CatalogRepository) {
        self.repository = repository
    }

    /// What a copy moved and checked.
    public struct CopyReport: Sendable {
        public var source: String
        public var target: String
        /// Rows per table, in load order.
        public var rowCounts: [(table: String, rows: Int)]

        public func rows(of table: String) -> Int { rowCounts.first { $0.table == table }?.rows ?? 0 }
    }

    /// Copies the whole catalog (catalog revisions, change log, apps, every template version and
    /// its dependencies) into a new database at `location`, then reads the copy back and checks
    /// it: every row equal, every template body hashing to its recorded SHA-256. On any failure
    /// nothing is left behind (`CatalogDatabase.create(_:loading:check:)`).
    public func copy(to location: String) throws -> CopyReport {
        let dump = try repository.dump()
        let name = DatabaseLocation.displayName(location)
        let target = try CatalogDatabase.create(location, loading: dump) { copy in
            try check(copy, against: dump, target: name)
        }
        return CopyReport(source: repository.location, target: target, rowCounts: dump.rowCounts)
    }

    /// The copy read back equals the source row for row, and every template body still hashes
    /// to the SHA-256 its version was recorded with.
    private func check(_ copy: CatalogDump, against source: CatalogDump, target: String) throws {
        for (copied, original) in zip(copy.tables, source.tables) where copied != original {
            throw CopyError.mismatch(target: target, table: original.name, sourceRows: original.rows.count,
                                     copiedRows: copied.rows.count)
        }
        guard let versions = copy.tables.first(where: { $0.name == "templateVersion" }) else { return }
        for row in versions.rows {
            let value = { (column: String) in versions.value(column, in: row) }
            guard case let .text(body) = value("body"), case let .text(recorded) = value("sha256"),
                  AppService.sha256(body) == recorded
            else {
                throw CopyError.templateHash(target: target, app: "\(value("appName"))", region: "\(value("region"))",
                                             version: "\(value("version"))")
            }
        }
    }
}

/// A copy that does not read back as its source.
public enum CopyError: Error, CustomStringConvertible {
    case mismatch(target: String, table: String, sourceRows: Int, copiedRows: Int)
    /// A template body that does not hash to the SHA-256 its version was recorded with.
    case templateHash(target: String, app: String, region: String, version: String)

    public var description: String {
        switch self {
        case let .mismatch(target, table, source, copied):
            "the copy in \(target) does not match its source in table \(table) (\(copied) rows copied of \(source)); "
                + "nothing was kept"
        case let .templateHash(target, app, region, version):
            "in the copy in \(target), template version \(version) of \(app) in \(region) does not hash to its recorded "
                + "SHA-256; nothing was kept"
        }
    }
}
