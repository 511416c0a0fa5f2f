import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The width tables are fitted to.
enum Terminal {
    /// The terminal's columns when stdout is a terminal, else `$COLUMNS` when set, else no limit:
    /// piped output (`catalog geos | grep eu-central-2`) keeps every list whole.
    static var width: Int {
        if let columns = terminalColumns() { return columns }
        if let value = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(value), columns > 0 {
            return columns
        }
        return .max
    }

    /// stdout's columns (`ioctl(TIOCGWINSZ)`), or nil when stdout is not a terminal.
    private static func terminalColumns() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        let status = withUnsafeMutablePointer(to: &size) { ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), $0) }
        return status == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }
}
