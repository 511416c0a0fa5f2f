import CatalogModel
import Foundation

/// Loads the whole catalog into a `CatalogSnapshot` inside one read. Lists come back sorted, as
/// the catalog's merges keep them, whatever order an engine returns rows in.
enum SnapshotReader {
    static func read(_ db: any SQLTransaction) throws -> CatalogSnapshot {
        var snapshot = CatalogSnapshot()
        for row in try db.rows("SELECT * FROM region") {
            let code = try row.string("code")
            snapshot.regions[code] = Region(code: code, name: try row.string("name"), partition: try row.string("partition"),
                                            bedrock: row.optionalBool("bedrock") ?? false)
        }
        var sources: [String: [String]] = [:], destinations: [String: [String]] = [:]
        for row in try db.rows("SELECT * FROM geographyRegion") {
            let prefix = try row.string("geographyPrefix"), code = try row.string("regionCode")
            if try row.string("role") == SnapshotWriter.sourceRole {
                sources[prefix, default: []].append(code)
            } else {
                destinations[prefix, default: []].append(code)
            }
        }
        for row in try db.rows("SELECT * FROM geography") {
            let prefix = try row.string("prefix")
            snapshot.geographies[prefix] = Geography(
                prefix: prefix, name: try row.string("name"), partition: try row.string("partition"),
                scope: try row.value("scope") as GeographyScope,
                sourceRegions: (sources[prefix] ?? []).sorted(), destinationRegions: (destinations[prefix] ?? []).sorted())
        }
        var modelRegions: [String: [String]] = [:]
        for row in try db.rows("SELECT * FROM modelRegion") {
            modelRegions[try row.string("modelId"), default: []].append(try row.string("regionCode"))
        }
        var prices: [String: ModelPrice] = [:]
        for row in try db.rows("SELECT * FROM modelPrice") {
            prices[try row.string("modelId")] = ModelPrice(
                inputPer1k: row.optionalDouble("inputPer1k"), outputPer1k: row.optionalDouble("outputPer1k"),
                batchInputPer1k: row.optionalDouble("batchInputPer1k"), batchOutputPer1k: row.optionalDouble("batchOutputPer1k"))
        }
        for row in try db.rows("SELECT * FROM foundationModel") {
            let id = try row.string("id")
            snapshot.models[id] = FoundationModel(
                id: id, provider: try row.string("provider"), name: row.optionalString("name"),
                inputModalities: try row.strings("inputModalities"), outputModalities: try row.strings("outputModalities"),
                inferenceTypes: try row.strings("inferenceTypes"),
                lifecycle: try row.optionalString("lifecycle").map { _ in try row.value("lifecycle") as ModelLifecycle },
                legacyDate: row.optionalString("legacyDate"), endOfLifeDate: row.optionalString("endOfLifeDate"),
                regions: (modelRegions[id] ?? []).sorted(), price: prices[id], batch: row.optionalBool("batch"))
        }
        var routes: [String: [String: [String]]] = [:]
        for row in try db.rows("SELECT * FROM profileRoute") {
            routes[try row.string("profileId"), default: [:]][try row.string("sourceRegion"), default: []]
                .append(try row.string("destinationRegion"))
        }
        for row in try db.rows("SELECT * FROM systemProfile") {
            let id = try row.string("id")
            snapshot.profiles[id] = SystemProfile(
                id: id, modelId: try row.string("modelId"), geography: try row.string("geographyPrefix"),
                name: try row.string("name"), status: try row.value("status") as ProfileStatus,
                lastSeen: row.optionalString("lastSeen"), routes: (routes[id] ?? [:]).mapValues { $0.sorted() })
        }
        for row in try db.rows("SELECT * FROM sagemakerModel") {
            let name = try row.string("name")
            snapshot.sagemakerModels[name] = SageMakerModel(
                name: name, image: try row.string("image"), modelDataUrl: row.optionalString("modelDataUrl"),
                defaultInstanceType: row.optionalString("defaultInstanceType"), description: row.optionalString("description"))
        }
        try readTagSettings(into: &snapshot, db)
        return snapshot
    }

    /// A catalog holding the tag defaults and the tag policy alone: what an app's effective tags
    /// need besides its spec.
    static func tagSettings(_ db: any SQLTransaction) throws -> CatalogSnapshot {
        var settings = CatalogSnapshot()
        try readTagSettings(into: &settings, db)
        return settings
    }

    private static func readTagSettings(into snapshot: inout CatalogSnapshot, _ db: any SQLTransaction) throws {
        var defaults = TagDefaults()
        for row in try db.rows("SELECT team, key, value FROM tagDefault") {
            let team = try row.string("team")
            defaults[team: team == TagDefaults.catalogLevel ? nil : team].values[try row.string("key")] = try row.string("value")
        }
        let keys = try db.rows("SELECT * FROM tagPolicyKey").map { row in
            TagPolicy.Key(key: try row.string("key"),
                          allowedValues: try row.optionalString("allowedValues").map { _ in try row.strings("allowedValues") },
                          enforcedFor: try row.strings("enforcedFor"), required: row.optionalBool("required") ?? false)
        }
        snapshot.tagDefaults = defaults
        snapshot.tagPolicy = TagPolicy(keys: keys)
    }
}
