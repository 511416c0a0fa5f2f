import ArgumentParser

/// `deploycat template APP`.
struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Print a stored template (the latest version by default).",
        discussion: """
            Example:
              deploycat template support-chat --region eu-west-1 --format yaml > template.yaml
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, yaml
    }

    @Argument(help: "The app's name.")
    var app: String

    @Option(help: "The Region (default: the app's first Region).")
    var region: String?

    @Option(help: "The version number (default: the latest). A Region the spec no longer names is read only by version.")
    var version: Int?

    @Option(help: "Output format.")
    var format: Format = .json

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let template = try database.openWorkspace().apps.template(app: app, region: region, version: version)
        if let revision = template.retiredInSpecRevision {
            Output.note("note: retired template: spec revision \(revision) of \(app) removed \(template.region)")
        }
        switch format {
        case .json: Output.line(template.body, terminator: "")
        case .yaml: Output.line(try YAMLRendering.yaml(fromJSON: template.body), terminator: "")
        }
    }
}
