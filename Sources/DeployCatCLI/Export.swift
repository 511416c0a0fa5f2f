import ArgumentParser

/// `deploycat export --out DIR`.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write apps' latest templates to DIR/APP/REGION.template.json.",
        discussion: """
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
        let files = try database.openWorkspace().apps.export(to: out, apps: apps)
        files.forEach { Output.line($0) }
        Output.note("\(files.count) templates written")
    }
}
