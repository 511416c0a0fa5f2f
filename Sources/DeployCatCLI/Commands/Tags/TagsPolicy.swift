import ArgumentParser
import CatalogModel
import CatalogService

/// `deploycat tags policy set|show|clear`.
struct TagsPolicy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Set, show or clear the tag policy apps' tags must follow.",
        subcommands: [Set.self, Show.self, Clear.self]
    )

    /// `deploycat tags policy set -f FILE`.
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set the tag policy from an AWS Organizations tag policy (JSON).",
            discussion: """
                The policy is Organizations' syntax: under "tags", one entry per policy key with tag_key \
                (the capitalization resources must use), optionally tag_value (the values allowed; one * in \
                a value matches any text) and enforced_for (resource types where AWS refuses other values, \
                such as bedrock:application-inference-profile or bedrock:ALL_SUPPORTED), each as \
                {"@@assign": ...} or bare, as `aws organizations describe-effective-policy` prints them. \
                "required": true (or Organizations' report_required_tag_for) means every app must carry the \
                key (enforcement checks values, never presence). The file replaces the whole policy.

                Templates carry a key in the policy's spelling whatever the spec writes; `apply` refuses a \
                spec whose tags lack a required key or hold a value not allowed; `deploycat tags check` lists \
                every app that breaks the policy. Setting a policy that live apps break is refused unless \
                --force; --dry-run shows the change and the apps it breaks.

                Example (policy.json):
                  {"tags": {
                    "costcenter": {"tag_key": {"@@assign": "CostCenter"},
                                   "tag_value": {"@@assign": ["CC-1042", "CC-2*"]},
                                   "enforced_for": {"@@assign": ["bedrock:application-inference-profile"]},
                                   "required": true}}}

                  deploycat tags policy set -f policy.json --dry-run
                """
        )

        @Option(name: .shortAndLong, help: "The tag policy (JSON; - for standard input).")
        var file: String

        @OptionGroup var change: ChangeOptions

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try change.run(database) { catalog, mode in try catalog.setTagPolicy(file: file, mode: mode) }
        }
    }

    /// `deploycat tags policy show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show the tag policy: each key's spelling, allowed values, enforcement and whether it is required.",
            discussion: "--json prints the policy in Organizations' syntax, as `tags policy set` reads it."
        )

        @Flag(help: "Print the policy as Organizations' JSON.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let policy = try database.openWorkspace().catalog.tagPolicy()
            if json { return try Output.json(policy.document) }
            guard !policy.isEmpty else {
                return Output.note("no tag policy is set; set one with `deploycat tags policy set -f FILE`")
            }
            var table = TextTable("KEY", "REQUIRED", "ALLOWED VALUES", "ENFORCED FOR")
            for entry in policy.sorted {
                table.add(.text(entry.key), .text(entry.required ? "yes" : "no"),
                          entry.allowedValues.map { .list($0) } ?? .text("any"), .list(entry.enforcedFor))
            }
            Output.line(table.render())
        }
    }

    /// `deploycat tags policy clear`.
    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "clear", abstract: "Remove the tag policy.")

        @OptionGroup var change: ChangeOptions

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try change.run(database) { catalog, mode in try catalog.clearTagPolicy(mode: mode) }
        }
    }
}
