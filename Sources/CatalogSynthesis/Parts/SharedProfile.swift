import CatalogModel

/// The application inference profile of another app (`inferenceProfileApp`), which this app
/// calls instead of a profile of its own: its ARN is imported from that app's stack (so that
/// stack goes first), or given when the profile was made elsewhere.
struct SharedProfile {
    let app: String
    let arn: TemplateValue

    init(app: String, context: SynthesisContext) throws {
        let shared = try ApplicationInferenceProfileProperties.ofApp(app, in: context.apps)
        self.app = app
        arn = shared.existingProfileArn.map { .string($0) }
            ?? .importValue(ApplicationInferenceProfileProperties.exportName(app: app))
    }

    var isImported: Bool { arn["Fn::ImportValue"] != nil }

    /// How a template's summary names it.
    var summary: String { "the application inference profile of app \(app)" }

    /// The template's metadata entry naming the stack to deploy first, when the ARN is imported.
    func metadata(region: String) -> TemplateObject {
        isImported ? ["deployAfter": [.string("\(app) in \(region): this stack imports its profile ARN")]] : [:]
    }

    /// What a template calling through the profile depends on: its routing, and the app.
    func dependencies(_ resolution: Resolution) -> TemplateDependencies {
        var dependencies = TemplateDependencies(resolution)
        dependencies.apps = [app]
        return dependencies
    }
}

extension SynthesisContext {
    /// What a template calling the model depends on: its routing, and the app whose profile it
    /// uses, if any.
    func dependencies(sharing shared: SharedProfile?) throws -> TemplateDependencies {
        let resolution = try bedrockResolution()
        return shared?.dependencies(resolution) ?? TemplateDependencies(resolution)
    }
}
