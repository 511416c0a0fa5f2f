import ArgumentParser

/// `deploycat apply -f PATH...`: store app specs.
struct Apply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Store app specs (YAML or JSON files, or folders of them) after checking them against the catalog.",
        discussion: """
            Every spec is checked first; when any has a problem, nothing is stored. Applying the same \
            spec again changes nothing. Run `deploycat synth` afterwards to build the templates.

            Example:
              deploycat apply -f examples/
              deploycat apply -f support-chat.yaml -f analytics-profile.yaml
              generate-specs | deploycat apply -f -
            """
    )

    @Option(name: .shortAndLong, parsing: .upToNextOption,
            help: "Spec files or folders (.yaml, .yml, .json); - reads one file's worth from standard input.")
    var file: [String]

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if file.isEmpty { throw ValidationError("name at least one spec file or folder with -f") }
    }

    func run() throws {
        let results = try database.openWorkspace().apps.apply(paths: file)
        var table = TextTable("APP", "RESULT")
        for result in results { table.add(result.name, result.change.rawValue) }
        Output.line(table.render())
        for result in results where !result.retiredRegions.isEmpty {
            Output.note("app \"\(result.name)\" no longer names \(result.retiredRegions.joined(separator: ", ")): "
                + "its templates there are retired (`deploycat export` stops writing them; `deploycat versions "
                + "\(result.name)` still lists them)")
        }
        AppWarnings.print(results)
        let changed = results.filter { $0.change != .unchanged }.map(\.name)
        if !changed.isEmpty {
            Output.note("run `\(database.regenerateCommand(apps: changed))` to build their templates (`--dry-run` "
                + "first shows what changes)")
        }
    }
}
