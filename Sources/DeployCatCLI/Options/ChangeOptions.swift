import ArgumentParser
import CatalogService

/// `--dry-run`, `--force` and `--regenerate`, which every command that changes the catalog takes.
struct ChangeOptions: ParsableArguments {
    @Flag(help: "Write nothing: print what would change, which apps' templates it touches and which apps' specs it breaks.")
    var dryRun = false

    @Flag(help: "Make the change even when it stops apps' current specs from checking out against the catalog.")
    var force = false

    @Flag(help: """
        Also regenerate the templates the change makes stale, in the same transaction: both land or \
        neither (a version refused for replacing a profile refuses the change; see `deploycat regenerate`).
        """)
    var regenerate = false

    @Flag(help: ArgumentHelp(ReplacementOption.help))
    var allowReplacement = false

    func validate() throws {
        if allowReplacement && !regenerate { throw OptionConflict("--allow-replacement needs --regenerate") }
    }

    /// Makes the change `body` describes against `database` with these options, prints what it
    /// did, and exits 1 when a template could not be regenerated.
    func run(_ database: DatabaseOptions,
             _ body: (ModelCatalogService, ModelCatalogService.ChangeMode) throws -> ImportResult) throws {
        let result = try database.withWorkspace { workspace in
            let mode = ModelCatalogService.ChangeMode(dryRun: dryRun, force: force,
                                                      regeneration: regenerate
                    ? workspace.apps.regeneration(allowReplacement: allowReplacement, dryRun: dryRun) : nil)
            let result = try body(workspace.catalog, mode)
            ChangeReport.print(result, database: database)
            return result
        }
        if result.regenerated?.failures.isEmpty == false { throw ExitCode.failure }
    }
}
