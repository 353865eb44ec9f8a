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
            guard let base = RuleLoader.defaultDirectory(executablePath: CommandLine.arguments[0],
                                                         currentDirectory: FileManager.default.currentDirectoryPath) else {
                Console.error("error: no default rules found (looked for ./Rules and Rules beside the executable); pass --rules DIR")
                throw ExitCode(2)
            }
            result.append(base)
        }
        return result + extra + directories
    }

    /// Loads and validates the rules; any error stops the command with exit code 2.
    func load(extra: [String] = []) throws -> RuleSet {
        let directories = try resolvedDirectories(extra: extra)
        guard !directories.isEmpty else {
            Console.error("error: --no-default-rules needs at least one --rules DIR")
            throw ExitCode(2)
        }
        let (rules, diagnostics) = RuleLoader(directories: directories).load()
        Console.report(diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) {
            let count = diagnostics.filter { $0.severity == .error }.count
            Console.error("\(count) rule error\(count == 1 ? "" : "s"); nothing was checked")
            throw ExitCode(2)
        }
        return rules
    }
}
