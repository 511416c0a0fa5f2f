import Foundation

/// Runs the built `deploycat` binary as a user would, capturing exit status and both streams.
public struct DeployCatProcess: Sendable {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// The lines of stderr.
        public var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// `.build/debug/deploycat`, which `swift build --build-tests` (and so `bin/test`) builds.
    public static let binary = PackagePaths.root.appendingPathComponent(".build/debug/deploycat")

    public var workingDirectory: URL
    public var environment: [String: String] = [:]
    /// Run as the unprivileged user `nobody` (through setpriv when the tests run as root), for
    /// checks that root's access to every file would defeat.
    public var unprivileged = false

    /// Whether `unprivileged` runs can be made here.
    public static var canRunUnprivileged: Bool {
        getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    }

    /// The catalog commands use when they name none: `deploycat.sqlite` in the working folder or,
    /// when the command-line tests run on PostgreSQL (`TestPostgres.commandsUsePostgres`), a new
    /// database on the test server, which `DEPLOYCAT_DB` names.
    public let database: String

    public init(workingDirectory: URL) throws {
        self.workingDirectory = workingDirectory
        if TestPostgres.commandsUsePostgres {
            database = try TestPostgres.createDatabaseURL(prefix: "cli")
            environment["DEPLOYCAT_DB"] = database
        } else {
            database = workingDirectory.appendingPathComponent("deploycat.sqlite").path
        }
    }

    /// How commands name `database` in their messages.
    public var databaseName: String { TestPostgres.commandsUsePostgres ? database : "deploycat.sqlite" }

    public func run(_ arguments: String...) throws -> Result {
        try run(arguments)
    }

    /// Runs with `input` on standard input.
    public func run(_ arguments: [String], input: String) throws -> Result {
        try run(arguments, standardInput: Data(input.utf8))
    }

    public func run(_ arguments: [String], standardInput input: Data? = nil) throws -> Result {
        let process = Process()
        if unprivileged && getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Self.binary.path] + arguments
        } else {
            process.executableURL = Self.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = workingDirectory
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DEPLOYCAT_DB")
        environment.merge(self.environment) { _, new in new }
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            // Small inputs fit the pipe's buffer; close it so the child sees the end.
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        // Read both pipes before waiting, so a large output cannot fill a pipe and stall the child.
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }
}

/// A command's standard output parsed as JSON (for `--json` output).
public func json(_ result: DeployCatProcess.Result) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
}
