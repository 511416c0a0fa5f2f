import ArgumentParser
import CatalogModel
import CatalogService

extension PatternKind: ExpressibleByArgument {}

/// `deploycat apps ...`: the apps and their specs.
struct Apps: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apps",
        abstract: "List, show and delete apps.",
        subcommands: [ListApps.self, ShowApp.self, DeleteApp.self]
    )

    /// `deploycat apps list`.
    struct ListApps: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List apps, all of them or those that meet every filter given.",
            discussion: """
                --model, --profile and --geo match what each app's latest templates were built from; \
                --team, --pattern and --region match its spec.

                Examples:
                  deploycat apps list --model anthropic.claude-3-5-sonnet-20241022-v2:0
                  deploycat apps list --geo eu --team customer-experience --json
                """
        )

        @Option(help: "Only apps whose latest templates use this model: a Bedrock model id (directly or through a profile) or a SageMaker model name.")
        var model: String?

        @Option(help: "Only apps whose latest templates use this system-defined inference profile (as us.amazon.nova-pro-v1:0).")
        var profile: String?

        @Option(help: ArgumentHelp("Only apps whose latest templates route through this cross-Region geography (us, eu, apac, global...).",
                                   valueName: "prefix"))
        var geo: String?

        @Option(help: "Only apps of this team.")
        var team: String?

        @Option(help: "Only apps of this pattern.")
        var pattern: PatternKind?

        @Option(help: "Only apps deployed in this Region.")
        var region: String?

        @Flag(help: "Print a JSON array instead of a table.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let apps = try database.openWorkspace().apps.apps(matching: AppService.AppFilter(
                model: model, profile: profile, geography: geo, team: team, pattern: pattern, region: region))
            if json { return try Output.json(apps.map(AppView.init)) }
            var table = TextTable("APP", "TEAM", "PATTERN", "MODEL", "REGIONS", "STAGE")
            for app in apps {
                table.add(app.name, app.spec.team, app.spec.pattern.rawValue, app.spec.modelName ?? "-",
                          Formatting.list(app.spec.regions), app.spec.stage ?? "-")
            }
            Output.line(table.render())
        }
    }

    /// `deploycat apps show NAME`.
    struct ShowApp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one app's spec.",
            discussion: """
                Example:
                  deploycat apps show support-chat --json
                """
        )

        @Argument(help: "The app's name.")
        var name: String

        @Flag(help: "Print a JSON object instead of YAML.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let app = try database.openWorkspace().apps.app(name)
            if json { return try Output.json(AppView(app)) }
            Output.line("# spec revision \(app.specRevision), applied from \(app.source) at \(app.updatedAt)")
            Output.line(try YAMLRendering.yaml(fromJSON: app.spec.canonicalJSON()), terminator: "")
        }
    }

    /// `deploycat apps delete NAME`.
    struct DeleteApp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete an app; its template versions stay readable with `deploycat versions`.",
            discussion: """
                Example:
                  deploycat apps delete support-chat
                """
        )

        @Argument(help: "The app's name.")
        var name: String

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try database.openWorkspace().apps.delete(name)
            Output.line("deleted \(name); `deploycat versions \(name)` still shows its templates")
        }
    }
}

/// An app as `apps list --json` and `apps show --json` print it.
struct AppView: Encodable {
    var name: String
    var team: String
    var pattern: String
    var model: String?
    var regions: [String]
    var stage: String?
    var tags: [String: String]
    var specRevision: Int
    var source: String
    var spec: AppSpec

    init(_ app: StoredApp) {
        name = app.name
        team = app.spec.team
        pattern = app.spec.pattern.rawValue
        model = app.spec.modelName
        regions = app.spec.regions
        stage = app.spec.stage
        tags = app.spec.tags.values
        specRevision = app.specRevision
        source = app.source
        spec = app.spec
    }
}
