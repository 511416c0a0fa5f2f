import CatalogModel

/// The "which apps use which models" table `quickstart` prints.
enum ModelUsageReport {
    static func table(_ usage: [String: [String]], models: [String: FoundationModel]) -> String {
        var table = TextTable("MODEL", "LIFECYCLE", "APPS", "USED BY")
        for (model, apps) in usage.sorted(by: { $0.key < $1.key }) {
            table.add(.text(model), .text(models[model].map(Formatting.lifecycle) ?? "-"), .text("\(apps.count)"),
                      .list(apps))
        }
        return table.render()
    }
}
