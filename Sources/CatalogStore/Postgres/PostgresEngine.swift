import Foundation
internal import Logging
internal import NIOCore
internal import NIOPosix
internal import NIOSSL
internal import PostgresNIO

/// PostgreSQL through postgres-nio: one connection per command. Reads run in a REPEATABLE READ
/// READ ONLY transaction, so a read of many tables sees one state of the catalog. Writes run in
/// READ COMMITTED after taking one transaction-level advisory lock that every deploycat writer
/// takes: writers queue one at a time, as on SQLite, and each statement after the lock sees
/// every earlier writer's work, so revisions and version numbers are given out in order
/// without gaps or duplicates, and a catalog change is never checked against stale rows.
/// Readers never wait for writers.
///
/// The repository's calls are synchronous; postgres-nio's futures are waited on from the
/// calling thread while NIO's own event loop threads do the work.
struct PostgresEngine: SQLEngine {
    let server: PostgresLocation
    private let session: Session
    var location: String { server.description }
    var dialect: SQLDialect { .postgres }

    /// The key of the advisory lock every write transaction takes (any number, the same in
    /// every deploycat: "deploycat" in ASCII).
    static let writeLock: Int64 = 0x6465_706c_6f79_6361

    /// Connects, or throws `DatabaseUnavailable` saying why not in one line.
    static func connect(_ server: PostgresLocation) throws -> PostgresEngine {
        let configuration = try PostgresErrors.translating(server) { try Self.configuration(server) }
        let connection = try PostgresErrors.translating(server) {
            try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
                                           id: 1, logger: Session.logger).wait()
        }
        return PostgresEngine(server: server, session: Session(connection: connection))
    }

    func read<T>(_ body: (any SQLTransaction) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", locking: nil, body)
    }

    func write<T>(_ body: (any SQLTransaction) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL READ COMMITTED", locking: Self.writeLock, body)
    }

    /// Runs `body` between `begin` and COMMIT, after taking the advisory lock `locking` when given;
    /// rolls back when anything throws.
    func transaction<T>(begin: String, locking lock: Int64?, _ body: (Transaction) throws -> T) throws -> T {
        try session.exclusively {
            let transaction = Transaction(connection: session.connection)
            try PostgresErrors.translating(server) { try transaction.execute(begin) }
            do {
                if let lock { try transaction.execute("SELECT pg_advisory_xact_lock(\(lock))") }
                let result = try body(transaction)
                try transaction.execute("COMMIT")
                return result
            } catch {
                try? transaction.execute("ROLLBACK")
                throw PostgresErrors.translate(error, server)
            }
        }
    }

    private static func configuration(_ server: PostgresLocation) throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if server.isUnixSocket {
            configuration = .init(unixSocketPath: server.socketPath, username: server.user, password: server.password,
                                  database: server.database)
        } else {
            configuration = .init(host: server.host, port: server.port, username: server.user, password: server.password,
                                  database: server.database, tls: try tls(server))
        }
        configuration.options.connectTimeout = .seconds(Int64(server.connectTimeout))
        return configuration
    }

    /// libpq's meanings: `prefer` and `require` encrypt without checking the certificate,
    /// `verify-ca` checks it against the trusted authorities, `verify-full` also checks that it
    /// names the server (SwiftNIO SSL accepts the host name or the address connected to).
    private static func tls(_ server: PostgresLocation) throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch server.tls {
        case .disable: return .disable
        case .prefer, .require: tls.certificateVerification = .none
        case .verifyCA, .verifyFull:
            tls.certificateVerification = server.tls == .verifyFull ? .fullVerification : .noHostnameVerification
            if let file = server.rootCertificate { tls.trustRoots = .file(file) }
        }
        do {
            let context = try NIOSSLContext(configuration: tls)
            return server.tls == .prefer ? .prefer(context) : .require(context)
        } catch {
            throw StoreError.cannotOpen(path: server.description, reason: "sslrootcert \(server.rootCertificate ?? "") holds "
                + "no PEM certificate; name a PEM file of the certificate authorities to trust")
        }
    }

    /// The connection, used by one transaction at a time, closed when the last engine copy goes.
    private final class Session: @unchecked Sendable {
        static let logger = Logger(label: "deploycat.postgres") { _ in SwiftLogNoOpLogHandler() }
        let connection: PostgresConnection
        /// Recursive, so that a transaction's closure calling the repository again stops at the
        /// precondition below with a message instead of waiting for itself forever.
        private let lock = NSRecursiveLock()
        private var inTransaction = false

        init(connection: PostgresConnection) { self.connection = connection }
        deinit { try? connection.close().wait() }

        func exclusively<T>(_ body: () throws -> T) rethrows -> T {
            lock.lock()
            defer { lock.unlock() }
            precondition(!inTransaction, "a repository call from inside one of its own transactions (a check or recheck "
                + "closure must use only the values it is given)")
            inTransaction = true
            defer { inTransaction = false }
            return try body()
        }
    }

    /// Statements on the session's connection. `?` placeholders become `$1`, `$2`...; every
    /// value is sent as untyped text, so the server reads it as the type its place needs
    /// (an integer column, `jsonb`, a LIMIT), as it would a literal.
    struct Transaction: SQLTransaction {
        let connection: PostgresConnection
        var dialect: SQLDialect { .postgres }

        func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
            var bindings = PostgresBindings(capacity: arguments.count)
            for argument in arguments {
                switch argument {
                case .null: bindings.appendNull()
                case let .integer(number): bindings.append(UntypedText(text: String(number)))
                case let .real(number): bindings.append(UntypedText(text: "\(number)"))
                case let .text(text): bindings.append(UntypedText(text: text))
                }
            }
            let query = PostgresQuery(unsafeSQL: Self.numbered(sql), binds: bindings)
            let result = try connection.query(query, logger: Session.logger).wait()
            return try result.rows.map { row in
                var columns: [String] = [], values: [SQLValue] = []
                for cell in row {
                    columns.append(cell.columnName)
                    values.append(try Self.value(cell))
                }
                return SQLRow(columns: columns, values: values)
            }
        }

        /// Runs statements separated by semicolons, with no arguments: a migration file. The
        /// statements are split here (outside quotes, `--` comments dropped), one query each,
        /// because postgres-nio sends every query as a prepared statement, which holds one. So a
        /// migration writes no `--` inside a string, no `/* */` comment and no `$$` body. Every
        /// test database is migrated through this.
        func script(_ sql: String) throws {
            var statement = "", quoted = false
            for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
                var text = Substring(line)
                if !quoted, let comment = text.range(of: "--") { text = text[..<comment.lowerBound] }
                for character in text {
                    if character == "'" { quoted.toggle() }
                    if character == ";" && !quoted {
                        try execute(statement)
                        statement = ""
                    } else {
                        statement.append(character)
                    }
                }
                statement.append("\n")
            }
            if !statement.allSatisfy(\.isWhitespace) { try execute(statement) }
        }

        /// `sql` with its `?` placeholders numbered `$1`, `$2`... (none appear inside quotes).
        static func numbered(_ sql: String) -> String {
            var result = "", number = 0, quoted = false
            for character in sql {
                if character == "'" { quoted.toggle() }
                if character == "?" && !quoted {
                    number += 1
                    result += "$\(number)"
                } else {
                    result.append(character)
                }
            }
            return result
        }

        private static func value(_ cell: PostgresCell) throws -> SQLValue {
            guard var bytes = cell.bytes else { return .null }
            if cell.format == .text {
                let text = bytes.readString(length: bytes.readableBytes) ?? ""
                switch cell.dataType {
                case .int2, .int4, .int8: return Int64(text).map(SQLValue.integer) ?? .text(text)
                case .float4, .float8: return Double(text).map(SQLValue.real) ?? .text(text)
                default: return .text(text)
                }
            }
            switch cell.dataType {
            case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
            case .float4, .float8: return .real(try cell.decode(Double.self))
            case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
            case .jsonb:
                // Binary jsonb is a version byte (1) and the JSON text.
                bytes.moveReaderIndex(forwardBy: 1)
                return .text(bytes.readString(length: bytes.readableBytes) ?? "")
            default: return .text(bytes.readString(length: bytes.readableBytes) ?? "")
            }
        }
    }

    /// A parameter value in text form with no type, which the server infers from where it goes.
    private struct UntypedText: PostgresNonThrowingEncodable {
        let text: String
        static var psqlType: PostgresDataType { PostgresDataType(0) }
        static var psqlFormat: PostgresFormat { .text }
        func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
            buffer.writeString(text)
        }
    }
}
