import ArgumentParser
import CatalogModel
import CatalogService

/// `deploycat tags history APP`: how an app's tags changed across its template versions.
struct TagsHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the tags each version of an app's templates carries, and what changed from the version before.",
        discussion: """
            Examples:
              deploycat tags history support-chat
              deploycat tags history support-chat --region us-east-1 --json
            """
    )

    @Argument(help: "The app's name.")
    var app: String

    @Option(help: "Only this Region's versions.")
    var region: String?

    @Flag(help: "Print a JSON array with each version's whole tags.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let history = try database.openWorkspace().apps.tagHistory(app: app, region: region)
        if json { return try Output.json(history) }
        var table = TextTable("REGION", "VERSION", "CREATED", "CATALOG REV", "SPEC REV", "TAGS", "WHY")
        for entry in history {
            // A Region's first version lists its tags whole; later ones what changed.
            let tags = entry.version == 1 ? entry.tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                : entry.changes.isEmpty ? ["unchanged"] : entry.changes
            table.add(.text(entry.region), .text("v\(entry.version)"), .text(entry.createdAt),
                      .text(String(entry.catalogRevision)), .text(String(entry.specRevision)),
                      .list(tags),
                      .text(entry.reason.isEmpty ? "-" : entry.reason))
        }
        Output.line(table.render())
    }
}
