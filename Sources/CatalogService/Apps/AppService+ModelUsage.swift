import CatalogModel
internal import CatalogStore

/// Who uses each model: what `catalog models --usage` and `quickstart` show.
extension AppService {
    /// The live apps whose current templates were built from one model, their patterns and
    /// teams, and the Regions those templates are deployed in; each list sorted.
    public struct ModelUsage: Encodable, Hashable, Sendable {
        public var apps: [String]
        public var patterns: [String]
        public var regions: [String]
        public var teams: [String]
    }

    /// Model -> its usage: Bedrock model ids or, with `kind: .sagemakerModel`, the catalog's
    /// SageMaker models; a model no app uses is absent.
    public func modelUsageDetail(kind: EntityKind = .model) throws -> [String: ModelUsage] {
        let templates = try repository.currentTemplates(builtFrom: kind, ref: nil, including: [])
        return Dictionary(grouping: templates, by: \.ref).mapValues { uses in
            func sorted(_ values: (CurrentTemplate) -> String) -> [String] { Set(uses.map(values)).sorted() }
            return ModelUsage(apps: sorted(\.app), patterns: sorted(\.pattern.rawValue), regions: sorted(\.region),
                              teams: sorted(\.team))
        }
    }
}
