/// The output of `aws bedrock list-inference-profiles --type-equals SYSTEM_DEFINED --region R
/// --output json`.
///
/// Keys AWS may add later are ignored: this shape follows AWS, not the user.
public struct InferenceProfileListing: Decodable, Sendable {
    public var inferenceProfileSummaries: [Summary]
    /// Present only on a single page of a paginated listing.
    public var nextToken: String?

    enum CodingKeys: String, CodingKey {
        case inferenceProfileSummaries, nextToken
        case cliNextToken = "NextToken"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        inferenceProfileSummaries = try c.decode([Summary].self, forKey: .inferenceProfileSummaries)
        nextToken = try c.decodeIfPresent(String.self, forKey: .nextToken)
            ?? c.decodeIfPresent(String.self, forKey: .cliNextToken)
    }

    public struct Summary: Decodable, Sendable {
        public var inferenceProfileName: String
        public var inferenceProfileArn: String
        public var inferenceProfileId: String
        public var models: [ModelReference]
        public var status: String
        public var type: String
    }

    public struct ModelReference: Decodable, Sendable {
        public var modelArn: String
    }
}

/// What an inference-profile import did besides the catalog changes.
public struct InferenceProfileImportNotes: Hashable, Sendable {
    /// Application profiles in the file, which the catalog does not keep.
    public var skippedApplicationProfiles: Int = 0

    public init() {}
}

extension InferenceProfileListing {
    /// Records the routes the listing shows for calls made in `region`: each system-defined
    /// profile becomes listed, with its destinations from that source Region taken from
    /// `models[].modelArn`. With `prune`, profiles routed from that Region but absent from the
    /// listing lose that route; one left with no route becomes unlisted, last seen `today`.
    @discardableResult
    public func merge(
        into snapshot: inout CatalogSnapshot, region: String, prune: Bool, today: String
    ) throws(InputError) -> InferenceProfileImportNotes {
        var issues = IssueCollector()
        var notes = InferenceProfileImportNotes()
        if prune, nextToken != nil {
            issues.add("nextToken", "this is one page of a paginated listing, so --prune would drop profiles listed on "
                + "other pages; list all pages (leave out --max-items and --no-paginate) or import without --prune")
        }
        var result = snapshot
        var listed = Set<String>()
        for (index, summary) in inferenceProfileSummaries.enumerated() {
            let at = "inferenceProfileSummaries[\(index)]"
            guard summary.type == "SYSTEM_DEFINED" else {
                notes.skippedApplicationProfiles += 1
                continue
            }
            guard let parts = Identifiers.splitProfileId(summary.inferenceProfileId),
                  summary.inferenceProfileId.count <= 64 else {
                issues.add("\(at).inferenceProfileId", "\(quoted(summary.inferenceProfileId)) is not a system-defined "
                    + "profile id (geography prefix, a dot, a model id)")
                continue
            }
            if let arn = ARN.parse(summary.inferenceProfileArn), arn.resourceType == "inference-profile" {
                if arn.region != region {
                    issues.add("\(at).inferenceProfileArn", "names Region \(quoted(arn.region)), but the file is "
                        + "imported for \(quoted(region)); import it with --region \(arn.region)")
                }
            } else {
                issues.add("\(at).inferenceProfileArn",
                           "\(quoted(summary.inferenceProfileArn)) is not a system-defined inference-profile ARN")
            }
            if result.geographies[parts.geography] == nil {
                issues.add("\(at).inferenceProfileId", "geography prefix \(quoted(parts.geography)) is not in the "
                    + "catalog; add it under \"geographies\" with `deploycat catalog apply`")
            }
            if result.models[parts.modelId] == nil {
                issues.add("\(at).inferenceProfileId", "model \(quoted(parts.modelId)) is not in the catalog; import "
                    + "the Region's models first with `deploycat catalog import-models`")
            }
            issues.checkText(summary.inferenceProfileName, at: "\(at).inferenceProfileName")
            var destinations = Set<String>()
            for (i, reference) in summary.models.enumerated() {
                let field = "\(at).models[\(i)].modelArn"
                guard let arn = ARN.parse(reference.modelArn), arn.resourceType == "foundation-model" else {
                    issues.add(field, "\(quoted(reference.modelArn)) is not a foundation-model ARN")
                    continue
                }
                if arn.resourceId != parts.modelId {
                    issues.add(field, "names model \(quoted(arn.resourceId)), but the profile id names \(quoted(parts.modelId))")
                }
                // A global profile also names a Region-less ARN: it stands for every commercial Region.
                if !arn.region.isEmpty {
                    issues.checkRegionCode(arn.region, at: field, in: result)
                    destinations.insert(arn.region)
                }
            }
            if destinations.isEmpty {
                issues.add("\(at).models", "names no destination Region")
            }
            listed.insert(summary.inferenceProfileId)
            var profile = result.profiles[summary.inferenceProfileId]
                ?? SystemProfile(id: summary.inferenceProfileId, modelId: parts.modelId, geography: parts.geography,
                                 name: summary.inferenceProfileName)
            profile.name = summary.inferenceProfileName
            profile.status = .listed
            profile.lastSeen = nil
            profile.routes[region] = destinations.sorted()
            result.profiles[summary.inferenceProfileId] = profile
        }
        if prune {
            for (id, profile) in result.profiles where !listed.contains(id) && profile.routes[region] != nil {
                var pruned = profile
                pruned.routes[region] = nil
                if pruned.routes.isEmpty && pruned.status == .listed {
                    pruned.status = .unlisted
                    pruned.lastSeen = today
                }
                result.profiles[id] = pruned
            }
        }
        try issues.throwIfAny()
        snapshot = result
        return notes
    }
}
