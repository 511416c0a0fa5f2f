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
        ("0006_regeneration", PackageResources._006_regeneration_postgres_sql),
        ("0007_tag_policy_and_defaults", PackageResources._007_tag_policy_and_defaults_postgres_sql),
        ("0008_billing", PackageResources._008_billing_postgres_sql),
        ("0009_template_bodies", PackageResources._009_template_bodies_postgres_sql),
        ("0010_billing_rows", PackageResources._010_billing_rows_postgres_sql),
        ("0011_app_summary", PackageResources._011_app_summary_postgres_sql),
        ("0012_cover_current_dependencies", PackageResources._012_cover_current_dependencies_postgres_sql),
        ("0013_drop_dependency_ref_index", PackageResources._013_drop_dependency_ref_index_postgres_sql),
    ]

    /// The ids of the migrations this binary knows, in order.
    public static var migrationIds: [String] { migrations.map(\.id) }

    /// The table that records which migrations a database has had.
    static let migrationTable = "deploycatMigration"

    /// The advisory lock schema changes take (see `schemaTransaction`).
    static let migrationLock: Int64 = PostgresEngine.writeLock + 1

    /// Connects to the database `url` names: refuses one written by a newer deploycat or one
    /// whose tables are not a catalog's, applies pending migrations and, in an empty database,
    /// loads the default catalog.
    ///
    /// With `creating` off, a database that holds no catalog yet is refused instead (a command
    /// that must read an existing catalog).
    public static func open(url: String, creating: Bool = true) throws -> SQLCatalogRepository {
        let engine = try PostgresEngine.connect(try PostgresLocation(url))
        let applied = try engine.read { db in try appliedMigrations(db) }
        if !creating, applied.isEmpty {
            throw StoreError.cannotOpen(path: engine.location, reason: "it holds no deploycat catalog; name the database "
                + "that holds one with --db")
        }
        try migrate(engine, applied: applied)
        return try SQLCatalogRepository(engine: engine, loadsDefaultCatalog: true)
    }

    /// Copies `dump` into the database `url` names, which must hold no tables, in one
    /// transaction: the schema, every row, and `check` on the rows read back. When anything
    /// fails, the transaction rolls back and the database is left as it was.
    static func create(url: String, loading dump: CatalogDump, check: (CatalogDump) throws -> Void) throws -> String {
        let engine = try PostgresEngine.connect(try PostgresLocation(url))
        try schemaTransaction(engine) { db in
            let tables = try userTables(db)
            if !tables.isEmpty {
                throw StoreError.cannotCreate(path: engine.location, reason: "the database holds tables already "
                    + "(\(listed(tables))); a copy goes into a database without tables")
            }
            try applyMigrations(after: [], db)
            try SQLCatalogRepository.load(dump, db)
            try check(try SQLCatalogRepository.dump(db))
        }
        return engine.location
    }

    /// Applies the migrations the database lacks (`applied` is what a read found it had), all in
    /// one schema transaction.
    private static func migrate(_ engine: PostgresEngine, applied: [String]) throws {
        try checkKnown(applied, engine)
        guard applied.count < migrations.count else { return }
        try schemaTransaction(engine) { db in
            // Read again under the locks: another deploycat may have migrated meanwhile.
            let applied = try appliedMigrations(db)
            try checkKnown(applied, engine)
            if applied.isEmpty {
                let tables = try userTables(db).filter { $0 != migrationTable.lowercased() }
                if !tables.isEmpty { throw StoreError.notACatalogDatabase(path: engine.location, tables: tables) }
            }
            try applyMigrations(after: applied, db)
        }
    }

    /// A transaction that may change the schema: it holds the migration lock (so two first
    /// commands against an empty database do not both create the schema) and the write lock (so
    /// no writer runs while a step changes data).
    private static func schemaTransaction(_ engine: PostgresEngine, _ body: (PostgresEngine.Transaction) throws -> Void) throws {
        try engine.transaction(begin: "BEGIN ISOLATION LEVEL READ COMMITTED", locking: migrationLock) { db in
            try db.execute("SELECT pg_advisory_xact_lock(\(PostgresEngine.writeLock))")
            try body(db)
        }
    }

    /// Runs the migration steps not in `applied`, each with its data step (`MigrationDataSteps`),
    /// recording each.
    private static func applyMigrations(after applied: [String], _ db: PostgresEngine.Transaction) throws {
        if applied.isEmpty {
            try db.execute("CREATE TABLE IF NOT EXISTS \(migrationTable) (id TEXT NOT NULL PRIMARY KEY, appliedAt TEXT NOT NULL)")
        }
        for (id, sql) in migrations where !applied.contains(id) {
            try db.script(String(decoding: sql, as: UTF8.self))
            try MigrationDataSteps.run(after: id, db)
            try db.insert(migrationTable, ["id": .text(id), "appliedAt": .text(SQLCatalogRepository.timestamp(Date()))])
        }
    }

    /// Up to three table names, and how many more.
    static func listed(_ tables: [String]) -> String {
        tables.prefix(3).joined(separator: ", ") + (tables.count > 3 ? " and \(tables.count - 3) more" : "")
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

    /// The tables in the schema the connection works in (its search path's first), whatever
    /// rights the user has on them (information_schema would hide the others).
    private static func userTables(_ db: any SQLTransaction) throws -> [String] {
        try db.rows("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
            .map { try $0.string("tablename") }
    }
}
