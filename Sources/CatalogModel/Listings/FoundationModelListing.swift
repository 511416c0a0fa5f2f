/// The output of `aws bedrock list-foundation-models --region R --output json`.
///
/// Keys AWS may add later are ignored: this shape follows AWS, not the user.
public struct FoundationModelListing: Decodable, Sendable {
    public var modelSummaries: [Summary]
    /// Present only on a single page of a paginated listing.
    public var nextToken: String?

    enum CodingKeys: String, CodingKey {
        case modelSummaries, nextToken
        case cliNextToken = "NextToken"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        modelSummaries = try c.decode([Summary].self, forKey: .modelSummaries)
        nextToken = try c.decodeIfPresent(String.self, forKey: .nextToken)
            ?? c.decodeIfPresent(String.self, forKey: .cliNextToken)
    }

    public struct Summary: Decodable, Sendable {
        public var modelArn: String
        public var modelId: String
        public var modelName: String?
        public var providerName: String?
        public var inputModalities: [String]?
        public var outputModalities: [String]?
        public var inferenceTypesSupported: [String]?
        public var modelLifecycle: Lifecycle?
    }

    public struct Lifecycle: Decodable, Sendable {
        public var status: ModelLifecycle
        /// Timestamps as the CLI prints them (ISO 8601); the catalog keeps the day.
        public var legacyTime: String?
        public var endOfLifeTime: String?
    }
}

extension FoundationModelListing {
    /// Records what the listing says about `region`: adds or updates each listed model and
    /// marks the Region as offering it. With `prune`, models of that Region absent from the
    /// listing are marked as no longer offered there.
    public func merge(into snapshot: inout CatalogSnapshot, region: String, prune: Bool) throws(InputError) {
        var issues = IssueCollector()
        if prune, nextToken != nil {
            issues.add("nextToken", "this is one page of a paginated listing, so --prune would drop models listed on "
                + "other pages; list all pages (leave out --max-items and --no-paginate) or import without --prune")
        }
        var result = snapshot
        var listed = Set<String>()
        for (index, summary) in modelSummaries.enumerated() {
            let at = "modelSummaries[\(index)]"
            guard issues.check(summary.modelId, at: "\(at).modelId", Identifiers.isModelId, Identifiers.modelIdRule) else {
                continue
            }
            if let arn = ARN.parse(summary.modelArn), arn.resourceType == "foundation-model" {
                if arn.region != region {
                    issues.add("\(at).modelArn", "names Region \(quoted(arn.region)), but the file is imported for "
                        + "\(quoted(region)); import it with --region \(arn.region)")
                }
            } else {
                issues.add("\(at).modelArn", "\(quoted(summary.modelArn)) is not a foundation-model ARN")
            }
            issues.checkText(summary.modelName, at: "\(at).modelName")
            issues.checkText(summary.providerName, at: "\(at).providerName")
            issues.checkWords(summary.inputModalities, at: "\(at).inputModalities")
            issues.checkWords(summary.outputModalities, at: "\(at).outputModalities")
            issues.checkWords(summary.inferenceTypesSupported, at: "\(at).inferenceTypesSupported")
            listed.insert(summary.modelId)
            var model = result.models[summary.modelId]
                ?? FoundationModel(id: summary.modelId, provider: summary.providerName ?? provider(of: summary.modelId))
            model.provider = summary.providerName ?? model.provider
            model.name = summary.modelName ?? model.name
            model.inputModalities = summary.inputModalities.map(sortedUnique) ?? model.inputModalities
            model.outputModalities = summary.outputModalities.map(sortedUnique) ?? model.outputModalities
            model.inferenceTypes = summary.inferenceTypesSupported.map(sortedUnique) ?? model.inferenceTypes
            if let lifecycle = summary.modelLifecycle {
                model.lifecycle = lifecycle.status
                model.legacyDate = lifecycle.legacyTime.map(day) ?? model.legacyDate
                model.endOfLifeDate = lifecycle.endOfLifeTime.map(day) ?? model.endOfLifeDate
            }
            model.regions = sortedUnique(model.regions + [region])
            result.models[summary.modelId] = model
        }
        if prune {
            for (id, model) in result.models where !listed.contains(id) && model.regions.contains(region) {
                result.models[id]?.regions.removeAll { $0 == region }
            }
        }
        try issues.throwIfAny()
        snapshot = result
    }

    /// `anthropic.claude-x` -> `anthropic`, for a model the listing names without a provider.
    private func provider(of modelId: String) -> String {
        String(modelId.prefix { $0 != "." })
    }
}

/// The day part of an ISO 8601 timestamp (`2026-05-26T00:00:00+00:00` -> `2026-05-26`).
func day(_ timestamp: String) -> String {
    String(timestamp.prefix(10))
}
