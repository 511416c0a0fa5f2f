import ArgumentParser
import CatalogModel
import Foundation

/// The `deploycat` command: the deployment catalog for generative-AI applications on AWS.
public struct DeployCat: ParsableCommand {
    public static let programVersion = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "deploycat",
        abstract: "The deployment catalog for generative-AI applications on AWS.",
        discussion: """
            deploycat keeps Bedrock's models, where they are offered, their prices and the Regions each \
            cross-Region inference profile routes to in one database (--db, $DEPLOYCAT_DB or \
            ./deploycat.sqlite: an SQLite file, or a PostgreSQL URL for a catalog many teams share), \
            together with every app's deployment spec and every CloudFormation template synthesized \
            from them.

            `deploycat --version` prints the version.

            Example:
              deploycat quickstart
              deploycat catalog resolve anthropic.claude-3-5-sonnet-20241022-v2:0 --region ap-northeast-1
              deploycat apply -f examples/ && deploycat synth --all
            """,
        // Every command gives its `commandName`: a name left out is worked out from the type's
        // name as the command line is parsed, a runtime type lookup per command (together about
        // 2 ms of every command's start-up).
        subcommands: [
            Quickstart.self, Catalog.self, Apply.self, Apps.self, Synth.self, Regenerate.self, Versions.self,
            History.self, Template.self, Diff.self, Export.self, Verify.self, Backup.self, Impact.self, Tags.self, Cost.self, Report.self, Db.self,
        ]
    )

    public init() {}

    /// Runs the command line. `deploycat --version` is answered here rather than by
    /// ArgumentParser's built-in flag, which every subcommand would also accept, and
    /// `template --version N` means a template version.
    public static func main() {
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            return Output.line(programVersion)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as any ServiceUnavailableError {
            // 69 is EX_UNAVAILABLE (sysexits.h): the database server, not the command, failed.
            FileHandle.standardError.write(Data("Error: \(Terminal.printable("\(error)"))\n".utf8))
            Foundation.exit(69)
        } catch {
            // As ArgumentParser's `exit(withError:)` writes it, with what would steer a terminal escaped.
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                FileHandle.standardError.write(Data((Terminal.printable(message) + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
