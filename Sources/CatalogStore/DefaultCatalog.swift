import CatalogModel
import Foundation

/// The catalog every new database starts from, embedded in the binary (see
/// `DefaultCatalog/README.md` for where each fact comes from).
public enum DefaultCatalog {
    /// The origin recorded for the revision that loads it.
    public static let origin = "default catalog"

    public static func document() throws -> CatalogDocument {
        try JSONDecoder().decode(CatalogDocument.self, from: Data(PackageResources.default_catalog_json))
    }

    /// The default catalog as a snapshot on its own.
    public static func snapshot() throws -> CatalogSnapshot {
        var snapshot = CatalogSnapshot()
        try document().merge(into: &snapshot)
        return snapshot
    }
}
