import ArgumentParser
import CatalogModel
import CatalogService

/// `deploycat impact`.
struct Impact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "Show what removing a model, profile, Region or geography from the catalog would touch.",
        discussion: """
            Lists each live app's Region whose current template was built from the entry, with its \
            version, and each Region not synthesized yet whose template would be; VALID says whether \
            the app's spec would still check out there against the catalog without the entry, and \
            REASON why not. Without a model go the profiles that route to it; without a geography, its \
            profiles; without a Region, its place in every model, route and geography. Nothing is changed.

            Examples:
              deploycat impact --model anthropic.claude-3-5-sonnet-20241022-v2:0
              deploycat impact --region us-west-2 --json
            """
    )

    @Option(help: "A Bedrock model id or a SageMaker model name.")
    var model: String?

    @Option(help: "A system-defined inference profile id (as us.amazon.nova-pro-v1:0).")
    var profile: String?

    @Option(help: "A Region: apps deployed there and apps whose profiles route there.")
    var region: String?

    @Option(help: ArgumentHelp("A cross-Region geography (us, eu, apac, global...).", valueName: "prefix"))
    var geo: String?

    @Flag(help: "Print a JSON object instead of a table.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    private static let choices = "give one of --model, --profile, --region or --geo"

    func validate() throws {
        let given = [("--model", model), ("--profile", profile), ("--region", region), ("--geo", geo)]
            .filter { $0.1 != nil }.map(\.0)
        if given.isEmpty { throw ValidationError(Self.choices) }
        if given.count > 1 { throw OptionConflict("\(Self.choices), not \(given.joined(separator: " and "))") }
    }

    func run() throws {
        let subject: AppService.ImpactSubject
        if let model { subject = .model(model) }
        else if let profile { subject = .profile(profile) }
        else if let region { subject = .region(region) }
        else { subject = .geography(geo ?? "") }
        let impact = try database.openWorkspace().apps.impact(of: subject)
        if json { return try Output.json(impact) }
        let entry = "\(Self.noun(impact.kind)) \"\(impact.ref)\""
        guard !impact.regions.isEmpty else { return Output.note("no live app is built from \(entry)") }
        var table = TextTable("APP", "TEAM", "REGION", "VERSION", "VALID", "REASON")
        for place in impact.regions {
            table.add(place.app, place.team, place.region, place.version.map(String.init) ?? "not synthesized",
                      place.validates ? "yes" : "no", place.issues.isEmpty ? "-" : place.issues.joined(separator: "; "))
        }
        Output.line(table.render())
        let apps = Set(impact.regions.map(\.app)).count
        let unsynthesized = impact.regions.filter { $0.version == nil }.count
        let broken = impact.regions.filter { !$0.validates }.count
        Output.note("\(entry): \(Formatting.count(impact.regions.count, "app Region")) (\(Formatting.count(apps, "app"))"
            + (unsynthesized == 0 ? "" : ", \(unsynthesized) not synthesized") + ")" + "; without it, "
            + (broken == 0 ? "every one still checks out" : "\(broken) would not check out"))
    }

    private static func noun(_ kind: EntityKind) -> String {
        switch kind {
        case .sagemakerModel: "SageMaker model"
        case .region: "Region"
        default: kind.rawValue
        }
    }
}
