import CatalogModel

/// Writes the entries that differ between two snapshots: each changed entry's row is saved and
/// its child rows (Regions, routes, price) replaced. Parents are written before children and
/// deleted after them, so foreign keys hold at every statement.
enum SnapshotWriter {
    /// `geographyRegion.role` values.
    static let sourceRole = "source"
    static let destinationRole = "destination"

    static func write(from old: CatalogSnapshot, to new: CatalogSnapshot, _ db: any SQLTransaction) throws {
        try apply(old.regions, new.regions) { region in
            try db.upsert("region", key: ["code"], [
                "code": .text(region.code), "name": .text(region.name), "partition": .text(region.partition),
                "bedrock": SQLValue(region.bedrock),
            ])
        }
        try apply(old.geographies, new.geographies) { geography in
            try db.upsert("geography", key: ["prefix"], [
                "prefix": .text(geography.prefix), "name": .text(geography.name), "partition": .text(geography.partition),
                "scope": .text(geography.scope.rawValue),
            ])
            try db.execute("DELETE FROM geographyRegion WHERE geographyPrefix = ?", .text(geography.prefix))
            for (role, codes) in [(sourceRole, geography.sourceRegions), (destinationRole, geography.destinationRegions)] {
                for code in codes {
                    try db.insert("geographyRegion", ["geographyPrefix": .text(geography.prefix), "role": .text(role),
                                                      "regionCode": .text(code)])
                }
            }
        }
        try apply(old.models, new.models) { model in
            try db.upsert("foundationModel", key: ["id"], [
                "id": .text(model.id), "provider": .text(model.provider), "name": SQLValue(model.name),
                "inputModalities": try SQLCatalogRepository.json(model.inputModalities),
                "outputModalities": try SQLCatalogRepository.json(model.outputModalities),
                "inferenceTypes": try SQLCatalogRepository.json(model.inferenceTypes),
                "lifecycle": SQLValue(model.lifecycle?.rawValue), "legacyDate": SQLValue(model.legacyDate),
                "endOfLifeDate": SQLValue(model.endOfLifeDate), "batch": SQLValue(model.batch),
            ])
            try db.execute("DELETE FROM modelRegion WHERE modelId = ?", .text(model.id))
            for code in model.regions {
                try db.insert("modelRegion", ["modelId": .text(model.id), "regionCode": .text(code)])
            }
            try db.execute("DELETE FROM modelPrice WHERE modelId = ?", .text(model.id))
            if let price = model.price {
                try db.insert("modelPrice", [
                    "modelId": .text(model.id), "inputPer1k": SQLValue(price.inputPer1k),
                    "outputPer1k": SQLValue(price.outputPer1k), "batchInputPer1k": SQLValue(price.batchInputPer1k),
                    "batchOutputPer1k": SQLValue(price.batchOutputPer1k),
                ])
            }
        }
        try apply(old.profiles, new.profiles) { profile in
            try db.upsert("systemProfile", key: ["id"], [
                "id": .text(profile.id), "modelId": .text(profile.modelId), "geographyPrefix": .text(profile.geography),
                "name": .text(profile.name), "status": .text(profile.status.rawValue), "lastSeen": SQLValue(profile.lastSeen),
            ])
            try db.execute("DELETE FROM profileRoute WHERE profileId = ?", .text(profile.id))
            for (source, destinations) in profile.routes.sorted(by: { $0.key < $1.key }) {
                for destination in destinations {
                    try db.insert("profileRoute", ["profileId": .text(profile.id), "sourceRegion": .text(source),
                                                   "destinationRegion": .text(destination)])
                }
            }
        }
        try apply(old.sagemakerModels, new.sagemakerModels) { model in
            try db.upsert("sagemakerModel", key: ["name"], [
                "name": .text(model.name), "image": .text(model.image), "modelDataUrl": SQLValue(model.modelDataUrl),
                "defaultInstanceType": SQLValue(model.defaultInstanceType), "description": SQLValue(model.description),
            ])
        }
        // Removals, children before parents; child rows go with their entry (ON DELETE CASCADE).
        try delete(old.sagemakerModels, new.sagemakerModels, from: "sagemakerModel", key: "name", db)
        try delete(old.profiles, new.profiles, from: "systemProfile", key: "id", db)
        try delete(old.models, new.models, from: "foundationModel", key: "id", db)
        try delete(old.geographies, new.geographies, from: "geography", key: "prefix", db)
        try delete(old.regions, new.regions, from: "region", key: "code", db)
    }

    /// Saves every entry of `new` that is missing from or different in `old`, in key order.
    private static func apply<Entry: Equatable>(
        _ old: [String: Entry], _ new: [String: Entry], save: (Entry) throws -> Void
    ) throws {
        for key in new.keys.sorted() where old[key] != new[key] {
            try save(new[key]!)
        }
    }

    private static func delete<Entry>(
        _ old: [String: Entry], _ new: [String: Entry], from table: String, key column: String, _ db: any SQLTransaction
    ) throws {
        for key in old.keys.sorted() where new[key] == nil {
            try db.execute("DELETE FROM \(table) WHERE \(column) = ?", .text(key))
        }
    }
}
