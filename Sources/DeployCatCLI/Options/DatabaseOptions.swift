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

    var location: String { DatabaseLocation.location(option: db, environment: ProcessInfo.processInfo.environment) }

    /// ` --db LOCATION` for commands printed for the user to run next, when `--db` named the
    /// database (else they find it as this command did); a password in a URL shows as `***`.
    var forNextCommands: String {
        guard let db, !db.isEmpty else { return "" }
        return " --db \(Formatting.shellQuoted(DatabaseLocation.displayName(db)))"
    }

    /// `deploycat regenerate APP... --db DB`, naming the apps when they are few (it finds the
    /// stale ones by itself).
    func regenerateCommand(apps: [String]) -> String {
        "deploycat regenerate" + (apps.count <= 5 ? apps.map { " \($0)" }.joined() : "") + forNextCommands
    }

    func validate() throws {
        if db?.isEmpty == true { throw ValidationError("--db needs a file path or a PostgreSQL URL") }
    }

    /// The catalog use cases (`deploycat catalog ...`).
    func openCatalogService() throws -> ModelCatalogService {
        try openWorkspace().catalog
    }

    /// - Parameter creating: whether a missing database is created (with the default catalog).
    func openWorkspace(creating: Bool = true) throws -> Workspace {
        try Workspace.open(location: location, creating: creating)
    }

    /// Runs `body` with the workspace, closed only once `body` returns. Closing waits for what
    /// the command's writes left the database to do (an SQLite file copies a large commit's log
    /// into itself after it): a command that prints a report on what it wrote does it meanwhile.
    func withWorkspace<T>(creating: Bool = true, _ body: (Workspace) throws -> T) throws -> T {
        let workspace = try openWorkspace(creating: creating)
        return try withExtendedLifetime(workspace) { try body(workspace) }
    }
}
