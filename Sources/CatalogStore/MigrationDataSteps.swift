import CatalogModel

/// The steps of the schema history that SQL alone cannot take, by migration id. Each runs right
/// after its migration's SQL, in the same transaction, on either engine. A step names the
/// columns its migration made: later migrations may change the tables.
enum MigrationDataSteps {
    static let byId: [String: @Sendable (any SQLTransaction) throws -> Void] = [
        "0011_app_summary": fillAppSummaries,
    ]

    /// Runs the data step of the migration `id`, if it has one.
    static func run(after id: String, _ db: any SQLTransaction) throws {
        try byId[id]?(db)
    }

    /// 0011 added `model`, `regions` and `stage` to `app`: fills them for every app row, live or
    /// deleted, from its spec, as `applySpecs` writes them (where a pattern keeps its model is
    /// known to this code, not to SQL).
    static func fillAppSummaries(_ db: any SQLTransaction) throws {
        for row in try db.rows("SELECT name, spec FROM app") {
            let summary = try AppSpec.fromCanonicalJSON(try row.string("spec")).summary
            try db.execute("UPDATE app SET model = ?, regions = ?, stage = ? WHERE name = ?",
                           SQLValue(summary.model), try SQLCatalogRepository.json(summary.regions), SQLValue(summary.stage),
                           .text(try row.string("name")))
        }
    }
}
