import ArgumentParser
import CatalogService

/// `deploycat regenerate`: rebuild exactly the templates a change made stale.
struct Regenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regenerate",
        abstract: "Rebuild the templates a catalog, spec or profile-app change made stale, and only those.",
        discussion: """
            A template is stale when the catalog changed an entry it was built from (a model, a profile's \
            routes, a Region, a geography; prices are not in templates) after it was built, when its app's \
            spec changed since (or names a Region with no template yet), or when the app whose profile it \
            uses (inferenceProfileApp) changed. deploycat finds them from each template's recorded \
            dependencies and the catalog change log, synthesizes only those, and stores a new version \
            where the text changed, with the reason (for example `catalog rev 42: profile \
            us.anthropic.claude-3-haiku-20240307-v1:0 destinations from us-east-1 +us-east-2`). Apps with \
            nothing stale are not listed.

            A new text that makes CloudFormation replace an application inference profile (a changed \
            create-only property, such as its description or model source) is not stored without --allow-replacement: \
            the profile would get a new ARN and its cost history would split across two resource ids. \
            The CHANGES column says how each new version differs (see `deploycat diff`).

            An app whose spec no longer checks out against the catalog (its model gone from a Region, \
            its profile removed) is reported with the reason; its current version stays current, the \
            other apps are still regenerated, and the exit status is 1.

            --exit-code: exit 0 when nothing changed (or, with --dry-run, would change), 2 when \
            something did, 1 on an error, as `git diff --exit-code` does: a scheduled CI job can act on it.

            Example:
              deploycat regenerate --dry-run
              deploycat regenerate
              deploycat regenerate support-chat --json
            """
    )

    @Argument(help: "Only these apps (default: every app).")
    var apps: [String] = []

    @Flag(help: "Write nothing: print what would be regenerated, and why.")
    var dryRun = false

    @Flag(help: "Print a JSON object (catalogRevision, dryRun, changed, failed, templates) instead of a table.")
    var json = false

    @Flag(help: "Exit 2 when a template changed (or would change), 0 when none did, 1 on an error.")
    var exitCode = false

    @Flag(help: ArgumentHelp(ReplacementOption.help))
    var allowReplacement = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let report = try database.withWorkspace { workspace in
            let report = try workspace.apps.regenerate(apps: apps, dryRun: dryRun, allowReplacement: allowReplacement)
            if json {
                try Output.json(RebuildReportText.JSON(report))
            } else {
                RebuildReportText.print(report)
            }
            return report
        }
        if !report.failures.isEmpty { throw ExitCode.failure }
        if exitCode && report.changed { throw ExitCode(2) }
    }
}
