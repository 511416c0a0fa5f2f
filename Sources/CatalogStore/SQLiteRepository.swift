import CatalogModel
import Foundation
internal import GRDB

/// The catalog repository: the only code that speaks SQL. Each public method is one
/// transaction and speaks only in `CatalogModel` values.
public struct SQLiteRepository: CatalogRepository {
    /// Reads: a read-only connection for an existing file, which cannot change it.
    let reader: any DatabaseReader
    /// Writes: the file's WAL-mode pool, opened only when there is something to write.
    let writer: @Sendable () throws -> any DatabaseWriter
    /// The file path, or `:memory:`, for error messages.
    public let path: String
    public var location: String { path }

    /// Opens (creating it if needed) the database at `path`: refuses one written by a newer
    /// deploycat or one that is not a catalog, applies pending migrations and, in a new
    /// database, loads the default catalog. An existing, current file is only read until a
    /// command has something to write.
    public static func open(path: String) throws -> SQLiteRepository {
        try translatingDatabaseErrors(path: path) {
            let pool = LazyDatabasePool(path: path)
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            if isFolder.boolValue { throw StoreError.cannotOpen(path: path, reason: "it is a folder; name a file") }
            guard exists else {
                let writer = try pool.get()
                return try SQLiteRepository(reader: writer, writer: { writer }, path: path)
            }
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(5)
            return try SQLiteRepository(reader: DatabaseQueue(path: path, configuration: configuration),
                               writer: { try pool.get() }, path: path)
        }
    }

    /// A fresh in-memory catalog loaded with the default catalog, for tests.
    public static func inMemory() throws -> SQLiteRepository {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        return try SQLiteRepository(reader: queue, writer: { queue }, path: ":memory:")
    }

    init(reader: any DatabaseReader, writer: @escaping @Sendable () throws -> any DatabaseWriter,
         path: String, loadsDefaultCatalog: Bool = true) throws {
        self.reader = reader
        self.writer = writer
        self.path = path
        let migrator = Migrations.migrator
        let current = try translatingDatabaseErrors(path: path) {
            try reader.read { db in
                try Self.checkCompatible(db, path: path)
                return try migrator.hasCompletedMigrations(db)
            }
        }
        if !current {
            try translatingDatabaseErrors(path: path) { try migrator.migrate(writer()) }
        }
        if loadsDefaultCatalog, try revision() == 0 {
            try update(origin: DefaultCatalog.origin) { snapshot in
                try DefaultCatalog.document().merge(into: &snapshot)
            }
        }
    }

    /// Refuses a database written by a newer deploycat, or one that is not a deploycat catalog.
    private static func checkCompatible(_ db: Database, path: String) throws {
        let migrator = Migrations.migrator
        if try migrator.hasBeenSuperseded(db) {
            let known = Set(Migrations.all.map(\.id))
            let unknown = try migrator.appliedIdentifiers(db).subtracting(known).sorted()
            throw StoreError.newerSchema(path: path, unknownMigrations: unknown)
        }
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        if !tables.isEmpty && !tables.contains("grdb_migrations") {
            throw StoreError.notACatalog(path: path)
        }
    }

    /// The whole catalog.
    public func snapshot() throws -> CatalogSnapshot {
        try translatingDatabaseErrors(path: path) { try reader.read(SnapshotReader.read) }
    }

    /// The whole catalog and its revision, read together so they match.
    public func revisionedSnapshot() throws -> (snapshot: CatalogSnapshot, revision: Int) {
        try translatingDatabaseErrors(path: path) {
            try reader.read { db in
                (try SnapshotReader.read(db), try Self.currentRevision(db))
            }
        }
    }

    /// The current catalog revision; 0 for a catalog that has never been loaded.
    public func revision() throws -> Int {
        try translatingDatabaseErrors(path: path) {
            try reader.read(Self.currentRevision)
        }
    }

    /// The current catalog revision as `db` sees it; 0 before the catalog is first loaded.
    static func currentRevision(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT MAX(revision) FROM catalogRevision") ?? 0
    }

    /// Changes the catalog in one transaction: `change` edits a snapshot, `check` may refuse
    /// the result, and when the result differs, the differences are written, a revision is made
    /// and each change is logged. When `change` or `check` throws, the change changes nothing,
    /// or `dryRun` is set, nothing is written and the file is not touched; a dry run returns the
    /// changes it would make, with no revision.
    ///
    /// `change` and `check` first run on a snapshot read without opening the pool, then again
    /// inside the write transaction, so they must depend on nothing but what they are given.
    public func update(
        origin: String, at date: Date, dryRun: Bool, check: CatalogUpdateCheck?,
        change: (inout CatalogSnapshot) throws -> Void
    ) throws -> CatalogUpdate {
        let current = try snapshot()
        var trial = current
        try change(&trial)
        guard trial != current else { return CatalogUpdate(revision: nil, changes: []) }
        // The apps are read only for a check: loading the default catalog and plain imports need none.
        let trialApps = check == nil ? [] : try apps()
        try check?(current, trial, trialApps)
        if dryRun { return CatalogUpdate(revision: nil, changes: CatalogDiff.changes(from: current, to: trial)) }
        return try translatingDatabaseErrors(path: path) {
            try writer().write { db in
                let old = try SnapshotReader.read(db)
                var new = old
                try change(&new)
                let changes = CatalogDiff.changes(from: old, to: new)
                guard !changes.isEmpty else { return CatalogUpdate(revision: nil, changes: []) }
                // The check depends only on what it is given: when nothing changed since the trial,
                // its answer stands.
                if let check {
                    let apps = try Self.liveApps(db)
                    if old != current || apps != trialApps { try check(old, new, apps) }
                }
                try SnapshotWriter.write(from: old, to: new, db)
                let revision = try Self.currentRevision(db) + 1
                try CatalogRevisionRecord(revision: revision, appliedAt: Self.timestamp(date), origin: origin).insert(db)
                for change in changes {
                    var record = CatalogChangeRecord(id: nil, revision: revision, subject: change.subject,
                                                     summary: change.summary)
                    try record.insert(db)
                }
                return CatalogUpdate(revision: revision, changes: changes)
            }
        }
    }

    /// The change log, newest first; `limit` rows at most when given.
    public func changeLog(limit: Int?) throws -> [CatalogLogEntry] {
        try translatingDatabaseErrors(path: path) {
            try reader.read { db in
                var sql = """
                    SELECT r.revision, r.appliedAt, r.origin, c.subject, c.summary
                    FROM catalogChange c JOIN catalogRevision r ON r.revision = c.revision
                    ORDER BY c.id DESC
                    """
                var arguments: StatementArguments = []
                if let limit {
                    sql += " LIMIT ?"
                    arguments = [limit]
                }
                return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                    CatalogLogEntry(revision: row["revision"], appliedAt: row["appliedAt"], origin: row["origin"],
                                    subject: row["subject"], summary: row["summary"])
                }
            }
        }
    }

    /// The schema as SQL, for the guard test that keeps migrations and the snapshot in step.
    public func schemaDump() throws -> String {
        try reader.read { db in
            try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master
                WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                ORDER BY type DESC, name
                """).joined(separator: ";\n") + ";\n"
        }
    }

    /// The ids of the migrations this binary knows, in order.
    public static var migrationIds: [String] { Migrations.all.map(\.id) }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
