/// One storage engine under the catalog repository: it runs transactions and says how its SQL
/// differs. The repository's SQL is written once, with `?` placeholders and the `SQLDialect`'s
/// fragments where the engines differ; SQLite (`SQLiteEngine`) and PostgreSQL
/// (`PostgresEngine`) run it.
protocol SQLEngine: Sendable {
    /// Where the database is, as messages name it (a PostgreSQL URL without its password).
    var location: String { get }
    var dialect: SQLDialect { get }
    /// Runs `body` in a read-only transaction that sees one consistent state of the database.
    func read<T>(_ body: (any SQLTransaction) throws -> T) throws -> T
    /// Runs `body` in a write transaction, one at a time across every client of the database,
    /// so that revisions and version numbers are given out in order; rolled back when it throws.
    func write<T>(_ body: (any SQLTransaction) throws -> T) throws -> T
}

/// The statements of one open transaction. Arguments are `?` placeholders, which PostgreSQL's
/// engine numbers `$1`, `$2`...: a `?` may appear nowhere else in the SQL (not in a string
/// literal, a comment or a quoted name), and PostgreSQL's jsonb `?` operators are not used.
protocol SQLTransaction {
    var dialect: SQLDialect { get }
    /// Runs a statement and returns its rows (none for most writes).
    @discardableResult
    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
}

extension SQLTransaction {
    @discardableResult
    func rows(_ sql: String, _ arguments: SQLValue...) throws -> [SQLRow] { try rows(sql, arguments) }
    func execute(_ sql: String, _ arguments: SQLValue...) throws { try rows(sql, arguments) }
    func execute(_ sql: String, _ arguments: [SQLValue]) throws { try rows(sql, arguments) }

    /// Inserts rows, or updates the rows with the same `key` columns: catalog entries saved.
    /// Rows go in a few statements each (see `insert(_:columns:rows:keepingIdentity:suffix:returning:)`).
    func upsert(_ table: String, key: [String], columns: [String], rows: [[SQLValue]]) throws {
        let updates = columns.filter { !key.contains($0) }.map { "\($0) = excluded.\($0)" }
        let conflict = "ON CONFLICT (\(key.joined(separator: ", "))) "
            + (updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET \(updates.joined(separator: ", "))")
        try insert(table, columns: columns, rows: rows, suffix: " " + conflict)
    }

    /// Inserts a row, or updates the row with the same `key` columns.
    func upsert(_ table: String, key: [String], _ values: KeyValuePairs<String, SQLValue>) throws {
        try upsert(table, key: key, columns: values.map(\.key), rows: [values.map(\.value)])
    }

    /// Refreshes the engine's statistics of `tables` when a write added at least
    /// `manyRows` rows to them (see `SQLDialect.refreshStatistics`).
    func refreshStatistics(of tables: [String], afterAdding rows: Int) throws {
        guard rows >= manyRows, let sql = dialect.refreshStatistics(of: tables) else { return }
        try execute(sql)
    }

    /// Deletes the rows whose `column` is one of `keys`, in one statement.
    func delete(from table: String, where column: String, in keys: [String]) throws {
        guard !keys.isEmpty else { return }
        try execute("DELETE FROM \(table) WHERE \(column) IN (\(dialect.textList))", try SQLCatalogRepository.json(keys))
    }

    /// Inserts rows, in as few statements as the engines' limits on arguments allow or, where
    /// the engine keeps its statements (`SQLDialect.keepsStatements`), in statements of a few
    /// sizes only: as many rows as one takes, then powers of two. With `keepingIdentity`, the
    /// rows' identity column values are written as given (a copy's rows). Returns the
    /// `returning` columns of the new rows when asked, in no particular order.
    @discardableResult
    func insert(
        _ table: String, columns: [String], rows: [[SQLValue]], keepingIdentity: Bool = false, suffix: String = "",
        returning: [String] = []
    ) throws -> [SQLRow] {
        let row = "(\(placeholders(columns.count)))"
        let returned = returning.isEmpty ? "" : " RETURNING \(returning.joined(separator: ", "))"
        // Both engines take thousands of arguments per statement (SQLite 32766, PostgreSQL 65535).
        let rowsPerStatement = max(1, min(500, 30_000 / max(columns.count, 1)))
        var start = 0
        var written: [SQLRow] = []
        while start < rows.count {
            // A kept statement per row count would be a statement per batch of a rebuild's
            // dependencies: with powers of two, inserts of any count share a few of them.
            let left = rows.count - start
            let count = left >= rowsPerStatement ? rowsPerStatement
                : dialect.keepsStatements ? 1 << (Int.bitWidth - 1 - left.leadingZeroBitCount) : left
            let batch = rows[start..<(start + count)]
            written += try self.rows("""
                INSERT INTO \(table) (\(columns.joined(separator: ", ")))\(keepingIdentity ? dialect.keepingIdentity : "") \
                VALUES \(Array(repeating: row, count: batch.count).joined(separator: ", "))\(suffix)\(returned)
                """, batch.flatMap { $0 })
            start += batch.count
        }
        return written
    }

    /// Inserts a row.
    func insert(_ table: String, _ values: KeyValuePairs<String, SQLValue>) throws {
        try insert(table, columns: values.map(\.key), rows: [values.map(\.value)])
    }
}

/// How many rows one write must add to a table before it refreshes the table's statistics.
let manyRows = 1000

/// `?, ?, ?` for `count` values.
func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
}
