/// A structural comparison of two CloudFormation templates: resources added, removed and
/// changed (with the property paths that changed and whether CloudFormation would replace
/// them), and changes in the other sections (Parameters, Outputs, Conditions, Metadata...).
///
/// Pure and deterministic: resources sort by logical id, changes by path.
public struct TemplateDiff: Sendable, Encodable, Equatable {
    /// Sorted by logical id.
    public var resources: [ResourceDiff]
    /// Changes outside Resources, paths like `Outputs.ProfileArn.Value`.
    public var sections: [PropertyChange]

    public init(old: TemplateValue, new: TemplateValue) {
        let before = Self.members(old["Resources"]), after = Self.members(new["Resources"])
        resources = Set(before.keys).union(after.keys).sorted().compactMap { logicalId in
            switch (before[logicalId], after[logicalId]) {
            case let (old?, new?):
                return ResourceDiff(logicalId: logicalId, old: old, new: new)
            case let (old?, nil):
                return ResourceDiff(logicalId: logicalId, type: ResourceDiff.type(of: old), change: .removed)
            case let (nil, new?):
                return ResourceDiff(logicalId: logicalId, type: ResourceDiff.type(of: new), change: .added)
            case (nil, nil):
                return nil
            }
        }
        let oldSections = Self.members(old), newSections = Self.members(new)
        sections = Set(oldSections.keys).union(newSections.keys).subtracting(["Resources"]).sorted().flatMap { name in
            var (before, after) = (oldSections[name], newSections[name])
            // A section only one template has lists its entries (each output), not one whole value.
            if case .object = before ?? after { (before, after) = (before ?? [:], after ?? [:]) }
            return StructuralComparison.changes(before, after, at: DiffPath(steps: [.key(name)])).map { PropertyChange($0) }
        }
    }

    public var isEmpty: Bool { resources.isEmpty && sections.isEmpty }

    /// Resources the change would make CloudFormation replace.
    public var replacements: [ResourceDiff] { resources.filter(\.replaces) }

    /// `2 changed (1 replaced), 1 added, 0 removed`, and how many changes are outside Resources
    /// when there are any: one line for a report.
    public var summary: String {
        func count(_ change: ResourceDiff.Change) -> Int { resources.filter { $0.change == change }.count }
        let replaced = replacements.count
        var text = "\(count(.changed)) changed" + (replaced > 0 ? " (\(replaced) replaced)" : "")
            + ", \(count(.added)) added, \(count(.removed)) removed"
        if !sections.isEmpty {
            text += ", \(sections.count) change\(sections.count == 1 ? "" : "s") outside Resources"
        }
        return text
    }

    private static func members(_ value: TemplateValue?) -> TemplateObject {
        if case let .object(members)? = value { return members }
        return [:]
    }
}
