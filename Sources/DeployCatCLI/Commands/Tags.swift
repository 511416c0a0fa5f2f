import ArgumentParser
import CatalogModel
import CatalogService

/// `deploycat tags`: the cost-allocation tag report.
struct Tags: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show each cost-allocation tag key and value and the apps whose resources carry it.",
        discussion: """
            Every resource deploycat creates carries the app's tags plus deploycat:app, deploycat:team \
            and deploycat:stage. Activate the keys as cost allocation tags in Billing to split Bedrock \
            spend (through each app's application inference profile) by them.

            Examples:
              deploycat tags --json
              deploycat tags --key deploycat:team
            """
    )

    @Option(help: ArgumentHelp("Only this tag key (case-sensitive, as AWS compares keys).", valueName: "key"))
    var key: String?

    @Flag(help: "Print a JSON array instead of a table.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let usage = try database.openWorkspace().apps.tagUsage(key: key)
        if json { return try Output.json(usage) }
        if let key, usage.isEmpty { return Output.note("no app's resources carry the tag key \"\(key)\"") }
        Output.line(TagReport.table(usage))
    }
}

/// The tag table `tags` and `quickstart` print.
enum TagReport {
    static func table(_ usage: [TagUsage]) -> String {
        var table = TextTable("TAG KEY", "VALUE", "APPS")
        for row in usage { table.add(.text(row.key), .text(row.value), .list(row.apps)) }
        return table.render()
    }
}
