import ArgumentParser

/// `deploycat verify`: every stored template body against its recorded SHA-256.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that every stored template version still hashes to its recorded SHA-256.",
        discussion: """
            Hashes the body of every template version of every app (deleted apps included) again. \
            A version whose body was changed in the database behind deploycat's back, or damaged, is \
            named with both hashes, and the exit status is 1.

            Example:
              deploycat verify --json
            """
    )

    @Flag(help: "Print a JSON object: versions, apps and mismatches.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let report = try database.openWorkspace(creating: false).apps.verify()
        if json {
            try Output.json(report)
        } else {
            let checked = "\(Formatting.count(report.versions, "template version")) of "
                + Formatting.count(report.apps, "app")
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
        }
        if !report.mismatches.isEmpty { throw ExitCode.failure }
    }
}
