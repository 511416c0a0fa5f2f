import CatalogModel
import Foundation

/// Shared text shapes for catalog values in tables and detail views.
enum Formatting {
    /// `1 profile`, `3 profiles`: a count and its noun, plural (`noun` + s unless given) unless the count is 1.
    static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }

    /// `812 KB`, `12.4 MB`: a file's size.
    static func bytes(_ bytes: Int) -> String {
        bytes < 1_000_000 ? "\(max(1, (bytes + 500) / 1_000)) KB" : String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }

    static func list(_ values: [String], empty: String = "-") -> String {
        values.isEmpty ? empty : values.joined(separator: ",")
    }

    static func price(_ value: Double?) -> String {
        value.map(ModelPrice.text) ?? "-"
    }

    /// A computed price such as a batch price, as plain decimal text (`0.0004`).
    static func price(_ value: Decimal?) -> String {
        value.map { "\($0)" } ?? "-"
    }

    /// `yes`, `no`, `unknown`: whether a model takes batch jobs.
    static func batch(_ model: FoundationModel) -> String {
        model.batch.map { $0 ? "yes" : "no" } ?? "unknown"
    }

    /// `input 0.0004, output 0.0016 (half the on-demand price)`, or `-` without a batch price.
    static func batchPrice(_ model: FoundationModel) -> String {
        guard let price = model.batchPrice else { return "-" }
        let basis = switch price.basis {
        case .listed: "listed"
        case .onDemandDiscount: "half the on-demand price"
        }
        return "input \(self.price(price.inputPer1k)), output \(self.price(price.outputPer1k)) (\(basis))"
    }

    static func lifecycle(_ model: FoundationModel) -> String {
        model.lifecycle?.rawValue ?? "-"
    }

    static func status(_ profile: SystemProfile) -> String {
        guard profile.status == .unlisted else { return profile.status.rawValue }
        return profile.lastSeen.map { "unlisted (last seen \($0))" } ?? "unlisted"
    }

    /// A profile's status in a table: without the last-seen day when the table is too wide.
    static func statusCell(_ profile: SystemProfile) -> TextTable.Cell {
        .text(status(profile), short: profile.status.rawValue)
    }

    /// `text` as one shell word: unchanged when it holds only safe characters, else in single quotes.
    static func shellQuoted(_ text: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@%+,")
        if text.isEmpty { return "''" }
        if text.allSatisfy(safe.contains) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
