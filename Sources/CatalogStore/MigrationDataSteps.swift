/// The steps of the schema history that SQL alone cannot take, by migration id. Each runs right
/// after its migration's SQL, in the same transaction, on either engine.
enum MigrationDataSteps {
    static let byId: [String: @Sendable (any SQLTransaction) throws -> Void] = [
        "0011_app_summary": SQLCatalogRepository.fillAppSummaries,
    ]

    /// Runs the data step of the migration `id`, if it has one.
    static func run(after id: String, _ db: any SQLTransaction) throws {
        try byId[id]?(db)
    }
}
