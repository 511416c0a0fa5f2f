import ArgumentParser
import CatalogModel

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
        if json { return try Output.json(versions.map(VersionView.init)) }
        var table = TextTable("REGION", "VERSION", "SHA256", "CATALOG REV", "SPEC REV", "CREATED", "MODELS")
        for version in versions {
            table.add(version.region, "\(version.version)", version.shortHash, "\(version.catalogRevision)",
                      "\(version.specRevision)", version.createdAt, Formatting.list(version.dependencies.models))
        }
        Output.line(table.render())
    }
}


/// A version as `versions --json` prints it: everything but the body.
struct VersionView: Encodable {
    var app: String
    var region: String
    var version: Int
    var sha256: String
    var catalogRevision: Int
    var specRevision: Int
    var createdAt: String
    var dependencies: TemplateDependencies

    init(_ version: TemplateVersion) {
        app = version.app
        region = version.region
        self.version = version.version
        sha256 = version.sha256
        catalogRevision = version.catalogRevision
        specRevision = version.specRevision
        createdAt = version.createdAt
        dependencies = version.dependencies
    }
}
