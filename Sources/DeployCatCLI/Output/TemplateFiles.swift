import CatalogModel
import CatalogService
import Foundation

/// Writes an export plan to `DIR/APP/REGION.template.json`. A file left there for a Region the
/// spec no longer names is removed when it holds one of the app's stored versions (so
/// deploycat wrote it), and reported otherwise.
struct TemplateFiles {
    let directory: String

    /// What writing did.
    struct Written {
        var written: [String] = []
        /// Files of retired Regions removed: each held a template version of its app and Region.
        var removed: [(file: String, version: TemplateVersion)] = []
        /// Files of retired Regions left alone because they hold no version deploycat stored.
        var kept: [(file: String, removedInSpecRevision: Int)] = []
    }

    func path(app: String, region: String) -> String {
        ((directory as NSString).appendingPathComponent(app) as NSString).appendingPathComponent("\(region).template.json")
    }

    func write(_ plan: AppService.ExportPlan) throws -> Written {
        var result = Written()
        for version in plan.current {
            let file = path(app: version.app, region: version.region)
            try FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(version.body.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
            result.written.append(file)
        }
        for retired in plan.retired {
            let file = path(app: retired.app, region: retired.region)
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            if let version = retired.version(matching: String(decoding: data, as: UTF8.self)) {
                try FileManager.default.removeItem(atPath: file)
                result.removed.append((file, version))
            } else {
                result.kept.append((file, retired.removedInSpecRevision))
            }
        }
        return result
    }
}
