import Foundation

/// Paths inside this package, found from this file's location so tests run from any folder.
public enum PackagePaths {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/CatalogServiceTests/Fixtures/<name>`: AWS CLI output and catalog documents.
    public static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/CatalogServiceTests/Fixtures").appendingPathComponent(name).path
    }
}
