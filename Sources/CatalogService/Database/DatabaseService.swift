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
        guard let bodies = copy.tables.first(where: { $0.name == "templateBody" }),
              let versions = copy.tables.first(where: { $0.name == "templateVersion" }) else { return }
        let mismatched = Set(bodies.rows.compactMap { row -> SQLValue? in
            guard case let .text(body) = bodies.value("body", in: row), case let .text(recorded) = bodies.value("sha256", in: row),
                  AppService.sha256(compact: body) == recorded else { return bodies.value("sha256", in: row) }
            return nil
        })
        // A text is stored once: the versions that have it are named.
        for row in versions.rows where mismatched.contains(versions.value("sha256", in: row)) {
            let value = { (column: String) in versions.value(column, in: row) }
            throw CopyError.templateHash(target: target, app: "\(value("appName"))", region: "\(value("region"))",
                                         version: "\(value("version"))")
        }
    }
}

extension DatabaseService {
    /// What a backup wrote and found on checking it.
    public struct BackupReport: Sendable {
        public var source: String
        public var target: String
        public var bytes: Int
        public var verification: AppService.Verification
    }

    /// Writes a consistent copy of an SQLite catalog into the new file `path` while other
    /// deploycats go on writing, checks the copy as `verify` does (the file's integrity, every
    /// template body's SHA-256, every app's listed fields) and only then gives it its name. A
    /// PostgreSQL catalog is refused with the server's own tool to use, once the server has answered.
    public func backup(to path: String) throws -> BackupReport {
        var verification = AppService.Verification()
        try repository.backup(to: path) { copy in
            verification = try AppService(repository: copy).verify()
            guard verification.passed else {
                throw BackupError.checkFailed(target: path, problems: verification.integrityProblems
                    + verification.mismatches.map { "\($0.app) in \($0.region) version \($0.version) does not hash to its recorded SHA-256" }
                    + verification.summaryMismatches.map { "listed fields differ from the spec: \($0)" })
            }
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        return BackupReport(source: repository.location, target: path, bytes: size ?? 0, verification: verification)
    }
}

/// A backup whose copy did not pass its check.
public enum BackupError: Error, CustomStringConvertible {
    case checkFailed(target: String, problems: [String])

    public var description: String {
        switch self {
        case let .checkFailed(target, problems):
            "the copy for \(target) failed its check, as the catalog it was copied from would (run `deploycat "
                + "verify` on it); nothing was kept:\n" + problems.prefix(20).map { "  \($0)" }.joined(separator: "\n")
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
