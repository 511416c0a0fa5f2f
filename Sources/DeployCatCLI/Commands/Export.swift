import ArgumentParser

/// `deploycat export --out DIR`.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write apps' latest templates to DIR/APP/REGION.template.json.",
        discussion: """
            Only the Regions each spec names now are written. A file left in DIR from a Region since \
            removed from the spec is deleted when it holds a template deploycat stored, and named otherwise.

            Example:
              deploycat export --out out/
            """
    )

    @Option(help: "The folder to write to (created when missing).")
    var out: String

    @Argument(help: "Apps to export (default: every app).")
    var apps: [String] = []

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let plan = try database.openWorkspace().apps.exportPlan(apps: apps)
        let exported = try TemplateFiles(directory: out).write(plan)
        exported.written.forEach { Output.line($0) }
        Output.note("\(Formatting.count(exported.written.count, "template")) written")
        for (file, version) in exported.removed {
            Output.note("removed \(file): spec revision \(version.retiredInSpecRevision ?? 0) of \(version.app) no longer "
                + "names \(version.region) (its templates stay readable: `deploycat versions \(version.app)`)")
        }
        for (file, revision) in exported.kept {
            Output.warning("left \(file): its Region was removed from the spec in revision \(revision), but the file "
                + "is not a template deploycat stored, so it was not deleted")
        }
    }
}
