import CatalogService

/// Prints what an import or apply changed: the new revision and one line per change.
enum ChangeReport {
    static func print(_ result: ImportResult) {
        result.notes.forEach(Output.note)
        guard let revision = result.update.revision else {
            return Output.line("no changes: the catalog already holds everything in the file")
        }
        Output.line("catalog revision \(revision): \(result.update.changes.count) changes")
        for change in result.update.changes {
            Output.line("  \(change)")
        }
        guard !result.affectedTemplates.isEmpty else { return }
        let apps = Array(Set(result.affectedTemplates.map(\.app))).sorted()
        Output.line("templates built from what changed: "
            + result.affectedTemplates.map { "\($0.app) in \($0.region)" }.joined(separator: ", "))
        Output.line("run `deploycat synth \(apps.joined(separator: " "))` to store new versions where they change")
    }
}
