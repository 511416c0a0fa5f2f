/// One cost-allocation tag key and value, and the live apps whose resources carry it.
public struct TagUsage: Encodable, Hashable, Sendable {
    public var key: String
    public var value: String
    /// Sorted.
    public var apps: [String]

    public init(key: String, value: String, apps: [String]) {
        self.key = key
        self.value = value
        self.apps = apps
    }
}
