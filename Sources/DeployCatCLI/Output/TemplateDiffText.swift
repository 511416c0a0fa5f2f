import CatalogService
import CatalogSynthesis
import Foundation

/// A template comparison as text for a terminal: a header, the summary, then `~` changed,
/// `+` added and `-` removed resources with their changed paths, values as compact JSON.
/// Replacements are marked in words, so they show without colour too.
struct TemplateDiffText {
    var color: TextColor

    /// Values longer than this go on lines of their own, old above new.
    static let inlineWidth = 60

    func render(_ comparison: TemplateComparison) -> String {
        let diff = comparison.diff
        var lines = [color.bold("\(comparison.app) in \(comparison.region): \(comparison.old) -> \(comparison.new)")]
        guard !diff.isEmpty else { return (lines + ["no differences"]).joined(separator: "\n") }
        lines.append(diff.summary)
        for resource in diff.resources {
            lines.append("")
            lines.append(heading(resource))
            lines += resource.properties.flatMap { change($0, indent: "    ") }
        }
        if !diff.sections.isEmpty {
            lines += ["", "outside Resources:"]
            lines += diff.sections.flatMap { change($0, indent: "    ") }
        }
        return lines.joined(separator: "\n")
    }

    private func heading(_ resource: ResourceDiff) -> String {
        let text = "\(resource.logicalId) (\(resource.type))"
        switch resource.change {
        case .added: return color.green("+ \(text) added")
        case .removed: return color.red("- \(text) removed")
        case .changed:
            return color.yellow("~ \(text) changed") + (resource.replaces ? " " + color.boldRed("REPLACED") : "")
        }
    }

    private func change(_ change: PropertyChange, indent: String) -> [String] {
        let (marker, paint): (String, (String) -> String) = switch (change.old, change.new) {
        case (nil, _): ("+", color.green)
        case (_, nil): ("-", color.red)
        default: ("~", color.yellow)
        }
        let replacement = change.replaces ? "  " + color.boldRed("(replacement)") : ""
        let old = change.old.map(Self.json), new = change.new.map(Self.json)
        let values = [old, new].compactMap { $0 }
        if values.allSatisfy({ $0.count <= Self.inlineWidth }) {
            return [indent + paint("\(marker) \(change.path)") + ": " + values.joined(separator: " -> ") + replacement]
        }
        return [indent + paint("\(marker) \(change.path)") + replacement]
            + [old.map { color.red("- " + $0) }, new.map { color.green("+ " + $0) }].compactMap { $0 }
                .map { indent + "    " + $0 }
    }

    /// One line of JSON with sorted keys.
    static func json(_ value: TemplateValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
    }
}
