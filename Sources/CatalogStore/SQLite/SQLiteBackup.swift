import Foundation
internal import GRDB

extension SQLiteCatalog {
    /// Writes a consistent copy of the catalog in `engine` to the new file `path` while other
    /// processes go on writing: `VACUUM INTO` reads one snapshot of the database (a WAL reader
    /// blocks no writer) into a hidden file beside `path`, `check` examines the copy opened as a
    /// catalog, and only then does the copy take its name. `path` must not exist; when anything
    /// fails, nothing is left behind.
    static func backup(_ engine: SQLiteEngine, to path: String, check: (SQLCatalogRepository) throws -> Void) throws {
        if let problem = problemCreating(path) { throw StoreError.cannotCreate(path: path, reason: problem) }
        let url = URL(fileURLWithPath: path)
        let partial = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) } }
        try translatingDatabaseErrors(path: engine.location) {
            // VACUUM runs outside a transaction; INTO reads the source through one snapshot.
            try engine.reader.unsafeRead { db in try db.execute(sql: "VACUUM INTO ?", arguments: [partial]) }
        }
        try check(try open(path: partial))
        // A hard link names the copy only if nothing took `path` in the meantime.
        guard link(partial, path) == 0 else {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// What `PRAGMA integrity_check` and `PRAGMA foreign_key_check` find wrong in the file; none
    /// for a sound one.
    static func integrityProblems(_ engine: SQLiteEngine) throws -> [String] {
        try translatingDatabaseErrors(path: engine.location) {
            try engine.reader.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row -> String in
                    let table: String = row["table"], parent: String = row["parent"]
                    let rowid: Int64? = row["rowid"]
                    return "a row of \(table) (rowid \(rowid.map(String.init) ?? "?")) refers to a missing row of \(parent)"
                }
                return integrity + orphans
            }
        }
    }
}
