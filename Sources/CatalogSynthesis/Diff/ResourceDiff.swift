/// How one resource (by logical id) differs between two templates.
public struct ResourceDiff: Sendable, Encodable, Equatable {
    public enum Change: String, Sendable, Encodable {
        case added, removed, changed
    }

    public var logicalId: String
    /// The new type, or the old one when removed.
    public var type: String
    public var change: Change
    /// What changed, for `.changed`, in path order.
    public var properties: [PropertyChange]
    /// CloudFormation would replace it: a create-only property or its `Type` changed.
    public var replaces: Bool

    public init(logicalId: String, type: String, change: Change, properties: [PropertyChange] = [], replaces: Bool = false) {
        self.logicalId = logicalId
        self.type = type
        self.change = change
        self.properties = properties
        self.replaces = replaces
    }

    /// The difference of a resource found in both templates, or `nil` when there is none.
    init?(logicalId: String, old: TemplateValue, new: TemplateValue) {
        let oldType = Self.type(of: old), newType = Self.type(of: new)
        let rule = ReplacementRule(type: newType)
        let properties = StructuralComparison.changes(old, new).map { change in
            PropertyChange(change, replaces: change.path.steps == [.key("Type")] || rule.replaces(change, old: old, new: new))
        }
        guard !properties.isEmpty else { return nil }
        self.init(logicalId: logicalId, type: newType, change: .changed, properties: properties,
                  replaces: oldType != newType || properties.contains(where: \.replaces))
    }

    /// A resource's `Type`, or empty text when it has none.
    static func type(of resource: TemplateValue) -> String {
        if case let .string(type)? = resource["Type"] { return type }
        return ""
    }
}
