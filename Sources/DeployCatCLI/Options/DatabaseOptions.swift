import ArgumentParser
import CatalogService
import Foundation

/// The `--db` option every command that reads or writes the catalog takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The catalog database file (default: $DEPLOYCAT_DB, else ./deploycat.sqlite). Created when missing.",
        valueName: "path"))
    var db: String?

    var path: String { DatabaseLocation.path(option: db, environment: ProcessInfo.processInfo.environment) }

    /// The catalog use cases (`deploycat catalog ...`).
    func openCatalogService() throws -> ModelCatalogService {
        try openWorkspace().catalog
    }

    /// - Parameter creating: whether a missing database is created (with the default catalog).
    func openWorkspace(creating: Bool = true) throws -> Workspace {
        try Workspace.open(path: path, creating: creating)
    }
}
