import CatalogModel

/// Writes the entries that differ between two snapshots: changed entries' rows are saved and
/// their child rows (Regions, routes, price) replaced, table by table in a few statements each.
/// Parents are written before children and deleted after them, so foreign keys hold at every
/// statement.
enum SnapshotWriter {
    /// `geographyRegion.role` values.
    static let sourceRole = "source"
    static let destinationRole = "destination"

    static func write(from old: CatalogSnapshot, to new: CatalogSnapshot, _ db: any SQLTransaction) throws {
        let regions = changed(old.regions, new.regions)
        try db.upsert("region", key: ["code"], columns: ["code", "name", "partition", "bedrock"], rows: regions.map { region -> [SQLValue] in
            [.text(region.code), .text(region.name), .text(region.partition), SQLValue(region.bedrock)]
        })

        let geographies = changed(old.geographies, new.geographies)
        try db.upsert("geography", key: ["prefix"], columns: ["prefix", "name", "partition", "scope"], rows: geographies.map { geography -> [SQLValue] in
            [.text(geography.prefix), .text(geography.name), .text(geography.partition), .text(geography.scope.rawValue)]
        })
        try replaceChildren("geographyRegion", of: "geographyPrefix", geographies, key: \.prefix,
                            columns: ["geographyPrefix", "role", "regionCode"], db) { geography -> [[SQLValue]] in
            geography.sourceRegions.map { [.text(geography.prefix), .text(sourceRole), .text($0)] }
                + geography.destinationRegions.map { [.text(geography.prefix), .text(destinationRole), .text($0)] }
        }

        let models = changed(old.models, new.models)
        try db.upsert("foundationModel", key: ["id"], columns: [
            "id", "provider", "name", "inputModalities", "outputModalities", "inferenceTypes", "lifecycle", "legacyDate",
            "endOfLifeDate", "batch",
        ], rows: try models.map { model -> [SQLValue] in
            [.text(model.id), .text(model.provider), SQLValue(model.name),
             try SQLCatalogRepository.json(model.inputModalities), try SQLCatalogRepository.json(model.outputModalities),
             try SQLCatalogRepository.json(model.inferenceTypes), SQLValue(model.lifecycle?.rawValue),
             SQLValue(model.legacyDate), SQLValue(model.endOfLifeDate), SQLValue(model.batch)]
        })
        try replaceChildren("modelRegion", of: "modelId", models, key: \.id, columns: ["modelId", "regionCode"], db) {
            model -> [[SQLValue]] in
            model.regions.map { [.text(model.id), .text($0)] }
        }
        try replaceChildren("modelPrice", of: "modelId", models, key: \.id, columns: [
            "modelId", "inputPer1k", "outputPer1k", "batchInputPer1k", "batchOutputPer1k",
        ], db) { model -> [[SQLValue]] in
            model.price.map { price in
                [[.text(model.id), SQLValue(price.inputPer1k), SQLValue(price.outputPer1k), SQLValue(price.batchInputPer1k),
                  SQLValue(price.batchOutputPer1k)]]
            } ?? []
        }

        let profiles = changed(old.profiles, new.profiles)
        try db.upsert("systemProfile", key: ["id"], columns: ["id", "modelId", "geographyPrefix", "name", "status", "lastSeen"],
                      rows: profiles.map { profile -> [SQLValue] in
            [.text(profile.id), .text(profile.modelId), .text(profile.geography), .text(profile.name),
             .text(profile.status.rawValue), SQLValue(profile.lastSeen)]
        })
        try replaceChildren("profileRoute", of: "profileId", profiles, key: \.id,
                            columns: ["profileId", "sourceRegion", "destinationRegion"], db) { profile -> [[SQLValue]] in
            profile.routes.sorted { $0.key < $1.key }.flatMap { source, destinations in
                destinations.map { [.text(profile.id), .text(source), .text($0)] }
            }
        }

        try db.upsert("sagemakerModel", key: ["name"], columns: [
            "name", "image", "modelDataUrl", "defaultInstanceType", "description",
        ], rows: changed(old.sagemakerModels, new.sagemakerModels).map { model -> [SQLValue] in
            [.text(model.name), .text(model.image), SQLValue(model.modelDataUrl), SQLValue(model.defaultInstanceType),
             SQLValue(model.description)]
        })

        if old.tagDefaults != new.tagDefaults {
            try db.execute("DELETE FROM tagDefault")
            let levels = [(TagDefaults.catalogLevel, new.tagDefaults.catalog)] + new.tagDefaults.teams.sorted { $0.key < $1.key }
            try db.insert("tagDefault", columns: ["team", "key", "value"], rows: levels.flatMap { team, tags in
                tags.sorted.map { [.text(team), .text($0.key), .text($0.value)] }
            })
        }
        if old.tagPolicy != new.tagPolicy {
            try db.execute("DELETE FROM tagPolicyKey")
            try db.insert("tagPolicyKey", columns: ["policyKey", "key", "allowedValues", "enforcedFor", "required"],
                          rows: try new.tagPolicy.sorted.map { entry -> [SQLValue] in
                [.text(entry.policyKey), .text(entry.key), try entry.allowedValues.map(SQLCatalogRepository.json) ?? .null,
                 try SQLCatalogRepository.json(entry.enforcedFor), SQLValue(entry.required)]
            })
        }

        // Removals, children before parents; child rows go with their entry (ON DELETE CASCADE).
        try db.delete(from: "sagemakerModel", where: "name", in: removed(old.sagemakerModels, new.sagemakerModels))
        try db.delete(from: "systemProfile", where: "id", in: removed(old.profiles, new.profiles))
        try db.delete(from: "foundationModel", where: "id", in: removed(old.models, new.models))
        try db.delete(from: "geography", where: "prefix", in: removed(old.geographies, new.geographies))
        try db.delete(from: "region", where: "code", in: removed(old.regions, new.regions))
    }

    /// The entries of `new` that are missing from or different in `old`, in key order.
    private static func changed<Entry: Equatable>(_ old: [String: Entry], _ new: [String: Entry]) -> [Entry] {
        new.keys.sorted().filter { old[$0] != new[$0] }.map { new[$0]! }
    }

    /// The keys of `old` that `new` lacks, in order.
    private static func removed<Entry>(_ old: [String: Entry], _ new: [String: Entry]) -> [String] {
        old.keys.sorted().filter { new[$0] == nil }
    }

    /// Replaces the child rows of the saved `entries` (whose keys are `keys`) in `table`.
    private static func replaceChildren<Entry>(
        _ table: String, of parent: String, _ entries: [Entry], key: (Entry) -> String, columns: [String],
        _ db: any SQLTransaction, rows: (Entry) throws -> [[SQLValue]]
    ) throws {
        try db.delete(from: table, where: parent, in: entries.map(key))
        try db.insert(table, columns: columns, rows: try entries.flatMap(rows))
    }
}
