import CatalogModel
import Foundation

/// The whole database as rows: what `db copy` reads from one engine and writes into another.
extension SQLCatalogRepository {
    /// Every row, read in one transaction, each table's rows in primary-key order and JSON
    /// columns as deploycat writes them, so equal catalogs dump equal on either engine.
    public func dump() throws -> CatalogDump {
        try engine.read(Self.dump)
    }

    /// Writes every row of `dump` into this database (which holds no catalog yet) and reads
    /// them back for `check`, in one transaction: when either throws, nothing is written.
    func load(_ dump: CatalogDump, check: (CatalogDump) throws -> Void) throws {
        try engine.write { db in
            try Self.load(dump, db)
            try check(try Self.dump(db))
        }
    }

    static func dump(_ db: any SQLTransaction) throws -> CatalogDump {
        CatalogDump(tables: try CatalogDump.layout.map { table, key, _ in
            let rows = try db.rows("SELECT * FROM \(table)")
            let columns = rows.first?.columns ?? []
            let keyIndexes = key.compactMap { columns.firstIndex(of: $0.lowercased()) }
            let values = try rows.map { row in
                try zip(row.columns, row.values).map { column, value in
                    try canonical(value, column: "\(table.lowercased()).\(column)")
                }
            }
            return CatalogDump.Table(name: table, columns: columns, rows: values.sorted { a, b in
                keyIndexes.map { a[$0] }.lexicographicallyPrecedes(keyIndexes.map { b[$0] })
            })
        })
    }

    /// Writes every row of `dump` into a database that has the schema and no rows; identity
    /// columns keep their values.
    static func load(_ dump: CatalogDump, _ db: any SQLTransaction) throws {
        for table in dump.tables where !table.rows.isEmpty {
            let identity = CatalogDump.layout.first { $0.table == table.name }?.identity
            try db.insert(table.name, columns: table.columns, rows: table.rows, keepingIdentity: identity != nil)
            if let identity, let advance = db.dialect.advanceIdentity(of: table.name, column: identity) {
                try db.execute(advance)
            }
            try db.refreshStatistics(of: [table.name], afterAdding: table.rows.count)
        }
    }

    /// A JSON column's text as deploycat writes it; other values as they are.
    private static func canonical(_ value: SQLValue, column: String) throws -> SQLValue {
        guard case let .text(text) = value, let kind = CatalogDump.jsonColumns[column] else { return value }
        switch kind {
        case .strings: return try json(try JSONDecoder().decode([String].self, from: Data(text.utf8)))
        case .stringMap: return try json(try JSONDecoder().decode([String: String].self, from: Data(text.utf8)))
        case .appSpec: return .text(try AppSpec.fromCanonicalJSON(text).canonicalJSON())
        }
    }
}
