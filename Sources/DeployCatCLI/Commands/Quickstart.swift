import ArgumentParser
import CatalogModel
import CatalogService
import Foundation

/// `deploycat quickstart`: a working catalog with the example apps, in one command.
struct Quickstart: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quickstart",
        abstract: "Create the catalog, apply the example app specs, write their templates and show what uses what.",
        discussion: """
            Creates the database (with the embedded default catalog) when missing, applies the specs in \
            the examples folder, synthesizes every app, writes the templates to the out folder, and \
            prints which apps use which models and the cost-allocation tags. Safe to run again: \
            nothing that is unchanged is stored twice.

            Example:
              deploycat quickstart --examples examples --out out
            """
    )

    static let examplesVariable = "DEPLOYCAT_EXAMPLES"
    /// How the user runs deploycat (bin/deploycat sets it to the path it was run by), so the
    /// suggested commands can be run as printed; `deploycat` when unset.
    static let commandVariable = "DEPLOYCAT_COMMAND"

    @Option(help: "The folder of example specs (default: $DEPLOYCAT_EXAMPLES, else ./examples).")
    var examples: String?

    @Option(help: "Where to write the templates.")
    var out = "out"

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let folder = examples ?? environment[Self.examplesVariable] ?? "examples"
        let workspace = try database.openWorkspace()
        let summary = try workspace.catalog.summary()
        Output.line("catalog \(workspace.location): revision \(summary.revision)"
            + (workspace.createdCatalog ? ", created from the embedded default catalog" : ""))
        Output.line("  " + [
            Formatting.count(summary.regions, "Region"),
            Formatting.count(summary.geographies, "geography", plural: "geographies"),
            Formatting.count(summary.models, "foundation model"),
            Formatting.count(summary.profiles, "cross-Region inference profile"),
        ].joined(separator: ", "))
        if summary.unlistedProfiles > 0 {
            Output.line("  (\(summary.unlistedProfiles) of the profiles are not listed by AWS today: kept for apps "
                + "that still name them, with a warning)")
        }

        let applied = try workspace.apps.apply(paths: [folder])
        Output.line("applied \(Formatting.count(applied.count, "app spec")) from \(folder): "
            + counts(applied.map(\.change.rawValue)))
        // The same warnings come again, per Region, from synth below: print them once.

        let results = try workspace.apps.synth(apps: [])
        AppWarnings.print(results)
        let failures = results.compactMap { result -> String? in
            guard case let .failure(failure) = result.outcome else { return nil }
            return "app \"\(result.app)\" in \"\(result.region)\": \(failure)"
        }
        let outcomes = results.compactMap { result -> String? in
            guard case let .success(recorded) = result.outcome else { return nil }
            return recorded.outcome.rawValue
        }
        let files = try TemplateFiles(directory: out).write(workspace.apps.exportPlan(apps: [])).written
        Output.line("synthesized \(Formatting.count(results.count, "template")) (\(counts(outcomes))); "
            + "wrote \(files.count) to \(out)/")
        Output.line("  one CloudFormation template per app and Region: \(out)/APP/REGION.template.json")

        Output.line("\nWhich apps use which models (in their latest templates):")
        let models = Dictionary(uniqueKeysWithValues: try workspace.catalog.models().map { ($0.id, $0) })
        // SageMaker model names and Bedrock model ids never collide: only the latter have a dot.
        let usage = try workspace.apps.modelUsageDetail().merging(workspace.apps.modelUsageDetail(kind: .sagemakerModel)) { first, _ in first }
        Output.line(ModelUsageReport.table(usage, models: models))
        let onModels = Set(usage.values.flatMap(\.apps))
        let others = try workspace.apps.apps().filter { !onModels.contains($0.name) }
        if !others.isEmpty {
            Output.line("apps on no catalog model: " + others.map { "\($0.name) (\($0.spec.pattern.rawValue))" }.joined(separator: ", "))
        }
        Output.line("\nCost-allocation tags on the apps' resources (activate the keys in AWS Billing to split costs):")
        // deploycat:app has one value per app: a line says so instead of a row each.
        let tags = try workspace.apps.tagUsage()
        Output.line(TagUsageTable.render(tags.filter { $0.key != "deploycat:app" }))
        Output.line("deploycat:app: each app's name, on each of its resources (`deploycat tags` lists them)")
        Output.line("\nNext:\n" + nextCommands(environment: environment))
        guard failures.isEmpty else {
            failures.forEach { Output.note("Error: \($0)") }
            throw ExitCode.failure
        }
    }

    /// Commands to try next, each after a comment line saying what it shows, runnable as printed:
    /// they start with the command the user runs deploycat with, and name the database when
    /// `--db` named it (see `DatabaseOptions.forNextCommands`).
    private func nextCommands(environment: [String: String]) -> String {
        let command = environment[Self.commandVariable].flatMap { $0.isEmpty ? nil : $0 } ?? "deploycat"
        let db = database.forNextCommands
        return [
            ("the apps whose templates use a model",
             "apps list --model anthropic.claude-haiku-4-5-20251001-v1:0"),
            ("an app's template for one Region, as YAML",
             "template support-chat --region eu-west-1 --format yaml"),
            ("from a Region, the profile an app calls a model through and where its requests may be served",
             "catalog resolve amazon.nova-pro-v1:0 --region ap-southeast-2"),
            ("the catalog as a site to share (routing map, models, apps, costs): open site/index.html",
             "report html --out site"),
        ].map { "  # \($0)\n  \(Formatting.shellQuoted(command)) \($1)\(db)" }.joined(separator: "\n")
    }

    /// `3 created, 5 unchanged`.
    private func counts(_ outcomes: [String]) -> String {
        let grouped = Dictionary(grouping: outcomes, by: { $0 }).mapValues(\.count)
        return grouped.isEmpty ? "none" : grouped.sorted { $0.key < $1.key }.map { "\($1) \($0)" }.joined(separator: ", ")
    }
}
