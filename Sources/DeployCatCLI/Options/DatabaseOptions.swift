import ArgumentParser
import CatalogService
import Foundation

/// The `--db` option every command that reads or writes the catalog takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The catalog database: an SQLite file, or a PostgreSQL URL such as "
            + "postgres://USER@HOST:5432/DBNAME?sslmode=require (default: $DEPLOYCAT_DB, else ./deploycat.sqlite). "
            + "A missing file, or a database without tables, gets the default catalog.",
        valueName: "path-or-url"))
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
