import CatalogModel
import Foundation
internal import NIOCore
internal import NIOPosix
internal import NIOSSL
internal import PostgresNIO

/// The catalog's PostgreSQL server cannot be reached or refuses deploycat: one line naming the
/// server, the database, the user and the cause.
public struct DatabaseUnavailable: ServiceUnavailableError, Hashable {
    public let server: String
    public let database: String
    public let user: String
    public let cause: String

    public var description: String {
        "the catalog database \(database) on \(server) (user \(user)) is unavailable: \(cause)"
    }
}

/// postgres-nio's and NIO's errors restated: connection problems as `DatabaseUnavailable`, the
/// server's refusals of a statement as `StoreError.failed` with the server's message.
enum PostgresErrors {
    static func translating<T>(_ server: PostgresLocation, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw translate(error, server) }
    }

    static func translate(_ error: any Error, _ server: PostgresLocation) -> any Error {
        func unavailable(_ cause: String) -> DatabaseUnavailable {
            DatabaseUnavailable(
                server: server.isUnixSocket ? "the Unix socket \(server.socketPath)" : "\(server.host) port \(server.port)",
                database: server.database, user: server.user, cause: cause)
        }
        switch error {
        case is StoreError, is DatabaseUnavailable, is SQLRowError: return error
        case let error as PSQLError:
            switch error.code {
            case .server:
                let state = error.serverInfo?[.sqlState] ?? ""
                let message = error.serverInfo?[.message] ?? "\(error.code)"
                switch state {
                case "28P01":
                    return unavailable("authentication failed (check the password in the URL, PGPASSWORD or the password "
                        + "file)" + (server.passwordFileNote.map { "; \($0)" } ?? ""))
                case "3D000": return unavailable("the database \(server.database) does not exist; create it (createdb \(server.database)) or name another in the URL")
                case "28000" where message.contains("no encryption"):
                    return unavailable("the server requires TLS; set sslmode=require (or verify-full) in the URL (\(message))")
                case _ where state.hasPrefix("28"): return unavailable("the server refused the login: \(message)")
                case "57P01", "57P02", "57P03", "53300": return unavailable("the server is not accepting connections: \(message)")
                case "42501":
                    return StoreError.failed(path: server.description, reason: "\(message); deploycat keeps its tables in "
                        + "the database's current schema, so give user \(server.user) a database of its own "
                        + "(createdb -O \(server.user) deploycat)")
                default: return StoreError.failed(path: server.description, reason: message)
                }
            case .sslUnsupported:
                return unavailable("the server does not accept TLS connections, which sslmode=\(server.tls.rawValue) requires; use sslmode=prefer or disable")
            case .authMechanismRequiresPassword:
                return unavailable(server.passwordFileNote.map { "the server asks for a password and none was given: \($0)" }
                    ?? "the server asks for a password and none was given (put it in the URL, PGPASSWORD or ~/.pgpass)")
            case .unsupportedAuthMechanism:
                return unavailable("the server asks for an authentication method deploycat does not support (it supports "
                    + "scram-sha-256, md5, password and trust)")
            case .saslError: return unavailable("SCRAM authentication failed")
            case .receivedUnencryptedDataAfterSSLRequest, .messageDecodingFailure, .unexpectedBackendMessage:
                return unavailable("the server's answer is not PostgreSQL's protocol; is that PostgreSQL's port?")
            case .connectionError, .failedToAddSSLHandler:
                return unavailable(cause(of: error.underlying ?? error))
            case .serverClosedConnection, .uncleanShutdown:
                return unavailable("the server closed the connection\(error.underlying.map { ": \(cause(of: $0))" } ?? "")")
            case .clientClosedConnection:
                return unavailable("the connection was closed")
            default:
                return StoreError.failed(path: server.description, reason: "\(error.code)")
            }
        case is NIOSSLError, is NIOSSLExtraError, is ChannelError, is IOError, is NIOConnectionError:
            return unavailable(cause(of: error))
        default: return error
        }
    }

    /// Why a connection failed, in words.
    private static func cause(of error: any Error) -> String {
        switch error {
        case let error as IOError where error.errnoCode == ECONNREFUSED:
            return "connection refused; is PostgreSQL running and listening there?"
        case let error as IOError where error.errnoCode == ENOENT:
            return "no socket there; is PostgreSQL running, and is that its socket folder?"
        case let error as IOError: return String(cString: strerror(error.errnoCode)).lowercased()
        case ChannelError.connectTimeout: return "the server did not answer in time (connect_timeout)"
        case let error as NIOConnectionError:
            if error.dnsAError != nil || error.dnsAAAAError != nil, error.connectionErrors.isEmpty {
                return "the host name does not resolve"
            }
            return error.connectionErrors.first.map { cause(of: $0.error) } ?? "the connection failed"
        case let error as NIOSSLExtraError where error == .failedToValidateHostname:
            return "the server's TLS certificate is not for that host name (sslmode=verify-full checks it)"
        case let error as NIOSSLError where "\(error)".contains("CERTIFICATE_VERIFY_FAILED"):
            return "the server's TLS certificate is not signed by a trusted authority; name the authority's certificate "
                + "with sslrootcert=FILE, or use sslmode=require to encrypt without checking the certificate"
        case is NIOSSLError, is NIOSSLExtraError: return "the TLS handshake failed"
        default: return "\(error)"
        }
    }
}
