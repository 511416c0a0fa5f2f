import CatalogModel

/// The synthesis entry point: `(AppSpec, Region, CatalogSnapshot) -> template`. Pure: no
/// clock, environment, files or database, so the same inputs give byte-identical output.
public enum Synthesizer {
    /// Builds the spec's template for one of its Regions, routed as `resolution` says (how the
    /// spec's pattern resolves there: `DeploymentPattern.resolve`, which `AppSpecValidator` also
    /// hands on). The one place where a pattern's synthesis plugs in: one arm per pattern.
    /// - Parameter apps: other apps by name, for a spec that uses another app's profile: that app at least.
    public static func synthesize(
        _ spec: AppSpec, region: String, resolution: Resolution?, catalog: CatalogSnapshot, apps: [String: AppSpec] = [:]
    ) throws -> SynthesizedTemplate {
        let context = SynthesisContext(spec: spec, region: region, resolution: resolution, catalog: catalog, apps: apps)
        switch spec.properties {
        case let .lambdaBedrockInferenceProfile(properties):
            return try LambdaInferenceProfilePattern(context: context, properties: properties).build()
        case let .applicationInferenceProfile(properties):
            return try ApplicationInferenceProfilePattern(context: context, properties: properties).build()
        case let .bedrockPrompt(properties):
            return try BedrockPromptPattern(context: context, properties: properties).build()
        case let .bedrockAgent(properties):
            return try BedrockAgentPattern(context: context, properties: properties).build()
        case let .bedrockBatchStepfn(properties):
            return try BedrockBatchPattern(context: context, properties: properties).build()
        case let .lambdaSagemakerEndpoint(properties):
            return try LambdaSageMakerEndpointPattern(context: context, properties: properties).build()
        }
    }

    /// Resolves the spec's model in `region`, then builds its template there. The spec should
    /// have passed `AppSpecValidator`; a model the catalog cannot route still throws `CatalogError`.
    /// - Parameter today: `YYYY-MM-DD`, for the wording of warnings only (never the template).
    public static func synthesize(
        _ spec: AppSpec, region: String, catalog: CatalogSnapshot, apps: [String: AppSpec] = [:], today: String? = nil
    ) throws -> SynthesizedTemplate {
        let resolution = try spec.properties.deploymentPattern.resolve(
            in: region, resolver: InvocationResolver(catalog: catalog, today: today), apps: apps)
        return try synthesize(spec, region: region, resolution: resolution, catalog: catalog, apps: apps)
    }

    /// Every Region's template of the spec, in the spec's Region order.
    public static func synthesizeAll(
        _ spec: AppSpec, catalog: CatalogSnapshot, apps: [String: AppSpec] = [:], today: String? = nil
    ) throws -> [SynthesizedTemplate] {
        try spec.regions.map { try synthesize(spec, region: $0, catalog: catalog, apps: apps, today: today) }
    }
}

/// What every pattern needs besides its own properties.
struct SynthesisContext {
    let spec: AppSpec
    let region: String
    /// How the app calls its Bedrock model in `region`; `nil` for a pattern that calls none.
    let resolution: Resolution?
    /// The catalog the spec was checked against, for entries a pattern reads besides its routing.
    let catalog: CatalogSnapshot
    let apps: [String: AppSpec]
    /// The app's own tags, worked out once: every taggable resource carries them.
    private let appTags: EffectiveTags
    /// `appTags` as a `Tags` list, built once and shared by every resource that carries it.
    private let appTagList: TemplateValue

    init(spec: AppSpec, region: String, resolution: Resolution?, catalog: CatalogSnapshot, apps: [String: AppSpec]) {
        self.spec = spec
        self.region = region
        self.resolution = resolution
        self.catalog = catalog
        self.apps = apps
        appTags = catalog.effectiveTags(of: spec)
        appTagList = ResourceTags.list(appTags)
    }

    /// The resolution of a pattern that always calls a Bedrock model.
    func bedrockResolution() throws -> Resolution {
        guard let resolution else { throw SynthesisError.unresolved(app: spec.name, region: region) }
        return resolution
    }

    /// The template skeleton every pattern starts from: description, metadata (with a
    /// pattern's own entries), target rule.
    func template(summary: String, metadata: TemplateObject = [:]) -> TemplateBuilder {
        var template = TemplateBuilder(description: "deploycat app \(spec.name) (\(spec.pattern.rawValue)) in \(region): \(summary)")
        template.requireDeployment(region: region, account: spec.account)
        var common: TemplateObject = [
            "app": .string(spec.name),
            "team": .string(spec.team),
            "pattern": .string(spec.pattern.rawValue),
            "region": .string(region),
        ]
        if let resolution {
            var routing: TemplateObject = [
                "model": .string(resolution.modelId),
                "destinationRegions": .strings(resolution.destinationRegions),
            ]
            if let profile = resolution.profileId { routing["systemProfile"] = .string(profile) }
            common["routing"] = .object(routing)
        }
        template.metadata["deploycat"] = .object(common.merging(metadata))
        return template
    }

    /// A pattern's finished template, with the resolution's warnings (a LEGACY model, an
    /// unlisted profile) for the user.
    func result(_ template: TemplateBuilder, dependencies: TemplateDependencies) -> SynthesizedTemplate {
        let tags = effectiveTags(adding: spec.profileTags)
        return SynthesizedTemplate(app: spec.name, region: region, body: template.value,
                                   dependencies: dependencies.adding(tags: tags, team: spec.team), tags: tags.values,
                                   warnings: resolution?.warnings ?? [])
    }

    /// What an application profile of this app copies from, as a summary names it: the
    /// system-defined profile, or the model in the Region.
    var copySource: String { resolution?.profileId ?? "the model in \(region)" }

    /// The tags every taggable resource of the app carries (with `extra`, a resource's own), as
    /// a CloudFormation `Tags` list.
    func tags(adding extra: TagMap? = nil) -> TemplateValue {
        guard let extra else { return appTagList }
        return ResourceTags.list(effectiveTags(adding: (field: "", tags: extra)))
    }

    /// The same tags as a map, for resources whose `Tags` property is one (Bedrock prompts and agents).
    func tagMap() -> TemplateValue {
        ResourceTags.map(appTags)
    }

    private func effectiveTags(adding extra: (field: String, tags: TagMap)?) -> EffectiveTags {
        guard let extra else { return appTags }
        return catalog.effectiveTags(of: spec, adding: extra)
    }
}
