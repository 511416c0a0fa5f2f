import CatalogModel

extension ModelCatalogService {
    /// The models `catalog models` lists, and how many it leaves out.
    public struct ModelListing: Sendable {
        public var models: [FoundationModel]
        /// Models left out because no app can call them: no Region lists them, no system-defined
        /// profile routes to them, and no source states their lifecycle.
        public var hidden: Int
    }

    /// Models, sorted by id, optionally one provider's or one Region's; unless `includeUnusable`,
    /// without those no app can call (no Region, no profile, no lifecycle), which are counted.
    public func modelListing(
        provider: String? = nil, region: String? = nil, includeUnusable: Bool
    ) throws -> ModelListing {
        let all = try models(provider: provider, region: region)
        guard !includeUnusable else { return ModelListing(models: all, hidden: 0) }
        let profiled = Set(try profiles().map(\.modelId))
        let usable = all.filter { !$0.regions.isEmpty || $0.lifecycle != nil || profiled.contains($0.id) }
        return ModelListing(models: usable, hidden: all.count - usable.count)
    }
}
