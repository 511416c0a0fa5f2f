import ArgumentParser
import CatalogModel
import CatalogService

/// `deploycat tags [list]`: each tag key and value and the apps that carry it.
struct TagsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show each cost-allocation tag key and value and the apps whose resources carry it (the default).",
        discussion: """
            Examples:
              deploycat tags --json
              deploycat tags list --key deploycat:team
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
        Output.line(TagUsageTable.render(usage))
    }
}

/// The tag table `tags` and `quickstart` print.
enum TagUsageTable {
    static func render(_ usage: [TagUsage]) -> String {
        var table = TextTable("TAG KEY", "VALUE", "APPS")
        for row in usage { table.add(.text(row.key), .text(row.value), .list(row.apps)) }
        return table.render()
    }
}
