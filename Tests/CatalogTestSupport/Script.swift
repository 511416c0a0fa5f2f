import Foundation

/// Runs a program from `PATH` (or at a path) in the package root, such as the scripts in bin/,
/// psql or python3, capturing its exit status and both streams.
public enum Script {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// A script that did not do its job, and what it said.
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public init(message: String) { self.message = message }
        public var description: String { message }
    }

    public static func run(_ command: String, _ arguments: String...) throws -> Result {
        try run(command, arguments)
    }

    public static func run(_ command: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        process.currentDirectoryURL = PackagePaths.root
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }
}
