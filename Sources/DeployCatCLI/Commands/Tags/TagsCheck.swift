import ArgumentParser
import CatalogModel
import CatalogService

/// `deploycat tags check`: every live app's violations of the tag policy; exit 1 when any.
struct TagsCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List every way live apps' tags break the tag policy; exit 1 when there is any.",
        discussion: """
            Checks each app's effective tags (tag defaults and spec) against the policy: required keys that \
            are missing, values the policy does not allow (ENFORCED: AWS refuses them on a resource type \
            the templates create), and keys written in another capitalization than the policy's (templates \
            carry the policy's spelling, but the spec or defaults should be fixed). Apps applied before the \
            policy was set, or forced past it, are where violations live. Exit status: 0 none, 1 some, so a \
            CI pipeline can gate on it.

            Examples:
              deploycat tags check
              deploycat tags check --team ml-research --json
            """
    )

    @Option(help: "Only this team's apps.")
    var team: String?

    @Flag(help: "Print a JSON object: apps checked, policy keys, violations.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let check = try database.openWorkspace().apps.tagCheck(team: team)
        if json {
            try Output.json(check)
        } else if check.policyKeys == 0 {
            Output.note("no tag policy is set, so nothing breaks it; set one with `deploycat tags policy set -f FILE`")
        } else if check.violations.isEmpty {
            Output.note("\(Formatting.count(check.apps, "app")) follow the tag policy (\(Formatting.count(check.policyKeys, "key")))")
        } else {
            var table = TextTable("APP", "TEAM", "KEY", "RULE", "ENFORCED", "WHERE", "PROBLEM")
            for violation in check.violations {
                table.add(.text(violation.app), .text(violation.team), .text(violation.key), .text(violation.rule.rawValue),
                          .text(violation.enforced ? "yes" : "no"), .text(violation.field), .text(violation.problem))
            }
            Output.line(table.render())
            let apps = Set(check.violations.map(\.app)).count
            Output.note("\(Formatting.count(check.violations.count, "violation")) in \(apps) of "
                + "\(Formatting.count(check.apps, "app"))")
        }
        if !check.violations.isEmpty { throw ExitCode.failure }
    }
}
