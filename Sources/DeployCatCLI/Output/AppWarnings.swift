import CatalogService

/// Prints the warnings of applied specs and synthesized templates (a LEGACY model, an unlisted
/// profile) to stderr, one line each, naming the app.
enum AppWarnings {
    static func print(_ applied: [AppService.Applied]) {
        for result in applied {
            result.warnings.forEach { Output.warning("app \"\(result.name)\" \($0)") }
        }
    }

    static func print(_ synthesized: [AppService.SynthResult]) {
        for result in synthesized {
            result.warnings.forEach { Output.warning("app \"\(result.app)\" in \(result.region): \($0)") }
        }
    }
}
