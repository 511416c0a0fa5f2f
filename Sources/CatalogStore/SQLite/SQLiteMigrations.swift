internal import GRDB

/// The schema history: one embedded `migrations/sqlite/NNNN_*.sql` file per step, in number order.
/// Ids are the file stems; a merged migration is never edited or renamed. A step's data work
/// that SQL cannot do follows its SQL (`MigrationDataSteps`).
enum SQLiteMigrations {
    static let all: [(id: String, sql: [UInt8])] = [
        ("0001_create_catalog", PackageResources._001_create_catalog_sql),
        ("0002_create_apps", PackageResources._002_create_apps_sql),
        ("0003_create_app_spec_revision", PackageResources._003_create_app_spec_revision_sql),
        ("0004_index_app_tags", PackageResources._004_index_app_tags_sql),
        ("0005_add_batch_and_sagemaker_models", PackageResources._005_add_batch_and_sagemaker_models_sql),
        ("0006_regeneration", PackageResources._006_regeneration_sql),
        ("0007_tag_policy_and_defaults", PackageResources._007_tag_policy_and_defaults_sql),
        ("0008_billing", PackageResources._008_billing_sql),
        ("0009_template_bodies", PackageResources._009_template_bodies_sql),
        ("0010_billing_rows", PackageResources._010_billing_rows_sql),
        ("0011_app_summary", PackageResources._011_app_summary_sql),
        ("0012_cover_current_dependencies", PackageResources._012_cover_current_dependencies_sql),
        ("0013_drop_dependency_ref_index", PackageResources._013_drop_dependency_ref_index_sql),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (id, sql) in all {
            migrator.registerMigration(id) { db in
                try db.execute(sql: String(decoding: sql, as: UTF8.self))
                try MigrationDataSteps.run(after: id, SQLiteEngine.Transaction(db: db))
            }
        }
        return migrator
    }
}
