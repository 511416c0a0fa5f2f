/// The rules of `application-inference-profile` properties.
struct ProfilePropertiesRules {
    let catalog: CatalogSnapshot

    func check(
        _ p: ApplicationInferenceProfileProperties, regions: [(index: Int, code: String)], _ issues: inout IssueCollector
    ) {
        let at = "properties"
        issues.checkProfileName(p.inferenceProfileName, at: "\(at).inferenceProfileName")
        issues.checkProfileDescription(p.description, at: "\(at).description")
        if let arn = p.existingProfileArn {
            if let region = ARN.applicationProfileRegion(arn) {
                if regions.map(\.code) != [region] {
                    issues.add("regions", "the existing profile is in \(quoted(region)), so regions must be [\(region)]")
                }
            } else {
                issues.add("\(at).existingProfileArn", "\(quoted(arn)) is not an application inference profile ARN "
                    + "such as \"arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123def456\"")
            }
            let madeElsewhere = "applies to a profile deploycat creates; the existing profile keeps its own"
            issues.conflict(p.inferenceProfileName != nil, "\(at).inferenceProfileName", madeElsewhere)
            issues.conflict(p.description != nil, "\(at).description", madeElsewhere)
            issues.conflict(p.tags != nil, "\(at).tags", madeElsewhere)
        }
        checkModelSource(p.modelSource, existing: p.existingProfileArn != nil, regions: regions, &issues)
        for (i, role) in (p.grantTo ?? []).enumerated() where ARN.roleName(role) == nil {
            issues.add("\(at).grantTo[\(i)]", "\(quoted(role)) is not an IAM role ARN such as "
                + "\"arn:aws:iam::123456789012:role/reporting\"")
        }
    }

    private func checkModelSource(
        _ source: ApplicationInferenceProfileProperties.ModelSource?, existing: Bool,
        regions: [(index: Int, code: String)], _ issues: inout IssueCollector
    ) {
        let at = "properties.modelSource"
        guard let source else {
            let why = existing ? "so the catalog knows where the existing profile routes" : "it is what the profile copies"
            issues.add(at, "is required (\(why)): { foundationModel: ID } or { crossRegion: { geography: G, model: ID } }")
            return
        }
        switch (source.foundationModel, source.crossRegion) {
        case let (id?, nil):
            if let model = issues.model(id, at: "\(at).foundationModel", in: catalog) {
                issues.resolve(model, in: regions, crossRegion: false, geography: nil, catalog: catalog)
            }
        case let (nil, cross?):
            guard catalog.geographies[cross.geography] != nil else {
                issues.add("\(at).crossRegion.geography", CatalogError.unknownGeography(
                    prefix: cross.geography, known: catalog.geographies.keys.sorted()).description)
                return
            }
            if let model = issues.model(cross.model, at: "\(at).crossRegion.model", in: catalog) {
                issues.resolve(model, in: regions, crossRegion: true, geography: cross.geography, catalog: catalog)
            }
        default:
            issues.add(at, "give either foundationModel (one Region) or crossRegion (a system-defined profile), not both")
        }
    }
}
