import CatalogService

/// Prints what an import or apply changed (or, in a dry run, would change): the new revision
/// and one line per change, the templates built from what changed, and the apps it breaks.
enum ChangeReport {
    /// `database` names the catalog in the command it suggests next.
    static func print(_ result: ImportResult, database: DatabaseOptions) {
        result.notes.forEach(Output.note)
        let changes = result.update.changes
        guard !changes.isEmpty else {
            Output.line("no changes: the catalog already holds all of it")
            return result.regenerated.map(RebuildReportText.print) ?? ()
        }
        let count = Formatting.count(changes.count, "change")
        if result.dryRun {
            Output.line("dry run, nothing written: the catalog would get \(count)")
        } else if let revision = result.update.revision {
            Output.line("catalog revision \(revision): \(count)")
        }
        for change in changes {
            Output.line("  \(change)")
        }
        let verb = result.dryRun ? "would change" : "changed"
        if !result.affectedTemplates.isEmpty {
            let apps = Array(Set(result.affectedTemplates.map(\.app))).sorted()
            let places = result.affectedTemplates.map { "\($0.app) in \($0.region)" }
            let shown = places.count <= 10 ? places : places.prefix(8) + ["+\(places.count - 8) more"]
            Output.line("templates built from what \(verb): " + shown.joined(separator: ", "))
            if !result.dryRun && result.regenerated == nil {
                Output.line("run `\(database.regenerateCommand(apps: apps))` to store new versions where they change")
            }
        }
        if !result.brokenApps.isEmpty {
            printBroken(result)
        }
        result.regenerated.map(RebuildReportText.print)
    }

    private static func printBroken(_ result: ImportResult) {
        Output.line(result.dryRun
            ? "apps whose specs would stop checking out (the change is refused without --force):"
            : "apps whose specs no longer check out (`synth` fails for them until their specs change):")
        for broken in result.brokenApps {
            Output.line(broken.description.split(separator: "\n").map { "  \($0)" }.joined(separator: "\n"))
        }
    }
}
