import ArgumentParser
import Claims
import Foundation

struct Claimcheck: ParsableCommand {
    static let version = "0.1.0"
    /// "0.1.0 (commit 1a2b3c4d5e6f)", for --version and `claimcheck version`.
    static let versionLine = "\(version) (commit \(BuildInfo.commit))"

    static let configuration = CommandConfiguration(
        commandName: "claimcheck",
        abstract: "Find numeric claims in news articles and check them for contradictions.",
        discussion: """
        claimcheck reads articles (plain text or Markdown), extracts numeric claims — crowd sizes, vote shares, distances, casualties, turnout, percentages — with PCRE2 patterns kept in editable rule files, and checks them for contradictions and missing sources.

        Exit codes: 0 success (nothing at or above the fail threshold), 1 findings at or above the threshold, 2 usage, configuration, rule or input errors (--exit-detail tells them apart: see `claimcheck check --help`).

        Compiled rules are cached in $XDG_CACHE_HOME/claimcheck (else ~/.cache/claimcheck), which never changes what a run finds; CLAIMCHECK_CACHE=DIR puts the cache elsewhere and CLAIMCHECK_CACHE=off turns it off.
        """,
        version: Claimcheck.versionLine,
        subcommands: [ExtractCommand.self, CheckCommand.self, EvalCommand.self, ExplainCommand.self, RulesCommand.self,
                      IngestCommand.self, ClaimsCommand.self, ChecksCommand.self, ConfigCommand.self, VersionCommand.self]
    )

    /// "did you mean 'check'?" for a misspelt subcommand, which argument-parser would report
    /// only as an unexpected argument.
    static func unknownSubcommand(in arguments: [String]) -> Issue? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !names.contains(first) else { return nil }
        return .command(.unknownCommand(first, known: names))
    }
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version and the commit it was built from (same as --version)."
    )

    func run() throws {
        Console.out(Claimcheck.versionLine + "\n")
    }
}

@main
enum Main {
    static func main() {
        Console.guardStandardStreams()
        if let problem = Claimcheck.unknownSubcommand(in: Array(CommandLine.arguments.dropFirst())) {
            Console.report(problem)
            Console.error("Run 'claimcheck --help' for usage.")
            Foundation.exit(2)
        }
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
