import CatalogModel
import CatalogService

/// The "which apps use which models" table `quickstart` and `catalog models --usage` print: per
/// model, the apps, their patterns, the Regions they are deployed in and their teams.
enum ModelUsageReport {
    static func table(_ usage: [String: AppService.ModelUsage], models: [String: FoundationModel]) -> String {
        var table = TextTable("MODEL", "LIFECYCLE", "APPS", "USED BY", "PATTERNS", "DEPLOYED IN", "TEAMS")
        for (model, used) in usage.sorted(by: { $0.key < $1.key }) {
            table.add(.text(model), .text(models[model].map(Formatting.lifecycle) ?? "-"), .text("\(used.apps.count)"),
                      .list(used.apps), .list(used.patterns), .list(used.regions), .list(used.teams))
        }
        return table.render()
    }
}
