import ArgumentParser
import Claims
import Foundation

/// `--rules` and `--no-default-rules`, shared by every command that loads rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "A rules directory layered over the default rules; repeatable, later ones win by rule id.",
        valueName: "dir"))
    var directories: [String] = []

    @Flag(help: "Use only the --rules directories, not the default rules.")
    var noDefaultRules = false

    /// The default rules (./Rules, beside the executable, or the source checkout), then --rules.
    func resolvedDirectories(extra: [String] = []) throws -> [String] {
        var result: [String] = []
        if !noDefaultRules {
            // Bundle.main reads /proc/self/exe, so a binary found through PATH still finds its Rules.
            let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
            guard let base = RuleLoader.defaultDirectory(executablePath: executable,
                                                         currentDirectory: FileManager.default.currentDirectoryPath) else {
                Console.error("error: no default rules found (looked for ./Rules, Rules and ../share/claimcheck/Rules beside the executable, and the source checkout); pass --rules DIR")
                throw ExitCode(2)
            }
            result.append(base)
        }
        return result + extra + directories
    }

    /// Loads and validates the rules; any error stops the command with exit code 2.
    func load(extra: [String] = [], quiet: Bool = false, color: ColorChoice = .auto) throws -> RuleSet {
        let directories = try resolvedDirectories(extra: extra)
        guard !directories.isEmpty else {
            Console.error("error: --no-default-rules needs at least one --rules DIR")
            throw ExitCode(2)
        }
        let (rules, diagnostics) = RuleLoader(directories: directories).load()
        Console.report(quiet ? diagnostics.filter { $0.severity == .error } : diagnostics, color: color)
        if diagnostics.contains(where: { $0.severity == .error }) {
            let count = diagnostics.filter { $0.severity == .error }.count
            Console.error("\(count) rule error\(count == 1 ? "" : "s"); nothing was checked")
            throw ExitCode(2)
        }
        return rules
    }
}
