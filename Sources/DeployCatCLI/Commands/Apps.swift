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
                --model, --profile, --geo and --routes-to match what each app's latest templates were \
                built from; --team, --pattern and --region match its spec.

                --routes-to lists the apps whose requests a cross-Region profile may serve in the \
                Region (data residency), one row per route, with the Region the requests are made in \
                (FROM REGION, which may be the Region itself) and the profile. An app deployed in the \
                Region that calls its model there alone is served there, but is not routed there: \
                --region lists it.

                --format csv prints RFC 4180 CSV with a header row and every list whole.

                Examples:
                  deploycat apps list --model anthropic.claude-3-5-sonnet-20241022-v2:0
                  deploycat apps list --geo eu --team customer-experience --json
                  deploycat apps list --routes-to us-west-2 --format csv
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

        @Option(help: ArgumentHelp("Only apps whose requests a cross-Region profile may serve in this Region, from "
                                       + "any of their Regions (not an app that calls its model here alone).",
                                   valueName: "region"))
        var routesTo: String?

        @OptionGroup var output: ListFormatOptions

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let apps = try database.openWorkspace().apps
            let filter = AppService.AppFilter(model: model, profile: profile, geography: geo, team: team, pattern: pattern,
                                              region: region, routesTo: routesTo)
            // The table and CSV show summaries, read without decoding a spec; JSON prints whole specs.
            switch output.chosen {
            case .json:
                try Output.json(try apps.routedApps(matching: filter).map { AppView($0.app, routes: routesTo == nil ? nil : $0.routes) })
            case .table: Output.line(table(try apps.routedAppSummaries(matching: filter)).render())
            case .csv: Output.line(CSV.render(table(try apps.routedAppSummaries(matching: filter))), terminator: "")
            }
        }

        /// One row per app or, with --routes-to, per route.
        private func table(_ apps: [AppService.RoutedApp<AppSummary>]) -> TextTable {
            var table = TextTable("APP", "TEAM", "PATTERN", "MODEL", "REGIONS", "STAGE")
            if routesTo != nil { table.header += ["FROM REGION", "PROFILE"] }
            for listed in apps {
                let app = listed.app
                let cells: [TextTable.Cell] = [.text(app.name), .text(app.team), .text(app.pattern.rawValue),
                                               .text(app.model ?? "-"), .text(Formatting.list(app.regions)),
                                               .text(app.stage ?? "-")]
                guard routesTo != nil else {
                    table.rows.append(cells)
                    continue
                }
                for route in listed.routes { table.rows.append(cells + [.text(route.fromRegion), .text(route.profile)]) }
            }
            return table
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

/// An app as `apps list --json` and `apps show --json` print it; with `apps list --routes-to`,
/// its routes there.
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
    var routes: [AppService.Route]?

    init(_ app: StoredApp, routes: [AppService.Route]? = nil) {
        let summary = app.spec.summary
        name = summary.name
        team = summary.team
        pattern = summary.pattern.rawValue
        model = summary.model
        regions = summary.regions
        stage = summary.stage
        tags = app.spec.tags.values
        specRevision = app.specRevision
        source = app.source
        spec = app.spec
        self.routes = routes
    }
}
