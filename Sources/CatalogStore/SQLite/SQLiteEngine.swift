import Foundation
internal import GRDB

/// SQLite through GRDB: reads on a read-only connection (an existing file is never opened for
/// writing by a command that only reads), writes on the file's WAL-mode pool, opened on the
/// first write. SQLite has one writer at a time: its write lock orders the writes.
struct SQLiteEngine: SQLEngine {
    let reader: any DatabaseReader
    let writer: @Sendable () throws -> any DatabaseWriter
    /// The file path, or `:memory:`.
    let location: String
    var dialect: SQLDialect { .sqlite }

    func read<T>(_ body: (any SQLTransaction) throws -> T) throws -> T {
        try translatingDatabaseErrors(path: location) { try reader.read { try body(Transaction(db: $0)) } }
    }

    func write<T>(_ body: (any SQLTransaction) throws -> T) throws -> T {
        try translatingDatabaseErrors(path: location) { try writer().write { try body(Transaction(db: $0)) } }
    }

    /// GRDB's connection, inside the transaction `read`, `write` or a migration opened.
    struct Transaction: SQLTransaction {
        let db: Database
        var dialect: SQLDialect { .sqlite }

        func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
            // Cached: a write repeats its statements once per row it records.
            let statement = try db.cachedStatement(sql: sql)
            let columns = statement.columnNames
            let bound = StatementArguments(arguments.map(Self.databaseValue))
            // A statement without result columns (an insert of a million billing rows) runs
            // without a row cursor.
            let rows = columns.isEmpty
                ? try { try statement.execute(arguments: bound); return [] }()
                : try Row.fetchAll(statement, arguments: bound)
                    .map { row in SQLRow(columns: columns, values: row.databaseValues.map(Self.value)) }
            // The kept statement lets go of its arguments (and SQLite of its copy): a batch's
            // template texts are a megabyte or more. Done once it ran to the end, which leaves
            // nothing for the reset this takes to report (after a failure, GRDB resets it on
            // its next use).
            statement.setUncheckedArguments(StatementArguments())
            return rows
        }

        private static func value(_ value: DatabaseValue) -> SQLValue {
            switch value.storage {
            case .null: .null
            case let .int64(number): .integer(number)
            case let .double(number): .real(number)
            case let .string(text): .text(text)
            case let .blob(data): .text(String(decoding: data, as: UTF8.self))
            }
        }

        private static func databaseValue(_ value: SQLValue) -> DatabaseValue {
            switch value {
            case .null: .null
            case let .integer(number): number.databaseValue
            case let .real(number): number.databaseValue
            case let .text(text): text.databaseValue
            }
        }
    }
}
