/// One difference between two template values, found by `StructuralComparison`.
struct ValueChange: Hashable, Sendable {
    var path: DiffPath
    /// `nil` when the new value added it.
    var old: TemplateValue?
    /// `nil` when the new value removed it.
    var new: TemplateValue?
}
