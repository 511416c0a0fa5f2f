import Synchronization

/// Lookups worked out from a snapshot's profiles and Regions on first use, so that resolving a
/// model reads its own profiles instead of scanning every profile of the catalog each time.
///
/// Not part of the snapshot's value: two snapshots with the same entries are equal whatever
/// either has worked out, and changing the profiles or Regions starts afresh (`CatalogSnapshot`).
struct SnapshotLookups: Hashable, Sendable {
    private final class Storage: Sendable {
        let profilesByModel = Mutex<[String: [SystemProfile]]?>(nil)
        let bedrockRegionsByPartition = Mutex<[String: [String]]>([:])
    }

    private let storage = Storage()

    static func == (_: SnapshotLookups, _: SnapshotLookups) -> Bool { true }
    func hash(into _: inout Hasher) {}

    /// The model's profiles, sorted by id.
    func profiles(ofModel modelId: String, in snapshot: CatalogSnapshot) -> [SystemProfile] {
        storage.profilesByModel.withLock { index in
            if let index { return index[modelId] ?? [] }
            let built = Dictionary(grouping: snapshot.profiles.values, by: \.modelId).mapValues { $0.sorted { $0.id < $1.id } }
            index = built
            return built[modelId] ?? []
        }
    }

    /// The partition's Regions with Bedrock, sorted.
    func bedrockRegions(inPartition partition: String, in snapshot: CatalogSnapshot) -> [String] {
        storage.bedrockRegionsByPartition.withLock { byPartition in
            if let regions = byPartition[partition] { return regions }
            let regions = snapshot.regions.values.filter { $0.partition == partition && $0.bedrock }.map(\.code).sorted()
            byPartition[partition] = regions
            return regions
        }
    }
}
