extension CatalogDocument {
    /// Adds and updates the document's entries in `snapshot`; checks every field and every
    /// reference first and changes nothing when anything is wrong.
    public func merge(into snapshot: inout CatalogSnapshot) throws(InputError) {
        var issues = IssueCollector()
        var result = snapshot
        mergeRegions(into: &result, &issues)
        mergeGeographies(into: &result, &issues)
        mergeModels(into: &result, &issues)
        mergePrices(into: &result, &issues)
        mergeProfiles(into: &result, &issues)
        mergeSageMakerModels(into: &result, &issues)
        checkBatchPrices(of: result, &issues)
        try issues.throwIfAny()
        issues.checkIntegrity(of: result)
        try issues.throwIfAny()
        snapshot = result
    }

    private func mergeRegions(into snapshot: inout CatalogSnapshot, _ issues: inout IssueCollector) {
        for (index, entry) in regions.enumerated() {
            let at = "regions[\(index)]"
            guard issues.check(entry.code, at: "\(at).code", Identifiers.isRegionCode, Identifiers.regionCodeRule) else {
                continue
            }
            issues.checkText(entry.name, at: "\(at).name")
            if let partition = entry.partition {
                issues.check(partition, at: "\(at).partition", Identifiers.isPartition, Identifiers.partitionRule)
            }
            if var region = snapshot.regions[entry.code] {
                region.name = entry.name ?? region.name
                region.partition = entry.partition ?? region.partition
                region.bedrock = entry.bedrock ?? region.bedrock
                snapshot.regions[entry.code] = region
            } else if let name = entry.name {
                snapshot.regions[entry.code] = Region(
                    code: entry.code, name: name, partition: entry.partition ?? "aws", bedrock: entry.bedrock ?? true)
            } else {
                issues.add("\(at).name", "a new Region needs a name")
            }
        }
    }

    private func mergeGeographies(into snapshot: inout CatalogSnapshot, _ issues: inout IssueCollector) {
        for (index, entry) in geographies.enumerated() {
            let at = "geographies[\(index)]"
            guard issues.check(entry.prefix, at: "\(at).prefix", Identifiers.isGeographyPrefix,
                               Identifiers.geographyPrefixRule) else { continue }
            issues.checkText(entry.name, at: "\(at).name")
            if let partition = entry.partition {
                issues.check(partition, at: "\(at).partition", Identifiers.isPartition, Identifiers.partitionRule)
            }
            for (i, code) in (entry.sourceRegions ?? []).enumerated() {
                issues.checkRegionCode(code, at: "\(at).sourceRegions[\(i)]", in: snapshot)
            }
            for (i, code) in (entry.destinationRegions ?? []).enumerated() {
                issues.checkRegionCode(code, at: "\(at).destinationRegions[\(i)]", in: snapshot)
            }
            if var geography = snapshot.geographies[entry.prefix] {
                geography.name = entry.name ?? geography.name
                geography.partition = entry.partition ?? geography.partition
                geography.scope = entry.scope ?? geography.scope
                geography.sourceRegions = entry.sourceRegions.map(sortedUnique) ?? geography.sourceRegions
                geography.destinationRegions = entry.destinationRegions.map(sortedUnique)
                    ?? geography.destinationRegions
                snapshot.geographies[entry.prefix] = geography
            } else if let name = entry.name {
                snapshot.geographies[entry.prefix] = Geography(
                    prefix: entry.prefix, name: name, partition: entry.partition ?? "aws",
                    scope: entry.scope ?? .listedRegions, sourceRegions: Array(Set(entry.sourceRegions ?? [])),
                    destinationRegions: Array(Set(entry.destinationRegions ?? [])))
            } else {
                issues.add("\(at).name", "a new geography needs a name")
            }
        }
    }

    private func mergeModels(into snapshot: inout CatalogSnapshot, _ issues: inout IssueCollector) {
        for (index, entry) in models.enumerated() {
            let at = "models[\(index)]"
            guard issues.check(entry.id, at: "\(at).id", Identifiers.isModelId, Identifiers.modelIdRule) else { continue }
            issues.checkText(entry.provider, at: "\(at).provider")
            issues.checkText(entry.name, at: "\(at).name")
            issues.checkWords(entry.inputModalities, at: "\(at).inputModalities")
            issues.checkWords(entry.outputModalities, at: "\(at).outputModalities")
            issues.checkWords(entry.inferenceTypes, at: "\(at).inferenceTypes")
            issues.checkDate(entry.legacyDate, at: "\(at).legacyDate")
            issues.checkDate(entry.endOfLifeDate, at: "\(at).endOfLifeDate")
            for (i, code) in (entry.regions ?? []).enumerated() {
                issues.checkRegionCode(code, at: "\(at).regions[\(i)]", in: snapshot)
            }
            var model: FoundationModel
            if let existing = snapshot.models[entry.id] {
                model = existing
            } else if let provider = entry.provider {
                model = FoundationModel(id: entry.id, provider: provider)
            } else {
                issues.add("\(at).provider", "a new model needs a provider")
                continue
            }
            model.provider = entry.provider ?? model.provider
            model.name = entry.name ?? model.name
            model.inputModalities = entry.inputModalities.map(sortedUnique) ?? model.inputModalities
            model.outputModalities = entry.outputModalities.map(sortedUnique) ?? model.outputModalities
            model.inferenceTypes = entry.inferenceTypes.map(sortedUnique) ?? model.inferenceTypes
            model.lifecycle = entry.lifecycle ?? model.lifecycle
            model.legacyDate = entry.legacyDate ?? model.legacyDate
            model.endOfLifeDate = entry.endOfLifeDate ?? model.endOfLifeDate
            model.regions = entry.regions.map(sortedUnique) ?? model.regions
            model.batch = entry.batch ?? model.batch
            snapshot.models[entry.id] = model
        }
    }

    private func mergePrices(into snapshot: inout CatalogSnapshot, _ issues: inout IssueCollector) {
        for (index, entry) in prices.enumerated() {
            let at = "prices[\(index)]"
            issues.checkPrice(entry.inputPer1k, at: "\(at).inputPer1k")
            issues.checkPrice(entry.outputPer1k, at: "\(at).outputPer1k")
            issues.checkPrice(entry.batchInputPer1k, at: "\(at).batchInputPer1k")
            issues.checkPrice(entry.batchOutputPer1k, at: "\(at).batchOutputPer1k")
            guard snapshot.models[entry.modelId] != nil else {
                issues.add("\(at).modelId", "model \(quoted(entry.modelId)) is not in the catalog"
                    + Suggestions.didYouMean(entry.modelId, in: snapshot.models.keys))
                continue
            }
            let price = ModelPrice(inputPer1k: entry.inputPer1k, outputPer1k: entry.outputPer1k,
                                   batchInputPer1k: entry.batchInputPer1k, batchOutputPer1k: entry.batchOutputPer1k)
            snapshot.models[entry.modelId]?.price = price.isEmpty ? nil : price
        }
    }

    /// A model that takes no batch jobs has no batch price: the document may not give it one,
    /// nor mark a model with batch prices as taking none.
    private func checkBatchPrices(of snapshot: CatalogSnapshot, _ issues: inout IssueCollector) {
        var reported: Set<String> = []
        for (index, entry) in prices.enumerated() where snapshot.models[entry.modelId]?.batch == false {
            guard entry.batchInputPer1k != nil || entry.batchOutputPer1k != nil else { continue }
            let given = entry.batchInputPer1k != nil ? "batchInputPer1k" : "batchOutputPer1k"
            reported.insert(entry.modelId)
            issues.add("prices[\(index)].\(given)", "model \(quoted(entry.modelId)) takes no batch jobs (batch: false), "
                + "so it has no batch price; leave out batchInputPer1k and batchOutputPer1k, or set the model's "
                + "batch: true under \"models\"")
        }
        for (index, entry) in models.enumerated() where entry.batch == false && !reported.contains(entry.id) {
            guard snapshot.models[entry.id]?.price?.hasBatchPrice == true else { continue }
            issues.add("models[\(index)].batch", "model \(quoted(entry.id)) has batch prices, so it takes batch jobs; "
                + "leave batch out, or give its price under \"prices\" without batchInputPer1k and batchOutputPer1k")
        }
    }

    private func mergeProfiles(into snapshot: inout CatalogSnapshot, _ issues: inout IssueCollector) {
        for (index, entry) in profiles.enumerated() {
            let at = "profiles[\(index)]"
            guard let parts = Identifiers.splitProfileId(entry.id), entry.id.count <= 64 else {
                issues.add("\(at).id", "\(quoted(entry.id)) is not a system-defined profile id such as "
                    + "\"us.anthropic.claude-3-5-sonnet-20241022-v2:0\" (geography prefix, a dot, a model id; at most 64 characters)")
                continue
            }
            issues.checkText(entry.name, at: "\(at).name")
            issues.checkDate(entry.lastSeen, at: "\(at).lastSeen")
            if let model = entry.model, model != parts.modelId {
                issues.add("\(at).model", "\(quoted(model)) does not match the profile id, which names \(quoted(parts.modelId))")
            }
            if let geography = entry.geography, geography != parts.geography {
                issues.add("\(at).geography",
                           "\(quoted(geography)) does not match the profile id, which starts with \(quoted(parts.geography))")
            }
            for (source, destinations) in (entry.routes ?? [:]).sorted(by: { $0.key < $1.key }) {
                issues.checkRegionCode(source, at: "\(at).routes", in: snapshot)
                for (i, code) in destinations.enumerated() {
                    issues.checkRegionCode(code, at: "\(at).routes.\(source)[\(i)]", in: snapshot)
                }
            }
            var profile = snapshot.profiles[entry.id]
                ?? SystemProfile(id: entry.id, modelId: parts.modelId, geography: parts.geography, name: entry.id)
            profile.name = entry.name ?? profile.name
            profile.status = entry.status ?? profile.status
            profile.lastSeen = entry.lastSeen ?? profile.lastSeen
            for (source, destinations) in entry.routes ?? [:] {
                // An empty list removes the route from that source Region.
                profile.routes[source] = destinations.isEmpty ? nil : sortedUnique(destinations)
            }
            snapshot.profiles[entry.id] = profile
        }
    }
}
