import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `deploycat` with a time limit, its output in files and its own peak memory
/// measured: `wait4` returns the child's resource use, which `Process` (which reaps children
/// itself) cannot give, and `RUSAGE_CHILDREN` mixes every child of the test process.
public struct BoundedRun: Sendable {
    public struct Result: Sendable {
        /// The exit status, or `nil` when a signal ended the program.
        public var status: Int32?
        /// The signal that ended it (SIGKILL when the time limit did).
        public var signal: Int32?
        public var timedOut: Bool
        public var seconds: Double
        /// The peak resident memory, in bytes.
        public var peakMemory: Int
        public var stdout: Data
        public var stderr: String

        public var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    public var workingDirectory: URL
    public var timeLimit: Double

    public init(workingDirectory: URL, timeLimit: Double = 10) {
        self.workingDirectory = workingDirectory
        self.timeLimit = timeLimit
    }

    /// Runs `deploycat arguments`, standard input read from `input` (else empty).
    public func run(_ arguments: [String], input: String? = nil) throws -> Result {
        let name = UUID().uuidString
        let outPath = workingDirectory.appendingPathComponent("\(name).out").path
        let errPath = workingDirectory.appendingPathComponent("\(name).err").path
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv = ([DeployCatProcess.binary.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "DEPLOYCAT_DB" }
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environment.forEach { free($0) } }

        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, DeployCatProcess.binary.path, &actions, nil, argv, environment)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }

        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            if waited < 0 && errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            if !timedOut && Date().timeIntervalSince(started) > timeLimit {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(5_000)
        }
        let seconds = Date().timeIntervalSince(started)
        // WIFEXITED / WTERMSIG, spelled out: Swift does not import the macros.
        let signal = status & 0x7F
        return Result(
            status: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
            timedOut: timedOut, seconds: seconds, peakMemory: Int(usage.ru_maxrss) * 1024,
            stdout: FileManager.default.contents(atPath: outPath) ?? Data(),
            stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
    }
}
