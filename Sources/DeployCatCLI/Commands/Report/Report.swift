import ArgumentParser

/// `deploycat report ...`: what the catalog knows, for people who do not run the CLI.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the catalog as a report to share.",
        subcommands: [ReportHTML.self]
    )
}
