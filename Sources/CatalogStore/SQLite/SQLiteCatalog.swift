import Foundation
internal import GRDB

/// Opens catalogs kept in SQLite files: the embedded default engine.
public enum SQLiteCatalog {
    /// How long a command waits for another process's write to finish before it gives up, in
    /// seconds. Writes are short, but a regenerate of thousands of apps is one transaction, and
    /// an apply queued behind it should wait for it rather than fail.
    static let busyTimeout: TimeInterval = 60

    /// Opens (creating it if needed) the database at `path`: refuses one written by a newer
    /// deploycat or one that is not a catalog, applies pending migrations and, in a new
    /// database, loads the default catalog. An existing, current file is only read until a
    /// command has something to write.
    public static func open(path: String) throws -> SQLCatalogRepository {
        var createdFromImage = false
        let engine = try translatingDatabaseErrors(path: path) { () throws -> SQLiteEngine in
            let pool = LazyDatabaseWriter(path: path)
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            if isFolder.boolValue { throw StoreError.cannotOpen(path: path, reason: "it is a folder; name a file") }
            let folder = (path as NSString).deletingLastPathComponent
            if !exists, !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
                throw StoreError.cannotOpen(path: path, reason: "the folder \(folder) does not exist")
            }
            // A new file is written from the embedded image when it can be; else built below.
            createdFromImage = !exists && DefaultCatalogImage.create(path: path)
            guard exists || createdFromImage else {
                // The engine holds the pool, which holds the connection (see `LazyDatabaseWriter`).
                return SQLiteEngine(reader: try pool.get(), writer: { try pool.get() }, location: path)
            }
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(busyTimeout)
            return SQLiteEngine(reader: try DatabaseQueue(path: path, configuration: configuration),
                                writer: { try pool.get() }, location: path)
        }
        try migrate(engine)
        return try SQLCatalogRepository(engine: engine, loadsDefaultCatalog: true, created: createdFromImage)
    }

    /// A fresh in-memory catalog loaded with the default catalog, for tests.
    public static func inMemory() throws -> SQLCatalogRepository {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        let engine = SQLiteEngine(reader: queue, writer: { queue }, location: ":memory:")
        try migrate(engine)
        return try SQLCatalogRepository(engine: engine, loadsDefaultCatalog: true)
    }

    /// Copies `dump` into a new file at `path`: the schema, then every row and `check` on the
    /// rows read back in one transaction. Refuses a path where something exists already, or
    /// whose folder does not; when anything fails, the new file is removed.
    static func create(path: String, loading dump: CatalogDump, check: (CatalogDump) throws -> Void) throws -> String {
        if let problem = problemCreating(path) { throw StoreError.cannotCreate(path: path, reason: problem) }
        do {
            let engine = try translatingDatabaseErrors(path: path) {
                let pool = LazyDatabaseWriter(path: path)
                return SQLiteEngine(reader: try pool.get(), writer: { try pool.get() }, location: path)
            }
            try migrate(engine)
            try SQLCatalogRepository(engine: engine, loadsDefaultCatalog: false).load(dump, check: check)
            return path
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
    }

    /// The ids of the migrations this binary knows, in order.
    public static var migrationIds: [String] { SQLiteMigrations.all.map(\.id) }

    /// The schema as SQL, for the guard test that keeps migrations and the snapshot in step.
    public static func schema(of repository: SQLCatalogRepository) throws -> String {
        guard let engine = repository.engine as? SQLiteEngine else {
            throw StoreError.failed(path: repository.location, reason: "it is not an SQLite catalog")
        }
        return try engine.reader.read { db in
            try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master
                WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                ORDER BY type DESC, name
                """).joined(separator: ";\n") + ";\n"
        }
    }

    /// Refuses a database written by a newer deploycat, or one that is not a deploycat catalog,
    /// then applies the migrations it lacks (opening the file for writing only when it lacks some).
    static func migrate(_ engine: SQLiteEngine) throws {
        let migrator = SQLiteMigrations.migrator
        let current = try translatingDatabaseErrors(path: engine.location) {
            try engine.reader.read { db in
                if try migrator.hasBeenSuperseded(db) {
                    let known = Set(SQLiteMigrations.all.map(\.id))
                    let unknown = try migrator.appliedIdentifiers(db).subtracting(known).sorted()
                    throw StoreError.newerSchema(path: engine.location, unknownMigrations: unknown)
                }
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if !tables.isEmpty && !tables.contains("grdb_migrations") {
                    throw StoreError.notACatalog(path: engine.location)
                }
                return try migrator.hasCompletedMigrations(db)
            }
        }
        if !current {
            try translatingDatabaseErrors(path: engine.location) { try migrator.migrate(engine.writer()) }
        }
    }

    /// Why no new file can be made at `path`, or `nil` when one can.
    static func problemCreating(_ path: String) -> String? {
        // SQLite reads `file:` names as URIs, whose file is not the one the name says.
        if path.isEmpty || path.hasPrefix("file:") { return "name a plain file path, such as backup.sqlite" }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            return isFolder.boolValue ? "it is a folder; name a new file in it" : "it exists already; a copy goes into a new file"
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) {
            return "the folder \(folder) does not exist"
        }
        return nil
    }
}
