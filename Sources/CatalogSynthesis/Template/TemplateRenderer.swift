import Foundation

/// Renders templates as canonical JSON: sorted keys, two-space indentation, unescaped slashes
/// and a final newline, so the same template is always the same bytes.
public enum TemplateRenderer {
    public static func json(_ value: TemplateValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers, booleans, arrays and objects cannot fail.
        let data = (try? encoder.encode(value)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
