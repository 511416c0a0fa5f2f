import ArgumentParser
import CatalogService

/// `deploycat verify`: the database's structure, every stored template body against its
/// recorded SHA-256, and every app's stored summary against its spec.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the database, that every stored template version still hashes to its recorded SHA-256, and that apps' listed fields match their specs.",
        discussion: """
            First the database itself: for an SQLite file, SQLite's integrity check (pages and \
            indexes) and foreign key check (no row refers to one that is missing); a PostgreSQL \
            server keeps both itself. Then the body of every template version of every app (deleted \
            apps included) is hashed again, and each app's listed fields (name, team, pattern, model, \
            Regions and stage, which `apps list` reads without the spec) are compared with its spec. \
            A damaged file, or a version or an app changed in the database behind deploycat's back, \
            is named, and the exit status is 1.

            Example:
              deploycat verify --json
            """
    )

    @Flag(help: """
        Print a JSON object: versions, apps, mismatches (app, region, version, recordedSHA256, \
        bodySHA256), integrityProblems and summaryMismatches (app, deleted, fields, and problem when a \
        stored value cannot be read).
        """)
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let report = try database.openWorkspace(creating: false).apps.verify()
        if json {
            try Output.json(report)
        } else {
            VerificationText.print(report)
        }
        if !report.passed { throw ExitCode.failure }
    }
}

/// How `verify` and `backup` word a verification.
enum VerificationText {
    static func print(_ report: AppService.Verification) {
        if !report.integrityProblems.isEmpty {
            Output.line("the database's integrity check found \(Formatting.count(report.integrityProblems.count, "problem")):")
            for problem in report.integrityProblems { Output.line("  \(problem)") }
        }
        let checked = "\(Formatting.count(report.versions, "template version")) of " + Formatting.count(report.apps, "app")
        if report.mismatches.isEmpty {
            Output.line("checked \(checked): every body hashes to its recorded SHA-256")
        } else {
            let count = report.mismatches.count
            Output.line("checked \(checked): \(Formatting.count(count, "body", plural: "bodies")) no longer "
                + (count == 1 ? "hashes to the SHA-256 recorded with it:" : "hash to the SHA-256 recorded with them:"))
            for mismatch in report.mismatches {
                Output.line("  \(mismatch.app) in \(mismatch.region) version \(mismatch.version): recorded "
                    + "\(mismatch.recordedSHA256), body hashes to \(mismatch.bodySHA256)")
            }
        }
        if !report.summaryMismatches.isEmpty {
            let count = report.summaryMismatches.count
            Output.line("\(Formatting.count(count, "app")) " + (count == 1 ? "is" : "are")
                + " stored with listed fields that differ from " + (count == 1 ? "its spec:" : "their specs:"))
            for mismatch in report.summaryMismatches { Output.line("  \(mismatch)") }
        }
    }
}
