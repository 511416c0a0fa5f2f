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
        let process = self.process(arguments)
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

    /// Runs `arguments` and sends it SIGKILL, as a crash or an operator's `kill -9` would, as soon
    /// as `killWhen` (asked every 2 ms while it runs) says so; its output is dropped. Returns
    /// whether the kill landed while it ran (`false`: the command had finished, with its status).
    public func run(_ arguments: [String], killWhen: () -> Bool) throws -> (killed: Bool, status: Int32) {
        let process = self.process(arguments)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        while process.isRunning && !killWhen() { usleep(2_000) }
        let killed = process.isRunning && kill(process.processIdentifier, SIGKILL) == 0
        process.waitUntilExit()
        return (killed && process.terminationReason == .uncaughtSignal, process.terminationStatus)
    }

    /// The process for `arguments`, in the working folder, with this run's environment.
    private func process(_ arguments: [String]) -> Process {
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
        return process
    }
}

extension DeployCatProcess {
    /// Runs `sql` on `database` behind deploycat's back, as a hand edit or another tool would
    /// (on SQLite through Python's sqlite3, which leaves foreign keys off).
    public func executeDirectly(_ sql: String) throws {
        if TestPostgres.commandsUsePostgres {
            try TestPostgres.execute(sql, in: TestPostgres.databaseName(of: database))
            return
        }
        let script = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()"
        let result = try Script.run("python3", "-c", script, database, sql)
        guard result.status == 0 else { throw Script.Failure(message: "python3 sqlite3 failed: \(result.stderr)") }
    }
}

/// A command's standard output parsed as JSON (for `--json` output).
public func json(_ result: DeployCatProcess.Result) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
}
