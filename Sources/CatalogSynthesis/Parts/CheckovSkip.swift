/// A checkov check that a resource does not meet, with why that is right for this resource.
/// It goes into the resource's `Metadata.checkov.skip`, where checkov reads it: each exception is
/// made, and explained, where it applies, never by turning a check off for every template.
struct CheckovSkip: Hashable {
    var id: String
    var comment: String

    init(_ id: String, _ comment: String) {
        self.id = id
        self.comment = comment
    }

    /// The `checkov` metadata entry for `skips`, in the order of their ids.
    static func metadata(_ skips: [CheckovSkip]) -> TemplateValue {
        ["skip": .array(skips.sorted { $0.id < $1.id }.map { ["id": .string($0.id), "comment": .string($0.comment)] })]
    }
}
