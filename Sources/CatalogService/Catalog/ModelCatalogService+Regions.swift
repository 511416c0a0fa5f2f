import CatalogModel

extension ModelCatalogService {
    /// Regions sorted by code with their geographies and model counts: only Regions with Bedrock,
    /// unless `includeWithoutBedrock`.
    public func regions(includeWithoutBedrock: Bool = false) throws -> [RegionOverview] {
        let snapshot = try repository.snapshot()
        return snapshot.regions.values
            .filter { includeWithoutBedrock || $0.bedrock }
            .sorted { $0.code < $1.code }
            .map { region in
                RegionOverview(
                    code: region.code, name: region.name, partition: region.partition, bedrock: region.bedrock,
                    sourceOf: snapshot.geographies.values.filter { $0.sourceRegions.contains(region.code) }
                        .map(\.prefix).sorted(),
                    models: snapshot.models.values.filter { $0.regions.contains(region.code) }.count,
                    onDemandModels: snapshot.models.values.filter { $0.onDemandRegions.contains(region.code) }.count)
            }
    }
}
