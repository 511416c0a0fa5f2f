import CatalogModel
import Foundation
internal import GRDB

extension SQLiteRepository {
    /// Creates a new, empty catalog file at `path` (the schema, no catalog loaded): the target of
    /// a copy. Refuses a path where something exists already, or whose folder does not.
    public static func create(path: String) throws -> SQLiteRepository {
        if let problem = problemCreating(path) { throw StoreError.cannotCreate(path: path, reason: problem) }
        return try translatingDatabaseErrors(path: path) {
            let pool = LazyDatabasePool(path: path)
            let writer = try pool.get()
            return try SQLiteRepository(reader: writer, writer: { writer }, path: path, loadsDefaultCatalog: false)
        }
    }

    /// Why no new file can be made at `path`, or `nil` when one can.
    private static func problemCreating(_ path: String) -> String? {
        // SQLite reads `file:` names as URIs, whose file is not the one the name says.
        if path.isEmpty || path.hasPrefix("file:") { return "name a plain file path, such as backup.sqlite" }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            return isFolder.boolValue ? "it is a folder; name a new file in it" : "it exists already; a copy goes into a new file"
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) {
            return "the folder \(folder) does not exist"
        }
        return nil
    }

    public func dump() throws -> CatalogDump {
        try translatingDatabaseErrors(path: path) {
            try reader.read { db in
                CatalogDump(tables: try CatalogDump.layout.map { table, orderBy in
                    let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(orderBy)")
                    let columns = try db.columns(in: table).map(\.name)
                    return CatalogDump.Table(name: table, columns: columns, rows: rows.map { row in
                        columns.map { Self.dumpValue(row[$0] as DatabaseValue) }
                    })
                })
            }
        }
    }

    public func load(_ dump: CatalogDump) throws {
        try translatingDatabaseErrors(path: path) {
            try writer().write { db in
                let nonEmpty = try CatalogDump.layout.filter { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0.table)") != 0 }
                guard nonEmpty.isEmpty else {
                    throw StoreError.cannotOpen(path: path, reason: "it holds a catalog already (\(nonEmpty[0].table) has "
                        + "rows); a copy goes into an empty database")
                }
                for table in dump.tables {
                    let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
                    let statement = try db.makeStatement(sql: "INSERT INTO \(table.name) (\(table.columns.joined(separator: ", "))) "
                        + "VALUES (\(placeholders))")
                    for row in table.rows {
                        try statement.execute(arguments: StatementArguments(row.map(Self.databaseValue)))
                    }
                }
            }
        }
    }

    private static func dumpValue(_ value: DatabaseValue) -> CatalogDump.Value {
        switch value.storage {
        case .null: .null
        case let .int64(number): .integer(number)
        case let .double(number): .real(number)
        case let .string(text): .text(text)
        case let .blob(data): .text(String(decoding: data, as: UTF8.self))
        }
    }

    private static func databaseValue(_ value: CatalogDump.Value) -> DatabaseValue {
        switch value {
        case .null: .null
        case let .integer(number): number.databaseValue
        case let .real(number): number.databaseValue
        case let .text(text): text.databaseValue
        }
    }
}
