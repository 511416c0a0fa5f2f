import ArgumentParser
import CatalogModel

/// `deploycat history APP`: every template version with why it was made.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List every template version of an app with when and why it was made.",
        discussion: """
            One line per version, by Region then version: when it was stored, the reason (the catalog \
            changes, spec revision or profile app it was rebuilt for), the spec and catalog revisions it \
            was built from, and a short SHA-256. Versions stored before deploycat recorded reasons show \
            none. Deleted apps' history stays readable.

            Example:
              deploycat history support-chat --region us-east-1
              deploycat history support-chat --json
            """
    )

    @Argument(help: "The app's name.")
    var app: String

    @Option(help: "Only this Region's versions.")
    var region: String?

    @Flag(help: "Print a JSON array (one object per version, with its reason) instead of a table.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        var versions = try database.openWorkspace().apps.versions(app: app)
        if let region {
            let regions = Array(Set(versions.map(\.region))).sorted()
            guard regions.contains(region) else {
                throw AppError.unknownRegion(app: app, region: region, regions: regions)
            }
            versions = versions.filter { $0.region == region }
        }
        if json { return try Output.json(versions) }
        var table = TextTable("REGION", "VERSION", "CREATED", "CATALOG REV", "SPEC REV", "SHA256", "STATE", "REASON")
        for (version, state) in zip(versions, Versions.states(versions)) {
            table.add(version.region, "\(version.version)", version.createdAt, "\(version.catalogRevision)",
                      "\(version.specRevision)", version.shortHash, state, version.reason.isEmpty ? "-" : version.reason)
        }
        Output.line(table.render())
    }
}
