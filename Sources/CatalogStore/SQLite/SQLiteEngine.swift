import Foundation
internal import GRDB
internal import GRDBSQLite

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
            try bind(arguments, to: statement)
            // A statement without result columns (an insert of a million billing rows) runs
            // without a row cursor.
            let rows = columns.isEmpty
                ? try { try statement.execute(); return [] }()
                : try Row.fetchAll(statement)
                    .map { row in SQLRow(columns: columns, values: row.databaseValues.map(Self.value)) }
            // The kept statement lets go of its arguments (and SQLite of its copy): a batch's
            // template texts are a megabyte or more. Done once it ran to the end, which leaves
            // nothing for the reset this takes to report (a statement that failed is not kept:
            // GRDB drops it from its cache).
            statement.setUncheckedArguments(StatementArguments())
            return rows
        }

        /// Binds `arguments` to the statement's `?`s in order, straight from `SQLValue`s:
        /// through GRDB's `StatementArguments` each value was converted, then checked, then
        /// bound, which was a tenth of a large rebuild's writing thread. GRDB is first told the
        /// statement has its arguments (it resets it and clears them), so it runs it as bound.
        private func bind(_ arguments: [SQLValue], to statement: Statement) throws {
            statement.setUncheckedArguments(StatementArguments())
            let handle = statement.sqliteStatement
            guard Int(sqlite3_bind_parameter_count(handle)) == arguments.count else {
                throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "\(arguments.count) arguments for "
                    + "\(sqlite3_bind_parameter_count(handle)) parameters", sql: statement.sql)
            }
            for (offset, argument) in arguments.enumerated() {
                let index = CInt(offset + 1)
                let code: CInt = switch argument {
                case .null: sqlite3_bind_null(handle, index)
                case let .integer(number): sqlite3_bind_int64(handle, index, number)
                case let .real(number): sqlite3_bind_double(handle, index, number)
                case var .text(text):
                    // A null pointer would bind NULL: an empty text is bound from a byte of its own.
                    // The 64-bit call: a text past SQLite's limit is its error (SQLITE_TOOBIG), not a trap.
                    text.isEmpty ? sqlite3_bind_text(handle, index, "", 0, Self.transient)
                        : text.withUTF8 {
                            sqlite3_bind_text64(handle, index, $0.baseAddress, sqlite3_uint64($0.count), Self.transient,
                                                UInt8(SQLITE_UTF8))
                        }
                }
                guard code == SQLITE_OK else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
                }
            }
        }

        /// SQLite copies a text bound with this destructor, so it may outlive the Swift string.
        private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

        private static func value(_ value: DatabaseValue) -> SQLValue {
            switch value.storage {
            case .null: .null
            case let .int64(number): .integer(number)
            case let .double(number): .real(number)
            case let .string(text): .text(text)
            case let .blob(data): .text(String(decoding: data, as: UTF8.self))
            }
        }
    }
}
