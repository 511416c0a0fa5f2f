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

    /// `text` with the characters that would steer a terminal written as `\u{1B}`: control
    /// characters other than the line break (escape sequences, bells, carriage returns), C1
    /// controls and the bidirectional overrides that reorder what follows. Messages echo what
    /// the user gave (a name, a billing row's value), and a file may hold anything.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isSteering) else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isSteering(scalar) {
                shown.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                shown.append(scalar)
            }
        }
        return String(shown)
    }

    private static func isSteering(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// stdout's columns (`ioctl(TIOCGWINSZ)`), or nil when stdout is not a terminal.
    private static func terminalColumns() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        let status = withUnsafeMutablePointer(to: &size) { ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), $0) }
        return status == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }
}
