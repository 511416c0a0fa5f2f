import ArgumentParser

/// `deploycat versions APP`.
struct Versions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every stored template version of an app (deleted apps included).",
        discussion: """
            Example:
              deploycat versions support-chat --json
            """
    )

    @Argument(help: "The app's name.")
    var app: String

    @Flag(help: "Print a JSON array (one object per version) instead of a table.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let versions = try database.openWorkspace().apps.versions(app: app)
        if json { return try Output.json(versions) }
        var table = TextTable("REGION", "VERSION", "SHA256", "CATALOG REV", "SPEC REV", "CREATED", "MODELS")
        for version in versions {
            table.add(version.region, "\(version.version)", version.shortHash, "\(version.catalogRevision)",
                      "\(version.specRevision)", version.createdAt, Formatting.list(version.dependencies.models))
        }
        Output.line(table.render())
    }
}
