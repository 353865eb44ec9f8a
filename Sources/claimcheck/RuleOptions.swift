import ArgumentParser
import Claims
import Frontend
import Foundation

/// `--rules` and `--no-default-rules`, shared by every command that loads rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "A rules directory layered over the default rules; repeatable, later ones win by rule id.",
        valueName: "dir"))
    var directories: [String] = []

    @Flag(help: "Use only the --rules directories, not the default rules.")
    var noDefaultRules = false

    /// The shipped rules directory, nil with --no-default-rules; not finding it ends the command.
    func defaultDirectory() throws -> String? {
        guard !noDefaultRules else { return nil }
        // Bundle.main reads /proc/self/exe, so a binary found through PATH still finds its Rules.
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        guard let base = RuleLoader.defaultDirectory(executablePath: executable) else {
            Console.report(.command(.noDefaultRules))
            throw ExitCode(2)
        }
        return base
    }

    /// The README shipped with the default rules, as a file URI for SARIF `helpUri`: beside
    /// them in a checkout, PREFIX/share/doc/claimcheck/README.md when installed.
    static func documentationURI() -> String? {
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        guard let rules = RuleLoader.defaultDirectory(executablePath: executable) else { return nil }
        let base = URL(fileURLWithPath: rules).deletingLastPathComponent()
        let candidates = [base.appendingPathComponent("README.md"),
                          base.deletingLastPathComponent().appendingPathComponent("doc/claimcheck/README.md")]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }?.absoluteString
    }

    /// The default rules, then the configuration's `rules:` (`extra`), then --rules.
    func resolvedDirectories(extra: [String] = []) throws -> [String] {
        (try defaultDirectory().map { [$0] } ?? []) + extra + directories
    }

    /// Loads and validates the rules; any error stops the command with exit code 2.
    func load(extra: [String] = [], quiet: Bool = false, color: ColorChoice = .auto, exitDetail: Bool = false) throws -> RuleSet {
        let failure = RunStatus(failures: [.rules]).exitCode(detailed: exitDetail)
        let directories = try resolvedDirectories(extra: extra)
        guard !directories.isEmpty else {
            Console.report(.noRuleDirectories, color: color)
            throw ExitCode(failure)
        }
        let (rules, diagnostics) = RuleLoader(directories: directories, cache: RuleCache.default()).load()
        Console.report(quiet ? diagnostics.filter { $0.severity == .error } : diagnostics, color: color)
        if diagnostics.contains(where: { $0.severity == .error }) {
            let count = diagnostics.filter { $0.severity == .error }.count
            Console.error(Issue.command(.ruleErrors(count: count)).message)
            throw ExitCode(failure)
        }
        return rules
    }
}
