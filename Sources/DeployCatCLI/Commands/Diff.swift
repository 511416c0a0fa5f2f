import ArgumentParser

/// `deploycat diff APP`.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two stored template versions of an app, or the latest with a template file.",
        discussion: """
            Lists resources added, removed and changed, each changed resource with the property paths \
            that differ (old and new values), and changes in the other sections (Parameters, Outputs, \
            Conditions, Metadata). Lists are compared as sets: tags are matched by Key and policy \
            statements by Sid (`Tags[Key=team]`), other items shown as removed `[-]` or added `[+]`. \
            A change CloudFormation makes by replacing the resource (a create-only property, or a new \
            Type) is marked REPLACED.

            By default the Region's last two versions are compared; --from N alone compares N with the \
            latest. --against FILE compares a template file (JSON or YAML, short-form tags such as \
            !Ref and !GetAtt included) as old with the latest version as new: what deploying the \
            latest would change on a stack whose template the file holds.

            Colour is used only when stdout is a terminal and NO_COLOR is not set.

            Examples:
              deploycat diff support-chat --region eu-west-1
              deploycat diff support-chat --from 1 --to 3 --json
              aws cloudformation get-template --stack-name support-chat --query TemplateBody > deployed.json
              deploycat diff support-chat --against deployed.json
            """
    )

    @Argument(help: "The app's name.")
    var app: String

    @Option(help: "The Region (default: the app's first Region).")
    var region: String?

    @Option(help: "The old version (default: the one before --to).")
    var from: Int?

    @Option(help: "The new version (default: the latest).")
    var to: Int?

    @Option(help: ArgumentHelp("A template file (JSON or YAML) to compare with the latest version, as the old side.",
                               valueName: "file"))
    var against: String?

    @Flag(help: "Print a JSON document instead of text.")
    var json = false

    @Flag(help: "Exit 2 when the templates differ, 0 when they do not, 1 on an error (drift checks in CI).")
    var exitCode = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        if against != nil && (from != nil || to != nil) {
            throw OptionConflict("--against compares a file with the latest version, so it cannot be combined with "
                + "--from or --to")
        }
        let apps = try database.openWorkspace().apps
        let comparison = if let against {
            try apps.diff(app: app, region: region, against: against)
        } else {
            try apps.diff(app: app, region: region, from: from, to: to)
        }
        if json {
            try Output.json(comparison)
        } else {
            Output.line(TemplateDiffText(color: .forStandardOutput).render(comparison))
        }
        if exitCode && !comparison.diff.isEmpty { throw ExitCode(2) }
    }
}
