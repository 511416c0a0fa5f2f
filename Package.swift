// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "deploycat",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "deploycat", targets: ["deploycat"]),
        .library(name: "CatalogService", targets: ["CatalogService"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", .upToNextMinor(from: "7.10.0")),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    ],
    targets: [
        // Domain values, identifiers, validation rules and the pure catalog logic (merge, diff, resolve).
        .target(name: "CatalogModel"),
        // The store: the repository's SQL over SQLite (GRDB) and PostgreSQL (postgres-nio), migrations, and the embedded default catalog.
        .target(
            name: "CatalogStore",
            dependencies: [
                "CatalogModel", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own API, to bind a statement's arguments without converting them twice.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                // A new SQLite catalog is written from an embedded gzip image of its first state.
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            exclude: ["DefaultCatalog/README.md"],
            resources: [
                .embedInCode("../../migrations/sqlite/0001_create_catalog.sql"),
                .embedInCode("../../migrations/sqlite/0002_create_apps.sql"),
                .embedInCode("../../migrations/sqlite/0003_create_app_spec_revision.sql"),
                .embedInCode("../../migrations/sqlite/0004_index_app_tags.sql"),
                .embedInCode("../../migrations/sqlite/0005_add_batch_and_sagemaker_models.sql"),
                .embedInCode("../../migrations/sqlite/0006_regeneration.sql"),
                .embedInCode("../../migrations/sqlite/0007_tag_policy_and_defaults.sql"),
                .embedInCode("../../migrations/sqlite/0008_billing.sql"),
                .embedInCode("../../migrations/sqlite/0009_template_bodies.sql"),
                .embedInCode("../../migrations/sqlite/0010_billing_rows.sql"),
                .embedInCode("../../migrations/sqlite/0011_app_summary.sql"),
                .embedInCode("../../migrations/sqlite/0012_cover_current_dependencies.sql"),
                .embedInCode("../../migrations/sqlite/0013_drop_dependency_ref_index.sql"),
                .embedInCode("../../migrations/postgres/0001_create_catalog.postgres.sql"),
                .embedInCode("../../migrations/postgres/0002_create_apps.postgres.sql"),
                .embedInCode("../../migrations/postgres/0003_create_app_spec_revision.postgres.sql"),
                .embedInCode("../../migrations/postgres/0004_index_app_tags.postgres.sql"),
                .embedInCode("../../migrations/postgres/0005_add_batch_and_sagemaker_models.postgres.sql"),
                .embedInCode("../../migrations/postgres/0006_regeneration.postgres.sql"),
                .embedInCode("../../migrations/postgres/0007_tag_policy_and_defaults.postgres.sql"),
                .embedInCode("../../migrations/postgres/0008_billing.postgres.sql"),
                .embedInCode("../../migrations/postgres/0009_template_bodies.postgres.sql"),
                .embedInCode("../../migrations/postgres/0010_billing_rows.postgres.sql"),
                .embedInCode("../../migrations/postgres/0011_app_summary.postgres.sql"),
                .embedInCode("../../migrations/postgres/0012_cover_current_dependencies.postgres.sql"),
                .embedInCode("../../migrations/postgres/0013_drop_dependency_ref_index.postgres.sql"),
                .embedInCode("DefaultCatalog/default-catalog.json"),
                .embedInCode("DefaultCatalog/default-catalog.sqlite.gz"),
            ]
        ),
        // Pure template synthesis: (AppSpec, CatalogSnapshot) -> Template.
        .target(
            name: "CatalogSynthesis",
            dependencies: ["CatalogModel", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Use cases: read input documents, import, apply, resolve, queries.
        .target(
            name: "CatalogService",
            dependencies: [
                "CatalogModel", "CatalogStore", "CatalogSynthesis", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                // Billing exports arrive gzip-compressed: inflated in a stream through the system's zlib.
                .product(name: "CompressNIO", package: "compress-nio"), .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The HTML report: a static site (pages, inline CSS, SVG charts and routing map) from what the service reads.
        .target(name: "CatalogSite", dependencies: ["CatalogService", "CatalogSynthesis", "CatalogModel"]),
        // The command line: argument parsing and output formatting.
        .target(
            name: "DeployCatCLI",
            dependencies: [
                "CatalogService", "CatalogSynthesis", "CatalogModel", "CatalogSite", .product(name: "Yams", package: "Yams"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The executable: forwards to `DeployCat.main()`.
        .executableTarget(name: "deploycat", dependencies: ["DeployCatCLI"]),
        // Measures synthesis in-process (benchmarks/synth.sh runs it).
        .executableTarget(
            name: "deploycat-bench",
            dependencies: ["CatalogService", "CatalogStore", "CatalogSynthesis", "CatalogModel",
                           .product(name: "Crypto", package: "swift-crypto")],
            path: "Sources/DeployCatBench"
        ),
        // Helpers the test targets share: temporary folders, the package's paths, running the binary, the engines and the test server.
        .target(name: "CatalogTestSupport", dependencies: ["CatalogStore"], path: "Tests/CatalogTestSupport"),
        .testTarget(name: "CatalogModelTests", dependencies: ["CatalogModel"]),
        .testTarget(
            name: "CatalogStoreTests",
            dependencies: ["CatalogStore", "CatalogModel", "CatalogTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "CatalogServiceTests",
            dependencies: ["CatalogService", "CatalogStore", "CatalogModel", "CatalogTestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CatalogSynthesisTests",
            dependencies: ["CatalogSynthesis", "CatalogModel", "CatalogStore", "CatalogService", "CatalogTestSupport"],
            exclude: ["Snapshots", "Fixtures"]
        ),
        .testTarget(name: "CatalogSiteTests", dependencies: ["CatalogSite", "CatalogService", "CatalogModel"]),
        .testTarget(
            name: "DeployCatCLITests",
            dependencies: ["DeployCatCLI", "CatalogTestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
    ]
)

// Coverage-guided fuzzing of the readers (libFuzzer): declared only in scripts/fuzz.sh's build,
// which instruments every module and links libFuzzer; `swift build` never sees it. The readers'
// files are linked in (Sources/DeployCatFuzz/Readers), so the build needs neither the store nor
// its database drivers, nor swift-crypto (a stand-in hashes FOCUS rows).
if Context.environment["DEPLOYCAT_FUZZ"] == "1" {
    package.targets.append(.executableTarget(
        name: "deploycat-fuzz",
        dependencies: ["CatalogModel", .product(name: "Yams", package: "Yams"),
                       .product(name: "CompressNIO", package: "compress-nio"), .product(name: "NIOCore", package: "swift-nio")],
        path: "Sources/DeployCatFuzz",
        swiftSettings: [.define("DEPLOYCAT_FUZZ")]
    ))
}
