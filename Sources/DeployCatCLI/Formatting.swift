import CatalogModel
import Foundation

/// Shared text shapes for catalog values in tables and detail views.
enum Formatting {
    static func list(_ values: [String], empty: String = "-") -> String {
        values.isEmpty ? empty : values.joined(separator: ",")
    }

    static func price(_ value: Double?) -> String {
        value.map(ModelPrice.text) ?? "-"
    }

    static func lifecycle(_ model: FoundationModel) -> String {
        model.lifecycle?.rawValue ?? "-"
    }

    static func status(_ profile: SystemProfile) -> String {
        guard profile.status == .unlisted else { return profile.status.rawValue }
        return profile.lastSeen.map { "unlisted (last seen \($0))" } ?? "unlisted"
    }
}
