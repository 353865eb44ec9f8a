import ArgumentParser
import Foundation

struct Claimcheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimcheck",
        abstract: "Find numeric claims in news articles and check them for contradictions.",
        discussion: """
        claimcheck reads articles (plain text or Markdown), extracts numeric claims — crowd sizes, vote shares, distances, casualties, turnout, percentages — with PCRE2 patterns kept in editable rule files, and checks them for contradictions and missing sources.

        Exit codes: 0 success (nothing at or above the fail threshold), 1 findings at or above the threshold, 2 usage, configuration, rule or input errors.
        """,
        version: "0.1.0",
        subcommands: [ExtractCommand.self, CheckCommand.self, EvalCommand.self, ExplainCommand.self, RulesCommand.self,
                      IngestCommand.self, ClaimsCommand.self]
    )
}

@main
enum Main {
    static func main() {
        Console.guardStandardStreams()
        do {
            var command = try Claimcheck.parseAsRoot()
            try command.run()
        } catch {
            let code = Claimcheck.exitCode(for: error)
            let message = Claimcheck.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Console.out(message + "\n") }
                Foundation.exit(0)
            }
            if !message.isEmpty { Console.error(message) }
            // Usage errors share exit code 2 with every other error (argument-parser uses 64).
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
