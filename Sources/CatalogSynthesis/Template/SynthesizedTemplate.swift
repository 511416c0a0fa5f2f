import CatalogModel

/// One app's template for one Region, with what it was built from.
public struct SynthesizedTemplate: Hashable, Sendable {
    public var app: String
    public var region: String
    public var body: TemplateValue
    public var dependencies: TemplateDependencies
    /// The tags its resources carry (its inference profile's, when the profile has tags of its own).
    public var tags: [String: String]
    /// Things that work today but need attention: a LEGACY model, a profile AWS no longer lists.
    public var warnings: [String]

    /// The canonical JSON text, laid out: what is hashed and written to disk.
    public var json: String { TemplateRenderer.json(body) }
    /// The canonical JSON text, compact: what is stored.
    public var compactJSON: String { TemplateRenderer.compactJSON(body) }
}
