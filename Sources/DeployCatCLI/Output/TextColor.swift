import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ANSI colours for text output, used only when stdout is a terminal and `NO_COLOR` is unset
/// or empty (no-color.org): piped or redirected output stays plain text.
struct TextColor {
    var enabled: Bool

    /// Whether this process's stdout should get colour.
    static var forStandardOutput: TextColor {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"] ?? ""
        return TextColor(enabled: noColor.isEmpty && isatty(STDOUT_FILENO) == 1)
    }

    func green(_ text: String) -> String { paint(text, "32") }
    func red(_ text: String) -> String { paint(text, "31") }
    func yellow(_ text: String) -> String { paint(text, "33") }
    func boldRed(_ text: String) -> String { paint(text, "1;31") }
    func bold(_ text: String) -> String { paint(text, "1") }

    private func paint(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
