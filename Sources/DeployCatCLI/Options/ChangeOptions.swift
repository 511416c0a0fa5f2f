import ArgumentParser
import CatalogService

/// `--dry-run` and `--force`, which every command that changes the catalog takes.
struct ChangeOptions: ParsableArguments {
    @Flag(help: "Write nothing: print what would change, which apps' templates it touches and which apps' specs it breaks.")
    var dryRun = false

    @Flag(help: "Make the change even when it stops apps' current specs from checking out against the catalog.")
    var force = false

    var mode: ModelCatalogService.ChangeMode { ModelCatalogService.ChangeMode(dryRun: dryRun, force: force) }
}
