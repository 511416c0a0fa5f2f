import ArgumentParser
import CatalogService

/// `deploycat synth`: build templates and keep their versions.
struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Synthesize apps' templates; store a new version only where the template changed.",
        discussion: """
            Prints, per app and Region, the version, a short SHA-256 and whether it is new. An app that \
            cannot be synthesized (say, its model is no longer routed from its Region) is reported and \
            the command exits non-zero; the other apps' templates are still recorded.

            Example:
              deploycat synth --all
              deploycat synth support-chat
            """
    )

    @Argument(help: "Apps to synthesize.")
    var apps: [String] = []

    @Flag(help: "Synthesize every app.")
    var all = false

    @Flag(help: ArgumentHelp(ReplacementOption.help))
    var allowReplacement = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if apps.isEmpty && !all { throw ValidationError("name apps to synthesize, or give --all") }
        if !apps.isEmpty && all { throw OptionConflict("give app names or --all, not both") }
    }

    func run() throws {
        try database.withWorkspace { workspace in
            try report(try workspace.apps.synth(apps: apps, allowReplacement: allowReplacement))
        }
    }

    /// Prints the table of `results` and notes; exits 1 when an app could not be synthesized.
    private func report(_ results: [AppService.SynthResult]) throws {
        var table = TextTable("APP", "REGION", "VERSION", "SHA256", "RESULT")
        var failures: [String] = []
        var notes: [String] = []
        for result in results {
            switch result.outcome {
            case let .success(recorded):
                table.add(result.app, result.region, "\(recorded.version.version)", recorded.version.shortHash,
                          recorded.outcome.rawValue)
                if recorded.outcome == .superseded {
                    notes.append("app \"\(result.app)\" in \(result.region): not stored; version \(recorded.version.version) "
                        + "was recorded meanwhile from spec revision \(recorded.version.specRevision) and catalog revision "
                        + "\(recorded.version.catalogRevision), and this run read an older one of them; run synth again "
                        + "to build from both")
                }
            case let .failure(failure):
                table.add(result.app, result.region, "-", "-", failure.replacing ? "refused" : "failed")
                failures.append("app \"\(result.app)\" in \"\(result.region)\": \(failure)")
            }
        }
        Output.line(table.render())
        notes.forEach(Output.note)
        AppWarnings.print(results)
        guard failures.isEmpty else {
            failures.forEach { Output.note("Error: \($0)") }
            throw ExitCode.failure
        }
    }
}
