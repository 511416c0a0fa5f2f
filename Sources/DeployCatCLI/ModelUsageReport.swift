import CatalogModel

/// The "which apps use which models" table `quickstart` prints.
enum ModelUsageReport {
    static func table(_ usage: [String: [String]], models: [String: FoundationModel]) -> String {
        var table = TextTable("MODEL", "LIFECYCLE", "APPS", "USED BY")
        for (model, apps) in usage.sorted(by: { $0.key < $1.key }) {
            table.add(model, models[model].map(Formatting.lifecycle) ?? "-", "\(apps.count)", Formatting.list(apps))
        }
        return table.render()
    }
}
