import CatalogModel
import CatalogService

/// Prints what `regenerate` (or `catalog ... --regenerate`) rebuilt, or would rebuild: per app
/// and Region the old and new version and why, the failures, and the warnings.
enum RebuildReportText {
    static func print(_ report: AppService.RebuildReport) {
        guard !report.results.isEmpty else {
            return Output.line(report.dryRun ? "dry run: no template is stale; nothing would be regenerated"
                                             : "no template is stale; nothing regenerated")
        }
        var table = TextTable("APP", "REGION", "VERSION", "RESULT", "CHANGES", "REASON")
        for result in report.results {
            table.add(result.app, result.region, version(result), outcome(result, dryRun: report.dryRun),
                      result.diff?.summary ?? "", result.reasons.joined(separator: "; "))
        }
        if report.dryRun { Output.line("dry run, nothing written: built from catalog revision \(report.catalogRevision)") }
        Output.line(table.render())
        AppWarnings.print(report.results)
        for failure in report.failures {
            if case let .failure(error) = failure.outcome {
                Output.note("Error: app \"\(failure.app)\" in \(failure.region): \(error)"
                    + (failure.previous.map { "; version \($0) stays current" } ?? ""))
            }
        }
    }

    /// `v3 -> v4`, `v3` (unchanged), `- -> v1` (a Region's first version), `v3` (failed).
    static func version(_ result: AppService.SynthResult) -> String {
        let previous = result.previous.map { "v\($0)" } ?? "-"
        guard case let .success(recorded) = result.outcome, recorded.isNew else { return previous }
        return "\(previous) -> v\(recorded.version.version)"
    }

    static func outcome(_ result: AppService.SynthResult, dryRun: Bool) -> String {
        switch result.outcome {
        case let .success(recorded) where recorded.isNew: dryRun ? "would be new" : "new"
        case let .success(recorded): recorded.outcome.rawValue
        case let .failure(failure): failure.replacing ? "refused" : "failed"
        }
    }

    /// The report as `--json` prints it.
    struct JSON: Encodable {
        struct Template: Encodable {
            var app: String
            var region: String
            var reasons: [String]
            var previousVersion: Int?
            var version: Int?
            var sha256: String?
            /// `new`, `unchanged`, `superseded`, `failed` or `refused` (it would replace an
            /// application inference profile).
            var result: String
            /// How a new version differs from the previous one (`1 changed, 0 added, 0 removed`).
            var changes: String?
            var error: String?
            var warnings: [String]
        }
        var catalogRevision: Int
        var dryRun: Bool
        var changed: Bool
        var failed: Bool
        var templates: [Template]

        init(_ report: AppService.RebuildReport) {
            catalogRevision = report.catalogRevision
            dryRun = report.dryRun
            changed = report.changed
            failed = !report.failures.isEmpty
            templates = report.results.map { result in
                var template = Template(app: result.app, region: result.region, reasons: result.reasons,
                                        previousVersion: result.previous, result: "failed", warnings: result.warnings)
                switch result.outcome {
                case let .success(recorded):
                    template.version = recorded.version.version
                    template.sha256 = recorded.version.sha256
                    template.result = recorded.outcome.rawValue
                    template.changes = result.diff?.summary
                case let .failure(error):
                    template.result = error.replacing ? "refused" : "failed"
                    template.error = error.message
                    template.changes = result.diff?.summary
                }
                return template
            }
        }
    }
}
