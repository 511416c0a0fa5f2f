/// One value that differs between two templates, at a path within a resource
/// (`Properties.Tags[Key=team].Value`) or a section (`Outputs.ProfileArn.Value`).
///
/// Path notation (see `DiffPath`): keys joined with `.`; an item of a list of objects matched by
/// its identifying field as `[Key=team]` or `[Sid=Invoke]`; an item only the old list holds as
/// `[-]`, one only the new list holds as `[+]` (lists are compared as sets).
public struct PropertyChange: Sendable, Encodable, Equatable {
    public var path: String
    /// `nil` when the new template added the value.
    public var old: TemplateValue?
    /// `nil` when the new template removed the value.
    public var new: TemplateValue?
    /// The change makes CloudFormation replace the resource: it touches a create-only property,
    /// or it is the resource's `Type`.
    public var replaces: Bool

    public init(path: String, old: TemplateValue?, new: TemplateValue?, replaces: Bool = false) {
        self.path = path
        self.old = old
        self.new = new
        self.replaces = replaces
    }

    init(_ change: ValueChange, replaces: Bool = false) {
        self.init(path: change.path.text, old: change.old, new: change.new, replaces: replaces)
    }
}
