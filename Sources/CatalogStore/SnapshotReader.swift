import CatalogModel
internal import GRDB

/// Loads the whole catalog into a `CatalogSnapshot` inside one read.
enum SnapshotReader {
    static func read(_ db: Database) throws -> CatalogSnapshot {
        var snapshot = CatalogSnapshot()
        for record in try RegionRecord.fetchAll(db) {
            snapshot.regions[record.code] = Region(
                code: record.code, name: record.name, partition: record.partition, bedrock: record.bedrock)
        }
        var geographyRegions: [String: (sources: [String], destinations: [String])] = [:]
        for record in try GeographyRegionRecord.fetchAll(db) {
            if record.role == GeographyRegionRecord.sourceRole {
                geographyRegions[record.geographyPrefix, default: ([], [])].sources.append(record.regionCode)
            } else {
                geographyRegions[record.geographyPrefix, default: ([], [])].destinations.append(record.regionCode)
            }
        }
        for record in try GeographyRecord.fetchAll(db) {
            let regions = geographyRegions[record.prefix]
            snapshot.geographies[record.prefix] = Geography(
                prefix: record.prefix, name: record.name, partition: record.partition, scope: record.scope,
                sourceRegions: regions?.sources ?? [], destinationRegions: regions?.destinations ?? [])
        }
        let modelRegions = Dictionary(grouping: try ModelRegionRecord.fetchAll(db), by: \.modelId)
        let prices = Dictionary(uniqueKeysWithValues: try ModelPriceRecord.fetchAll(db).map { ($0.modelId, $0) })
        for record in try FoundationModelRecord.fetchAll(db) {
            let price = prices[record.id].map {
                ModelPrice(inputPer1k: $0.inputPer1k, outputPer1k: $0.outputPer1k, batchInputPer1k: $0.batchInputPer1k,
                           batchOutputPer1k: $0.batchOutputPer1k)
            }
            snapshot.models[record.id] = FoundationModel(
                id: record.id, provider: record.provider, name: record.name, inputModalities: record.inputModalities,
                outputModalities: record.outputModalities, inferenceTypes: record.inferenceTypes,
                lifecycle: record.lifecycle, legacyDate: record.legacyDate, endOfLifeDate: record.endOfLifeDate,
                regions: modelRegions[record.id]?.map(\.regionCode) ?? [], price: price, batch: record.batch)
        }
        var routes: [String: [String: [String]]] = [:]
        for record in try ProfileRouteRecord.fetchAll(db) {
            routes[record.profileId, default: [:]][record.sourceRegion, default: []].append(record.destinationRegion)
        }
        for record in try SystemProfileRecord.fetchAll(db) {
            snapshot.profiles[record.id] = SystemProfile(
                id: record.id, modelId: record.modelId, geography: record.geographyPrefix, name: record.name,
                status: record.status, lastSeen: record.lastSeen, routes: routes[record.id] ?? [:])
        }
        for record in try SageMakerModelRecord.fetchAll(db) {
            snapshot.sagemakerModels[record.name] = SageMakerModel(
                name: record.name, image: record.image, modelDataUrl: record.modelDataUrl,
                defaultInstanceType: record.defaultInstanceType, description: record.description)
        }
        return snapshot
    }
}
