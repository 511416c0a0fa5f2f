import CatalogService
import CatalogSynthesis
import Foundation

/// A template comparison as text for a terminal: a header, then the diff's lines
/// (`TemplateDiff.lines`) in colour.
struct TemplateDiffText {
    var color: TextColor

    func render(_ comparison: TemplateComparison) -> String {
        let header = color.bold("\(comparison.app) in \(comparison.region): \(comparison.old) -> \(comparison.new)")
        guard !comparison.diff.isEmpty else { return header + "\nno differences" }
        return ([header] + comparison.diff.lines.map(paint)).joined(separator: "\n")
    }

    private func paint(_ line: DiffLine) -> String {
        String(repeating: " ", count: line.indent) + line.segments.map { text, style in
            switch style {
            case .plain: text
            case .added: color.green(text)
            case .removed: color.red(text)
            case .changed: color.yellow(text)
            case .replacement: color.boldRed(text)
            }
        }.joined()
    }
}
