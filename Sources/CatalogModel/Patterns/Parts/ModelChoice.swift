/// How a pattern names the model its app calls: a catalog model, called through the Region's
/// system-defined cross-Region profile (the default) or in the Region alone, or the
/// application inference profile of another app (`inferenceProfileApp`), which several apps
/// share for cost tracking.
struct ModelChoice {
    var modelId: String
    /// Where the model id is in the spec, for messages.
    var modelField: String
    /// `false`: the model in the Region alone. Default: the cross-Region profile.
    var crossRegion: Bool?
    var inferenceProfileApp: String?
    /// What the pattern does with the model, when it must answer in text (a prompt, an agent).
    var needsText: String?
    /// Where `inferenceProfileApp` is in the spec, for messages.
    var appField = "properties.inferenceProfileApp"

    func resolve(in region: String, resolver: InvocationResolver, apps: [String: AppSpec]) throws -> Resolution {
        guard let name = inferenceProfileApp else {
            return try resolver.resolve(modelId: modelId, region: region, crossRegion: crossRegion ?? true)
        }
        return try ApplicationInferenceProfileProperties.ofApp(name, in: apps).routing(in: region, resolver: resolver)
    }

    /// Checks the model (and the profile app) and resolves every Region it can. Returns whether
    /// an `inferenceProfileApp` was found and fits, so the pattern can refuse its own settings
    /// that do not apply then.
    @discardableResult
    func check(_ pattern: some DeploymentPattern, _ check: inout PatternCheck) -> Bool {
        guard let model = check.model(modelId, at: modelField) else { return false }
        if let use = needsText, !model.outputModalities.contains("TEXT") {
            check.issues.add(modelField, "model \(quoted(model.id)) returns " + model.outputModalities.joined(separator: ", ")
                + ", not text; \(use) needs a model that answers in text")
            return false
        }
        guard let name = inferenceProfileApp else {
            check.resolveRegions(pattern)
            return false
        }
        guard checkProfileApp(name, model: model, &check) else { return false }
        // The profile app reports its own routing problems.
        check.resolveRegions(pattern, reporting: false)
        return true
    }

    /// The named app must be an `application-inference-profile` app for the same model in every
    /// Region of this one; its profile then replaces the one this app would use.
    private func checkProfileApp(_ name: String, model: FoundationModel, _ check: inout PatternCheck) -> Bool {
        let at = appField
        guard let profileApp = check.apps[name] else {
            check.issues.add(at, AppError.unknownApp(
                name: name, suggestions: Suggestions.closest(to: name, in: check.apps.keys)).description)
            return false
        }
        guard let profile = profileApp.applicationProfile else {
            check.issues.add(at, "app \(quoted(name)) uses pattern \(profileApp.pattern.rawValue); name an "
                + "\(PatternKind.applicationInferenceProfile.rawValue) app")
            return false
        }
        if let profileModel = profile.modelId, profileModel != model.id {
            check.issues.add(modelField, "app \(quoted(name))'s profile routes to \(quoted(profileModel)), "
                + "not \(quoted(model.id))")
        }
        for region in check.regions where !profileApp.regions.contains(region.code) {
            check.issues.add("regions[\(region.index)]", "app \(quoted(name)) has no profile in \(quoted(region.code)); "
                + "its Regions: \(profileApp.regions.joined(separator: ", "))")
        }
        return true
    }
}
