@testable import CatalogStore
import CatalogTestSupport
import Foundation
import GRDB
import Testing

/// The SQLite and PostgreSQL migration histories give the same schema: tables, columns (type,
/// nullability), primary keys, foreign keys and indexes, with JSON columns as `jsonb` in
/// PostgreSQL. Runs against the throwaway server `bin/test` starts (`DEPLOYCAT_TEST_POSTGRES`).
@Suite(.enabled(if: TestPostgres.url != nil, "needs the PostgreSQL server bin/test starts"))
struct SchemaParityTests {
    /// Columns that hold JSON documents: TEXT in SQLite, JSONB in PostgreSQL.
    static let jsonColumns = Set(CatalogDump.jsonColumns.keys)

    @Test func bothEnginesHaveTheSameSchema() throws {
        let sqlite = try SQLiteSchema.read(applying: Migrations.files(engine: "sqlite"))
        let database = try TestPostgres.createDatabase()
        for file in try Migrations.files(engine: "postgres") { try TestPostgres.run(file: file, in: database) }
        let postgres = try PostgresSchema.read(database)
        #expect(sqlite.columns == postgres.columns)
        #expect(sqlite.primaryKeys == postgres.primaryKeys)
        #expect(sqlite.foreignKeys == postgres.foreignKeys)
        #expect(sqlite.indexes == postgres.indexes)
        #expect(sqlite.columns.count > 60 && sqlite.indexes.count >= 7)
    }

    /// The steps that move data (spec revisions, tags rebuilt from specs) move it the same way.
    @Test func dataMigratesTheSameOnBothEngines() throws {
        let sqliteFiles = try Migrations.files(engine: "sqlite"), postgresFiles = try Migrations.files(engine: "postgres")
        let app = """
            INSERT INTO app (name, team, pattern, spec, specRevision, source, updatedAt) VALUES ('chat', 'cx',
              'application-inference-profile', '{"name":"chat","team":"cx","stage":"prod","tags":{"cost-center":"CX-1","deploycat:team":"spoof"}}',
              2, 'chat.yaml', '2026-01-01T00:00:00Z');
            INSERT INTO appTag (appName, key, value) VALUES ('chat', 'stale', 'gone');
            """
        let query = "SELECT appName || '|' || key || '|' || value FROM appTag ORDER BY appName, key"
        let revisions = "SELECT appName || '|' || specRevision || '|' || source FROM appSpecRevision"

        let queue = try DatabaseQueue()
        try queue.write { db in
            for file in sqliteFiles.prefix(2) { try db.execute(sql: String(contentsOf: file, encoding: .utf8)) }
            try db.execute(sql: app)
            for file in sqliteFiles.dropFirst(2) { try db.execute(sql: String(contentsOf: file, encoding: .utf8)) }
        }
        let (sqliteTags, sqliteRevisions) = try queue.read { db in
            (try String.fetchAll(db, sql: query), try String.fetchAll(db, sql: revisions))
        }

        let database = try TestPostgres.createDatabase()
        for file in postgresFiles.prefix(2) { try TestPostgres.run(file: file, in: database) }
        _ = try TestPostgres.query(app, in: database)
        for file in postgresFiles.dropFirst(2) { try TestPostgres.run(file: file, in: database) }
        #expect(try TestPostgres.query(query, in: database) == sqliteTags)
        #expect(try TestPostgres.query(revisions, in: database) == sqliteRevisions)
        #expect(sqliteTags == ["chat|cost-center|CX-1", "chat|deploycat:app|chat", "chat|deploycat:stage|prod",
                               "chat|deploycat:team|cx"])
    }
}

/// One engine's schema, with names in lower case (PostgreSQL folds unquoted names).
struct Schema {
    /// `table.column type nullability`.
    var columns: Set<String> = []
    /// `table(columns)`.
    var primaryKeys: Set<String> = []
    /// `table(columns) -> table(columns) on delete ACTION`.
    var foreignKeys: Set<String> = []
    /// `name table(columns) unique?`; a unique constraint's index is named `UNIQUE`.
    var indexes: Set<String> = []
}

enum Migrations {
    /// `migrations/ENGINE/*.sql`, in step order.
    static func files(engine: String) throws -> [URL] {
        let folder = PackagePaths.root.appendingPathComponent("migrations/\(engine)")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

enum SQLiteSchema {
    static func read(applying files: [URL]) throws -> Schema {
        let queue = try DatabaseQueue()
        try queue.write { db in
            for file in files { try db.execute(sql: String(contentsOf: file, encoding: .utf8)) }
        }
        return try queue.read { db in
            var schema = Schema()
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite_%' ORDER BY name")
            for table in tables {
                let name = table.lowercased()
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))")
                let keys = columns.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }
                for column in columns {
                    let column: (name: String, type: String, notNull: Bool, key: Bool)
                        = (column["name"], column["type"], column["notnull"], (column["pk"] as Int) > 0)
                    let qualified = "\(name).\(column.name.lowercased())"
                    let type = SchemaParityTests.jsonColumns.contains(qualified) ? "json" : column.type.lowercased()
                    // A primary key's columns are never null, whatever SQLite's notnull flag says.
                    schema.columns.insert("\(qualified) \(type) \(column.notNull || column.key ? "not null" : "null")")
                }
                schema.primaryKeys.insert("\(name)(\(keys.map { ($0["name"] as String).lowercased() }.joined(separator: ",")))")
                let references = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table))")
                for (_, parts) in Dictionary(grouping: references, by: { $0["id"] as Int }) {
                    let parts = parts.sorted { ($0["seq"] as Int) < ($1["seq"] as Int) }
                    let from = parts.map { ($0["from"] as String).lowercased() }.joined(separator: ",")
                    let to = parts.map { ($0["to"] as String).lowercased() }.joined(separator: ",")
                    let target = (parts[0]["table"] as String).lowercased()
                    let action = (parts[0]["on_delete"] as String).lowercased()
                    schema.foreignKeys.insert("\(name)(\(from)) -> \(target)(\(to)) on delete \(action)")
                }
                for index in try Row.fetchAll(db, sql: "PRAGMA index_list(\(table))") where index["origin"] as String != "pk" {
                    let indexName: String = index["name"]
                    let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno",
                                                      arguments: [indexName]).map { $0.lowercased() }
                    let label = index["origin"] as String == "u" ? "UNIQUE" : indexName.lowercased()
                    schema.indexes.insert("\(label) \(name)(\(columns.joined(separator: ",")))"
                        + ((index["unique"] as Int) == 1 ? " unique" : ""))
                }
            }
            return schema
        }
    }
}

enum PostgresSchema {
    static func read(_ database: String) throws -> Schema {
        var schema = Schema()
        let types = ["text": "text", "jsonb": "json", "integer": "integer", "bigint": "integer", "double precision": "real"]
        for row in try TestPostgres.query("""
            SELECT table_name || '|' || column_name || '|' || data_type || '|' || is_nullable
            FROM information_schema.columns WHERE table_schema = 'public'
            """, in: database) {
            let parts = row.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let type = types[parts[2]] ?? parts[2]
            schema.columns.insert("\(parts[0]).\(parts[1]) \(type) \(parts[3] == "NO" ? "not null" : "null")")
        }
        let columnsOf = { (relation: String, keys: String) in
            "(SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(\(keys)) WITH ORDINALITY k(n, ord) "
                + "JOIN pg_attribute a ON a.attrelid = \(relation) AND a.attnum = k.n)"
        }
        schema.primaryKeys = Set(try TestPostgres.query("""
            SELECT c.conrelid::regclass::text || '(' || \(columnsOf("c.conrelid", "c.conkey")) || ')'
            FROM pg_constraint c WHERE c.contype = 'p' AND c.connamespace = 'public'::regnamespace
            """, in: database))
        schema.foreignKeys = Set(try TestPostgres.query("""
            SELECT c.conrelid::regclass::text || '(' || \(columnsOf("c.conrelid", "c.conkey")) || ') -> '
              || c.confrelid::regclass::text || '(' || \(columnsOf("c.confrelid", "c.confkey")) || ') on delete '
              || CASE c.confdeltype WHEN 'c' THEN 'cascade' WHEN 'a' THEN 'no action' ELSE c.confdeltype::text END
            FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
            """, in: database))
        schema.indexes = Set(try TestPostgres.query("""
            SELECT CASE WHEN con.contype = 'u' THEN 'UNIQUE' ELSE i.relname END || ' ' || t.relname || '('
              || \(columnsOf("t.oid", "x.indkey::int2[]")) || ')' || CASE WHEN x.indisunique THEN ' unique' ELSE '' END
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
              JOIN pg_namespace n ON n.oid = t.relnamespace
              LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid
            WHERE n.nspname = 'public' AND NOT x.indisprimary
            """, in: database))
        return schema
    }
}
