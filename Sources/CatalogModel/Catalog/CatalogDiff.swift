/// The changes between two catalog snapshots, in a stable order, one per changed field.
public enum CatalogDiff {
    /// What turned `old` into `new`; empty when they are equal.
    public static func changes(from old: CatalogSnapshot, to new: CatalogSnapshot) -> [CatalogChange] {
        var changes: [CatalogChange] = []
        changes += entries(old.regions, new.regions, kind: .region) { region in
            "added: \(region.name) (\(region.partition))"
        } fields: { a, b in
            [field("name", a.name, b.name), field("partition", a.partition, b.partition),
             field("bedrock", a.bedrock, b.bedrock)]
        }
        changes += entries(old.geographies, new.geographies, kind: .geography) { geography in
            "added: \(geography.name), sources \(list(geography.sourceRegions))"
        } fields: { a, b in
            [field("name", a.name, b.name), field("partition", a.partition, b.partition),
             field("scope", a.scope.rawValue, b.scope.rawValue),
             members("sources", a.sourceRegions, b.sourceRegions),
             members("destinations", a.destinationRegions, b.destinationRegions)]
        }
        changes += entries(old.models, new.models, kind: .model) { model in
            "added: \(model.provider), \(model.regions.count) Region\(model.regions.count == 1 ? "" : "s")"
        } fields: { a, b in
            [field("provider", a.provider, b.provider), field("name", a.name, b.name),
             members("input modalities", a.inputModalities, b.inputModalities),
             members("output modalities", a.outputModalities, b.outputModalities),
             members("inference types", a.inferenceTypes, b.inferenceTypes),
             field("lifecycle", a.lifecycle?.rawValue, b.lifecycle?.rawValue),
             field("legacy date", a.legacyDate, b.legacyDate),
             field("end-of-life date", a.endOfLifeDate, b.endOfLifeDate),
             members("regions", a.regions, b.regions),
             field("input price per 1k", a.price?.inputPer1k.map(ModelPrice.text), b.price?.inputPer1k.map(ModelPrice.text)),
             field("output price per 1k", a.price?.outputPer1k.map(ModelPrice.text),
                   b.price?.outputPer1k.map(ModelPrice.text)),
             field("batch", batchSupport(a.batch), batchSupport(b.batch)),
             field("batch input price per 1k", a.price?.batchInputPer1k.map(ModelPrice.text),
                   b.price?.batchInputPer1k.map(ModelPrice.text)),
             field("batch output price per 1k", a.price?.batchOutputPer1k.map(ModelPrice.text),
                   b.price?.batchOutputPer1k.map(ModelPrice.text))]
        }
        changes += entries(old.profiles, new.profiles, kind: .profile) { profile in
            "added: \(profile.status.rawValue), sources \(list(profile.sourceRegions))"
        } fields: { a, b in
            var summaries = [field("model", a.modelId, b.modelId), field("geography", a.geography, b.geography),
                             field("name", a.name, b.name), field("status", a.status.rawValue, b.status.rawValue),
                             field("last seen", a.lastSeen, b.lastSeen),
                             members("sources", a.sourceRegions, b.sourceRegions)]
            for source in Set(a.routes.keys).intersection(b.routes.keys).sorted() {
                summaries.append(members("destinations from \(source)", a.routes[source]!, b.routes[source]!))
            }
            return summaries
        }
        changes += entries(old.sagemakerModels, new.sagemakerModels, kind: .sagemakerModel) { model in
            "added: image \(model.image)"
        } fields: { a, b in
            [field("image", a.image, b.image), field("model data", a.modelDataUrl, b.modelDataUrl),
             field("default instance type", a.defaultInstanceType, b.defaultInstanceType),
             field("description", a.description, b.description)]
        }
        changes += tagDefaults(old.tagDefaults, new.tagDefaults)
        changes += entries(old.tagPolicy.keys, new.tagPolicy.keys, kind: .tagPolicy) { entry in
            "added: " + ([entry.key] + policyRules(entry)).joined(separator: ", ")
        } fields: { a, b in
            [field("key", a.key, b.key),
             field("values", a.allowedValues.map { list($0) } ?? "any", b.allowedValues.map { list($0) } ?? "any"),
             members("enforced for", a.enforcedFor, b.enforcedFor), field("required", a.required, b.required)]
        }
        return changes
    }

    /// One change per level (`*` for the catalog's, else a team) whose defaults differ:
    /// `+CostCenter=CC-1 Owner=a -> b -Stage`.
    private static func tagDefaults(_ old: TagDefaults, _ new: TagDefaults) -> [CatalogChange] {
        let teams = Set(old.teams.keys).union(new.teams.keys).sorted()
        return ([nil] + teams.map(Optional.some)).compactMap { team -> CatalogChange? in
            let before = old[team: team].values, after = new[team: team].values
            var parts: [String] = []
            for key in Set(before.keys).union(after.keys).sorted() {
                switch (before[key], after[key]) {
                case let (nil, value?): parts.append("+\(key)=\(value)")
                case (_?, nil): parts.append("-\(key)")
                case let (was?, value?) where was != value: parts.append("\(key)=\(was) -> \(value)")
                default: break
                }
            }
            guard !parts.isEmpty else { return nil }
            return CatalogChange(kind: .tagDefaults, key: team ?? TagDefaults.catalogLevel, summary: parts.joined(separator: " "))
        }
    }

    /// `required`, `3 allowed values`, `enforced for bedrock:application-inference-profile`.
    private static func policyRules(_ entry: TagPolicy.Key) -> [String] {
        (entry.required ? ["required"] : [])
            + (entry.allowedValues.map { ["values " + list($0)] } ?? [])
            + (entry.enforcedFor.isEmpty ? [] : ["enforced for " + list(entry.enforcedFor)])
    }

    /// Whether a change can alter a synthesized template: prices and when a profile was last
    /// seen cannot (templates carry neither), so they make nothing stale.
    public static func affectsTemplates(_ change: CatalogChange) -> Bool {
        switch change.kind {
        case .tagPolicy:
            // Templates carry a key in the policy's spelling; the values it allows and where AWS
            // enforces them are checked, never written.
            ["added:", "removed", "key "].contains { change.summary.hasPrefix($0) }
        case .tagDefaults:
            true
        default:
            !fieldsTemplatesIgnore.contains { change.summary.hasPrefix($0 + " ") }
        }
    }

    /// The fields, as `changes` names them, that no template is built from.
    private static let fieldsTemplatesIgnore = [
        "input price per 1k", "output price per 1k", "batch input price per 1k", "batch output price per 1k", "last seen",
    ]

    /// `supported`, `unsupported`, `unknown`: batch support in words.
    private static func batchSupport(_ batch: Bool?) -> String {
        batch.map { $0 ? "supported" : "unsupported" } ?? "unknown"
    }

    /// Added entries get one change; entries in both get one change per differing field.
    private static func entries<Entry: Equatable>(
        _ old: [String: Entry], _ new: [String: Entry], kind: EntityKind,
        added: (Entry) -> String, fields: (Entry, Entry) -> [String?]
    ) -> [CatalogChange] {
        var changes: [CatalogChange] = []
        for key in Set(old.keys).union(new.keys).sorted() {
            switch (old[key], new[key]) {
            case let (nil, entry?):
                changes.append(CatalogChange(kind: kind, key: key, summary: added(entry)))
            case (_?, nil):
                changes.append(CatalogChange(kind: kind, key: key, summary: "removed"))
            case let (before?, after?) where before != after:
                changes += fields(before, after).compactMap { $0 }.map { CatalogChange(kind: kind, key: key, summary: $0) }
            default:
                break
            }
        }
        return changes
    }

    private static func field<Value: Equatable>(_ name: String, _ old: Value?, _ new: Value?) -> String? {
        guard old != new else { return nil }
        let texts = [old, new].map { $0.map { "\($0)" } }
        // Text with spaces is quoted, both sides alike, so the arrow stays readable.
        let quote = texts.contains { $0?.contains(" ") == true }
        let shown = texts.map { text in text.map { quote ? "\"\($0)\"" : $0 } ?? "none" }
        return "\(name) \(shown[0]) -> \(shown[1])"
    }

    private static func members(_ name: String, _ old: [String], _ new: [String]) -> String? {
        let added = Set(new).subtracting(old).sorted().map { "+\($0)" }
        let removed = Set(old).subtracting(new).sorted().map { "-\($0)" }
        guard !(added.isEmpty && removed.isEmpty) else { return nil }
        return ([name] + added + removed).joined(separator: " ")
    }

    private static func list(_ values: [String]) -> String {
        values.isEmpty ? "none" : values.joined(separator: ",")
    }
}
