/// Decides how an app in a Region calls a model: through which system-defined profile (or the
/// foundation model alone), with which ARN, served in which Regions. Pure: reads a snapshot.
public struct InvocationResolver: Sendable {
    public let catalog: CatalogSnapshot
    /// Today as `YYYY-MM-DD`, so warnings can tell a LEGACY date to come from one passed; `nil`
    /// reads every date as passed. Given, not read from a clock, so resolution stays pure.
    public let today: String?

    public init(catalog: CatalogSnapshot, today: String? = nil) {
        self.catalog = catalog
        self.today = today
    }

    /// - Parameters:
    ///   - crossRegion: use a system-defined profile (true) or the model in `region` alone.
    ///   - geography: a geography prefix to use instead of the preferred one.
    ///   - account: the account id for profile ARNs; `nil` gives `${AWS::AccountId}`.
    public func resolve(
        modelId: String, region code: String, crossRegion: Bool = true, geography: String? = nil,
        account: String? = nil
    ) throws(CatalogError) -> Resolution {
        let region = try self.region(code)
        let model = try self.model(modelId)
        var warnings = lifecycleWarnings(model, region: code)
        if crossRegion {
            if let geography, catalog.geographies[geography] == nil {
                throw .unknownGeography(prefix: geography, known: catalog.geographies.keys.sorted())
            }
            guard let profile = preferredProfile(of: model, from: code, geography: geography) else {
                // With a geography, name that geography's profiles and where they are callable from,
                // and separately the model's profiles that are callable from the Region.
                let profiles = catalog.profiles(ofModel: model.id).filter { geography == nil || $0.geography == geography }
                let callableFrom = Set(profiles.flatMap { profile in
                    profile.routes.isEmpty ? catalog.geographies[profile.geography]?.sourceRegions ?? [] : profile.sourceRegions
                }).sorted()
                throw .noProfileFromRegion(
                    modelId: model.id, region: code, geography: geography, profiles: profiles.map(\.id),
                    callableFrom: callableFrom,
                    callableHere: geography == nil ? [] : callableProfiles(of: model, from: code).map(\.id),
                    inAnyGeography: catalog.geographies.values.contains { $0.sourceRegions.contains(code) },
                    onDemandHere: model.onDemandRegions.contains(code), onDemandRegions: model.onDemandRegions)
            }
            warnings += profileWarnings(profile)
            let destinations = catalog.destinations(of: profile, from: code)
            var modelArns = destinations.map {
                ARN.foundationModel(partition: region.partition, region: $0, modelId: model.id)
            }
            if catalog.geographies[profile.geography]?.scope == .allCommercialRegions {
                modelArns.insert(ARN.foundationModel(partition: region.partition, region: "", modelId: model.id), at: 0)
            }
            return Resolution(
                modelId: model.id, region: code, partition: region.partition, profileId: profile.id,
                profileStatus: profile.status, geography: profile.geography,
                modelSourceArn: ARN.systemProfile(partition: region.partition, region: code, account: account,
                                                  profileId: profile.id),
                destinationRegions: destinations, foundationModelArns: modelArns, warnings: warnings)
        }
        guard model.onDemandRegions.contains(code) else {
            let callable = callableProfiles(of: model, from: code).map(\.id)
            if model.regions.contains(code) {
                throw .onlyThroughProfiles(modelId: model.id, region: code, profiles: callable)
            }
            throw .notOnDemandInRegion(modelId: model.id, region: code, onDemandRegions: model.onDemandRegions,
                                       profiles: callable)
        }
        let arn = ARN.foundationModel(partition: region.partition, region: code, modelId: model.id)
        return Resolution(
            modelId: model.id, region: code, partition: region.partition, profileId: nil, profileStatus: nil,
            geography: nil, modelSourceArn: arn, destinationRegions: [code], foundationModelArns: [arn],
            warnings: warnings)
    }

    /// The Region, if the catalog has it.
    public func regionInCatalog(_ code: String) throws(CatalogError) -> Region {
        guard let region = catalog.regions[code] else {
            throw .unknownRegion(code: code, suggestions: Suggestions.closest(to: code, in: catalog.regions.keys))
        }
        return region
    }

    /// The Region, if the catalog has it and it offers Bedrock.
    public func region(_ code: String) throws(CatalogError) -> Region {
        let region = try regionInCatalog(code)
        guard region.bedrock else {
            throw .regionWithoutBedrock(code: code, partitionRegions: catalog.bedrockRegions(inPartition: region.partition))
        }
        return region
    }

    /// The model, or an error that suggests close ids and catches profile ids given as model ids.
    public func model(_ id: String) throws(CatalogError) -> FoundationModel {
        if let model = catalog.models[id] { return model }
        if let parts = Identifiers.splitProfileId(id), catalog.geographies[parts.geography] != nil,
           catalog.models[parts.modelId] != nil {
            throw .profileIdGivenAsModel(profileId: id, modelId: parts.modelId)
        }
        throw .unknownModel(id: id, suggestions: Suggestions.closest(to: id, in: catalog.models.keys))
    }

    /// Profiles of the model callable from `source`, best first: listed before unlisted, a
    /// geography before `global` (data stays in the geography), the narrowest geography first
    /// (`jp` before `apac`, `ca` before `us`), then by id.
    public func callableProfiles(of model: FoundationModel, from source: String) -> [SystemProfile] {
        let candidates = catalog.profiles(ofModel: model.id).compactMap { profile -> (SystemProfile, Int)? in
            let destinations = catalog.destinations(of: profile, from: source)
            return destinations.isEmpty ? nil : (profile, destinations.count)
        }
        return candidates.sorted { a, b in
            let keyA = (a.0.status == .listed ? 0 : 1, isGlobal(a.0) ? 1 : 0, a.1)
            let keyB = (b.0.status == .listed ? 0 : 1, isGlobal(b.0) ? 1 : 0, b.1)
            return keyA != keyB ? keyA < keyB : a.0.id < b.0.id
        }.map(\.0)
    }

    private func preferredProfile(of model: FoundationModel, from source: String, geography: String?) -> SystemProfile? {
        callableProfiles(of: model, from: source).first { geography == nil || $0.geography == geography }
    }

    private func isGlobal(_ profile: SystemProfile) -> Bool {
        catalog.geographies[profile.geography]?.scope == .allCommercialRegions
    }

    /// A LEGACY model's warning: when (to come or passed), and ACTIVE models callable from the
    /// Region to move to, its own family's first (Claude Haiku 4.5 for Claude 3 Haiku).
    private func lifecycleWarnings(_ model: FoundationModel, region: String) -> [String] {
        guard model.lifecycle == .legacy else { return [] }
        var warning = "model \"\(model.id)\" "
        if let date = model.legacyDate {
            warning += isFuture(date) ? "becomes LEGACY on \(date)" : "is LEGACY since \(date)"
        } else {
            warning += "is LEGACY"
        }
        if let date = model.endOfLifeDate {
            warning += isFuture(date) ? " and reaches end of life on \(date)" : " and reached end of life on \(date)"
        }
        let active = catalog.models.values
            .filter { $0.provider == model.provider && $0.lifecycle == .active && $0.id != model.id }
            .filter { $0.onDemandRegions.contains(region) || !callableProfiles(of: $0, from: region).isEmpty }
        let words = Self.familyWords(model.id)
        let family = active.filter { words.isSubset(of: Self.familyWords($0.id)) && !Self.isOlder($0.id, than: model.id) }
            .map(\.id).sorted(by: >)
        let others = active.map(\.id).filter { !family.contains($0) }.sorted().suffix(3)
        if !family.isEmpty {
            warning += "; ACTIVE models of its family callable from \"\(region)\": " + family.prefix(3).joined(separator: ", ")
        }
        if !others.isEmpty {
            warning += family.isEmpty ? "; ACTIVE \(model.provider) models callable from \"\(region)\": " : "; other ACTIVE "
                + "\(model.provider) models: "
            warning += others.joined(separator: ", ")
        }
        return [warning]
    }

    private func isFuture(_ date: String) -> Bool {
        today.map { date > $0 } ?? false
    }

    /// Whether `id`'s release date (the `YYYYMMDD` in ids such as `...-20240307-v1:0`) is before
    /// `other`'s; ids without one are not known to be older.
    static func isOlder(_ id: String, than other: String) -> Bool {
        func stamp(_ id: String) -> String? {
            id.split { !$0.isNumber }.first { $0.count == 8 && $0.hasPrefix("20") }.map(String.init)
        }
        guard let date = stamp(id), let otherDate = stamp(other) else { return false }
        return date < otherDate
    }

    /// The words that name a model's family in its id, without provider, versions and dates:
    /// `anthropic.claude-3-haiku-20240307-v1:0` -> claude, haiku.
    static func familyWords(_ id: String) -> Set<String> {
        let name = id.drop { $0 != "." }.dropFirst()
        return Set(name.split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 })
    }

    private func profileWarnings(_ profile: SystemProfile) -> [String] {
        var warnings: [String] = []
        if profile.status == .unlisted {
            let seen = profile.lastSeen.map { "last seen \($0)" } ?? "never seen in a listing"
            warnings.append("profile \"\(profile.id)\" is no longer listed by AWS (\(seen)); calls may fail")
        }
        if profile.routes.isEmpty {
            warnings.append("no listing has shown the routes of profile \"\(profile.id)\"; using the Regions of "
                + "geography \"\(profile.geography)\"")
        }
        return warnings
    }
}
