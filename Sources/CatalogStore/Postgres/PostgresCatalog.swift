import Foundation

/// Opens catalogs kept in a PostgreSQL database: one catalog an organisation's teams and
/// machines share.
public enum PostgresCatalog {
    /// The schema history: one embedded `migrations/postgres/NNNN_*.postgres.sql` file per step,
    /// the same steps under the same ids as SQLite's (`SQLiteMigrations`).
    static let migrations: [(id: String, sql: [UInt8])] = [
        ("0001_create_catalog", PackageResources._001_create_catalog_postgres_sql),
        ("0002_create_apps", PackageResources._002_create_apps_postgres_sql),
        ("0003_create_app_spec_revision", PackageResources._003_create_app_spec_revision_postgres_sql),
        ("0004_index_app_tags", PackageResources._004_index_app_tags_postgres_sql),
        ("0005_add_batch_and_sagemaker_models", PackageResources._005_add_batch_and_sagemaker_models_postgres_sql),
    ]

    /// The ids of the migrations this binary knows, in order.
    public static var migrationIds: [String] { migrations.map(\.id) }

    /// The table that records which migrations a database has had.
    static let migrationTable = "deploycatMigration"

    /// The advisory lock migrations take, so that two first commands against an empty database
    /// do not both create the schema.
    static let migrationLock: Int64 = PostgresEngine.writeLock + 1

    /// Connects to the database `url` names: refuses one written by a newer deploycat or one
    /// whose tables are not a catalog's, applies pending migrations and, in an empty database,
    /// loads the default catalog.
    /// With `creating` off, a database that holds no catalog yet is refused instead (a command
    /// that must read an existing catalog).
    public static func open(url: String, creating: Bool = true) throws -> SQLCatalogRepository {
        let engine = try PostgresEngine.connect(try PostgresLocation(url))
        if !creating, try engine.read({ db in try appliedMigrations(db) }).isEmpty {
            throw StoreError.cannotOpen(path: engine.location, reason: "it holds no deploycat catalog; name the database "
                + "that holds one with --db")
        }
        try migrate(engine)
        return try SQLCatalogRepository(engine: engine, loadsDefaultCatalog: true)
    }

    /// The schema and nothing else, in a database that holds no tables: the target of a copy.
    public static func create(url: String) throws -> SQLCatalogRepository {
        let engine = try PostgresEngine.connect(try PostgresLocation(url))
        let tables = try engine.read { db in try userTables(db) }
        if let table = tables.first {
            throw StoreError.cannotCreate(path: engine.location, reason: "the database holds tables already (\(table)); "
                + "a copy goes into an empty database")
        }
        try migrate(engine)
        return try SQLCatalogRepository(engine: engine, loadsDefaultCatalog: false)
    }

    /// Drops what `create` made at `url`: every catalog table and the migration record.
    public static func remove(url: String) {
        guard let location = try? PostgresLocation(url), let engine = try? PostgresEngine.connect(location) else { return }
        let tables = CatalogDump.layout.map(\.table).reversed() + [migrationTable]
        _ = try? engine.write { db in
            for table in tables { try db.execute("DROP TABLE IF EXISTS \(table) CASCADE") }
        }
    }

    /// Applies the migrations the database lacks, each in the transaction that records it.
    private static func migrate(_ engine: PostgresEngine) throws {
        let applied = try engine.read { db in try appliedMigrations(db) }
        try checkKnown(applied, engine)
        guard applied.count < migrations.count else { return }
        try engine.transaction(begin: "BEGIN", locking: migrationLock) { db in
            // Read again under the lock: another deploycat may have migrated meanwhile.
            let applied = try appliedMigrations(db)
            try checkKnown(applied, engine)
            if applied.isEmpty {
                if let table = try userTables(db).first(where: { $0 != migrationTable.lowercased() }) {
                    throw StoreError.notACatalogDatabase(path: engine.location, table: table)
                }
                try db.execute("""
                    CREATE TABLE IF NOT EXISTS \(migrationTable) (id TEXT NOT NULL PRIMARY KEY, appliedAt TEXT NOT NULL)
                    """)
            }
            for (id, sql) in migrations where !applied.contains(id) {
                try db.script(String(decoding: sql, as: UTF8.self))
                try db.insert(migrationTable, ["id": .text(id), "appliedAt": .text(SQLCatalogRepository.timestamp(Date()))])
            }
        }
    }

    /// Refuses a database that has migrations this deploycat does not know: a newer one wrote it.
    private static func checkKnown(_ applied: [String], _ engine: PostgresEngine) throws {
        let unknown = applied.filter { !migrationIds.contains($0) }
        if !unknown.isEmpty { throw StoreError.newerSchema(path: engine.location, unknownMigrations: unknown) }
    }

    private static func appliedMigrations(_ db: any SQLTransaction) throws -> [String] {
        guard try userTables(db).contains(migrationTable.lowercased()) else { return [] }
        return try db.rows("SELECT id FROM \(migrationTable) ORDER BY id").map { try $0.string("id") }
    }

    /// The tables in the schema the connection works in (its search path's first).
    private static func userTables(_ db: any SQLTransaction) throws -> [String] {
        try db.rows("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
            """).map { try $0.string("table_name") }
    }
}
