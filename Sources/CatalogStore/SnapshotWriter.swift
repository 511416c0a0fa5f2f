import CatalogModel
internal import GRDB

/// Writes the entries that differ between two snapshots: each changed entry's row is saved and
/// its child rows (Regions, routes, price) replaced. Parents are written before children and
/// deleted after them, so foreign keys hold at every statement.
enum SnapshotWriter {
    static func write(from old: CatalogSnapshot, to new: CatalogSnapshot, _ db: Database) throws {
        try apply(old.regions, new.regions, db) { region, db in
            try RegionRecord(code: region.code, name: region.name, partition: region.partition, bedrock: region.bedrock)
                .save(db)
        }
        try apply(old.geographies, new.geographies, db) { geography, db in
            try GeographyRecord(prefix: geography.prefix, name: geography.name, partition: geography.partition,
                                scope: geography.scope).save(db)
            try GeographyRegionRecord.filter(GeographyRegionRecord.Columns.geographyPrefix == geography.prefix)
                .deleteAll(db)
            for code in geography.sourceRegions {
                try GeographyRegionRecord(geographyPrefix: geography.prefix, role: GeographyRegionRecord.sourceRole,
                                          regionCode: code).insert(db)
            }
            for code in geography.destinationRegions {
                try GeographyRegionRecord(geographyPrefix: geography.prefix, role: GeographyRegionRecord.destinationRole,
                                          regionCode: code).insert(db)
            }
        }
        try apply(old.models, new.models, db) { model, db in
            try FoundationModelRecord(
                id: model.id, provider: model.provider, name: model.name, inputModalities: model.inputModalities,
                outputModalities: model.outputModalities, inferenceTypes: model.inferenceTypes,
                lifecycle: model.lifecycle, legacyDate: model.legacyDate, endOfLifeDate: model.endOfLifeDate,
                batch: model.batch
            ).save(db)
            try ModelRegionRecord.filter(ModelRegionRecord.Columns.modelId == model.id).deleteAll(db)
            for code in model.regions {
                try ModelRegionRecord(modelId: model.id, regionCode: code).insert(db)
            }
            try ModelPriceRecord.filter(ModelPriceRecord.Columns.modelId == model.id).deleteAll(db)
            if let price = model.price {
                try ModelPriceRecord(modelId: model.id, inputPer1k: price.inputPer1k, outputPer1k: price.outputPer1k,
                                     batchInputPer1k: price.batchInputPer1k, batchOutputPer1k: price.batchOutputPer1k)
                    .insert(db)
            }
        }
        try apply(old.profiles, new.profiles, db) { profile, db in
            try SystemProfileRecord(id: profile.id, modelId: profile.modelId, geographyPrefix: profile.geography,
                                    name: profile.name, status: profile.status, lastSeen: profile.lastSeen).save(db)
            try ProfileRouteRecord.filter(ProfileRouteRecord.Columns.profileId == profile.id).deleteAll(db)
            for (source, destinations) in profile.routes.sorted(by: { $0.key < $1.key }) {
                for destination in destinations {
                    try ProfileRouteRecord(profileId: profile.id, sourceRegion: source, destinationRegion: destination)
                        .insert(db)
                }
            }
        }
        try apply(old.sagemakerModels, new.sagemakerModels, db) { model, db in
            try SageMakerModelRecord(name: model.name, image: model.image, modelDataUrl: model.modelDataUrl,
                                     defaultInstanceType: model.defaultInstanceType, description: model.description)
                .save(db)
        }
        // Removals, children before parents.
        try delete(old.sagemakerModels, new.sagemakerModels, SageMakerModelRecord.self, db)
        try delete(old.profiles, new.profiles, SystemProfileRecord.self, db)
        try delete(old.models, new.models, FoundationModelRecord.self, db)
        try delete(old.geographies, new.geographies, GeographyRecord.self, db)
        try delete(old.regions, new.regions, RegionRecord.self, db)
    }

    /// Saves every entry of `new` that is missing from or different in `old`, in key order.
    private static func apply<Entry: Equatable>(
        _ old: [String: Entry], _ new: [String: Entry], _ db: Database, save: (Entry, Database) throws -> Void
    ) throws {
        for key in new.keys.sorted() where old[key] != new[key] {
            try save(new[key]!, db)
        }
    }

    private static func delete<Entry, Record: TableRecord>(
        _ old: [String: Entry], _ new: [String: Entry], _ record: Record.Type, _ db: Database
    ) throws {
        for key in old.keys.sorted() where new[key] == nil {
            try Record.deleteOne(db, key: key)
        }
    }
}
