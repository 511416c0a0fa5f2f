import ArgumentParser
import CatalogModel

/// `deploycat versions APP`.
struct Versions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "List every stored template version of an app (deleted apps included).",
        discussion: """
            STATE marks each Region's latest version, and the versions of Regions the spec no longer \
            names as retired (with the spec revision that removed the Region).

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
        var table = TextTable("REGION", "VERSION", "SHA256", "CATALOG REV", "SPEC REV", "CREATED", "MODELS", "STATE")
        for (version, state) in zip(versions, Self.states(versions)) {
            table.add(version.region, "\(version.version)", version.shortHash, "\(version.catalogRevision)",
                      "\(version.specRevision)", version.createdAt,
                      Formatting.list(version.dependencies.models + version.dependencies.sagemakerModels), state)
        }
        Output.line(table.render())
    }

    /// What each version is, for versions sorted by Region then version: `latest` on each
    /// Region's newest, `retired` on a Region the spec no longer names (with the spec revision
    /// that removed it on the newest).
    static func states(_ versions: [TemplateVersion]) -> [String] {
        versions.indices.map { index in
            let version = versions[index]
            let isLatest = index == versions.count - 1 || versions[index + 1].region != version.region
            return switch (version.retiredInSpecRevision, isLatest) {
            case let (revision?, true): "retired: spec rev \(revision) removed the Region"
            case (_?, false): "retired"
            case (nil, true): "latest"
            case (nil, false): ""
            }
        }
    }
}
