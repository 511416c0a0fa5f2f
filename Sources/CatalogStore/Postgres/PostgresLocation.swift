import Foundation

/// A PostgreSQL URL (`postgres://USER:PASSWORD@HOST:PORT/DBNAME?sslmode=require`, also
/// `postgresql://`) read much as libpq reads it: the user defaults to `PGUSER` or the login
/// name, the host to `PGHOST` or `localhost` (libpq would try its Unix socket), the port to
/// `PGPORT` or 5432, the database to the user's name; a `host` parameter that is a folder names
/// a Unix socket's folder. The password comes from the URL, else `PGPASSWORD`, else the
/// password file (`PGPASSFILE` or `$HOME/.pgpass`). Only the parameters listed in `init` are
/// taken, and sslmode `allow` is not: an unknown one is an error rather than ignored.
struct PostgresLocation: Equatable, Sendable {
    enum TLSMode: String, CaseIterable, Sendable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    var user: String
    var password: String?
    /// A host name or address, or the folder of a Unix socket (starts with `/`).
    var host: String
    var port: Int
    var database: String
    var tls: TLSMode
    /// Certificate authorities to trust for `verify-ca` and `verify-full` (a PEM file), else the system's.
    var rootCertificate: String?
    /// Seconds to wait for the server to answer (`connect_timeout`).
    var connectTimeout = 10
    /// Why a password file that exists was not read (its permissions), for the message when
    /// the server asks for a password.
    var passwordFileNote: String?

    var isUnixSocket: Bool { host.hasPrefix("/") }
    /// The socket file in the socket folder, as PostgreSQL names it.
    var socketPath: String { "\(host)/.s.PGSQL.\(port)" }

    /// The URL as messages name it: never the password.
    var description: String {
        let place = isUnixSocket ? "?host=\(host)" + (port == 5432 ? "" : "&port=\(port)") : ""
        let server = isUnixSocket ? "" : (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
        return "postgres://\(user)@\(server)/\(database)\(place)"
    }

    /// `postgres://...` and `postgresql://...`, which name a server rather than a file.
    static func isURL(_ text: String) -> Bool {
        ["postgres://", "postgresql://"].contains { text.lowercased().hasPrefix($0) }
    }

}

extension PostgresLocation {
    /// Reads `text`; throws `StoreError.cannotOpen` naming what is wrong and what is allowed.
    init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func refuse(_ reason: String) -> StoreError {
            StoreError.cannotOpen(path: Self.redacted(text), reason: reason)
        }
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
              ["postgres", "postgresql"].contains(scheme)
        else {
            throw refuse("it is not a PostgreSQL URL; write postgres://USER@HOST:PORT/DBNAME?sslmode=require")
        }
        var parameters: [String: String] = [:]
        for item in url.queryItems ?? [] {
            guard let value = item.value else { throw refuse("the parameter \(item.name) has no value") }
            parameters[item.name] = value
        }
        let known: Set = ["host", "port", "user", "password", "dbname", "sslmode", "sslrootcert", "connect_timeout"]
        if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw refuse("the parameter \(unknown) is not known; use \(known.sorted().joined(separator: ", "))")
        }
        user = parameters["user"] ?? url.user.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGUSER"]
            ?? environment["USER"] ?? NSUserName()
        host = parameters["host"] ?? url.host.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGHOST"] ?? "localhost"
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let portText = parameters["port"] ?? url.port.map(String.init) ?? environment["PGPORT"] ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw refuse("the port \(portText) is not a number from 1 to 65535")
        }
        self.port = port
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        database = parameters["dbname"] ?? (path.isEmpty ? environment["PGDATABASE"] ?? user : path)
        let modeText = parameters["sslmode"] ?? environment["PGSSLMODE"] ?? TLSMode.prefer.rawValue
        guard let tls = TLSMode(rawValue: modeText) else {
            throw refuse("sslmode \(modeText) is not one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.tls = tls
        rootCertificate = parameters["sslrootcert"] ?? environment["PGSSLROOTCERT"]
        if let file = rootCertificate, !FileManager.default.isReadableFile(atPath: file) {
            throw refuse("sslrootcert \(file) cannot be read; name a PEM file of the certificate authorities to trust")
        }
        if let text = parameters["connect_timeout"] ?? environment["PGCONNECT_TIMEOUT"] {
            guard let seconds = Int(text), seconds >= 1 else { throw refuse("connect_timeout \(text) is not a whole number of seconds") }
            connectTimeout = seconds
        }
        password = parameters["password"] ?? url.password ?? environment["PGPASSWORD"]
        if password == nil {
            let home = environment["HOME"] ?? NSHomeDirectory()
            let file = environment["PGPASSFILE"] ?? (home as NSString).appendingPathComponent(".pgpass")
            switch PasswordFile.password(in: file, host: host, port: port, database: database, user: user) {
            case let .found(found): password = found
            case .readableByOthers:
                passwordFileNote = "the password file \(file) was skipped because others may read it; chmod 600 \(file)"
            case .none: break
            }
        }
    }

    /// `text` with any password in it replaced, for messages about a URL that does not parse.
    static func redacted(_ text: String) -> String {
        text.replacing(/:\/\/([^:@\/]*):[^@\/]*@/) { "://\($0.1):***@" }
            .replacing(/password=[^&]*/, with: "password=***")
    }
}

/// libpq's password file: lines `host:port:database:user:password`, `*` matching anything,
/// `\:` and `\\` escaped; the first matching line wins. Like libpq, a file that others may read
/// is ignored. A Unix socket matches the host `localhost`.
enum PasswordFile {
    enum Lookup: Equatable {
        case found(String)
        /// The file exists but others may read it, so it was not read.
        case readableByOthers
        /// No file, or no line for this server, database and user.
        case none
    }

    static func password(in path: String, host: String, port: Int, database: String, user: String) -> Lookup {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = attributes[.posixPermissions] as? Int
        else { return .none }
        guard mode & 0o077 == 0 else { return .readableByOthers }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return .none }
        let wanted = [host.hasPrefix("/") ? "localhost" : host, String(port), database, user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return .found(fields[4]) }
        }
        return .none
    }

    /// The fields of a line, split at unescaped colons.
    private static func split(_ line: String) -> [String] {
        var fields = [""], escaped = false
        for character in line {
            if escaped {
                fields[fields.count - 1].append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 5 {
                fields.append("")
            } else {
                fields[fields.count - 1].append(character)
            }
        }
        return fields
    }
}
