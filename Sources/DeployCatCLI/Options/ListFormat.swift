import ArgumentParser

/// How a listing is printed: a table fitted to the terminal, JSON, or CSV with every list whole.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// `--format` and its older shorthand `--json`, for listings.
struct ListFormatOptions: ParsableArguments {
    @Option(help: "Output format (default: table).")
    var format: ListFormat?

    @Flag(help: "Print JSON instead of a table: --format json.")
    var json = false

    func validate() throws {
        if json, let format, format != .json {
            throw OptionConflict("--json means --format json, so it cannot be combined with --format \(format.rawValue)")
        }
    }

    /// The format asked for.
    var chosen: ListFormat { json ? .json : format ?? .table }
}
