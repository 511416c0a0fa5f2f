import CatalogModel
import Foundation

/// The whole database as rows: what `db copy` reads from one engine and writes into another.
extension SQLCatalogRepository {
    /// Every row, read in one transaction, each table's rows in primary-key order and JSON
    /// columns as deploycat writes them, so equal catalogs dump equal on either engine.
    public func dump() throws -> CatalogDump {
        try engine.read { db in
            CatalogDump(tables: try CatalogDump.layout.map { table, key, _ in
                let rows = try db.rows("SELECT * FROM \(table)")
                let columns = rows.first?.columns ?? []
                let keyIndexes = key.compactMap { columns.firstIndex(of: $0.lowercased()) }
                let values = try rows.map { row in
                    try zip(row.columns, row.values).map { column, value in
                        try Self.canonical(value, column: "\(table.lowercased()).\(column)")
                    }
                }
                return CatalogDump.Table(name: table, columns: columns, rows: values.sorted { a, b in
                    keyIndexes.map { a[$0] }.lexicographicallyPrecedes(keyIndexes.map { b[$0] })
                })
            })
        }
    }

    /// Writes every row of `dump` into this database, which must hold no catalog yet, in one
    /// transaction; identity columns keep their values.
    public func load(_ dump: CatalogDump) throws {
        try engine.write { db in
            for (table, _, _) in CatalogDump.layout {
                if try db.rows("SELECT 1 FROM \(table) LIMIT 1").isEmpty == false {
                    throw StoreError.cannotOpen(path: location, reason: "it holds a catalog already (\(table) has "
                        + "rows); a copy goes into an empty database")
                }
            }
            for table in dump.tables where !table.rows.isEmpty {
                let identity = CatalogDump.layout.first { $0.table == table.name }?.identity
                try db.insert(table.name, columns: table.columns, rows: table.rows, keepingIdentity: identity != nil)
                if let identity, let advance = db.dialect.advanceIdentity(of: table.name, column: identity) {
                    try db.execute(advance)
                }
            }
        }
    }

    /// A JSON column's text as deploycat writes it; other values as they are.
    private static func canonical(_ value: SQLValue, column: String) throws -> SQLValue {
        guard case let .text(text) = value, let kind = CatalogDump.jsonColumns[column] else { return value }
        switch kind {
        case .strings: return try json(try JSONDecoder().decode([String].self, from: Data(text.utf8)))
        case .appSpec: return .text(try AppSpec.fromCanonicalJSON(text).canonicalJSON())
        }
    }
}
