import ArgumentParser
import Checker
import Claims
import Foundation
import Frontend

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the configuration in effect.",
        subcommands: [ConfigShowCommand.self]
    )
}

/// Vale's `ls-config`: every setting a run would use, and where it came from.
struct ConfigShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the resolved configuration and where each value came from.",
        discussion: "With FILES or DIRS, shows the configuration a run over them would use (the nearest .claimcheck.yml above each); without, the one above the working directory."
    )

    @Argument(help: ArgumentHelp("Inputs whose configuration to show.", valueName: "file"))
    var inputs: [String] = []

    @Option(help: ArgumentHelp("Configuration file instead of the nearest .claimcheck.yml.", valueName: "file"))
    var config: String?

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let project = try ProjectOptions.resolve(inputs: inputs, config: config)
        let settings = project.config
        let fromFile = settings.path.map { "from \($0)" } ?? "default"
        func origin(_ set: Bool) -> String { set ? fromFile : "default" }
        var lines: [String] = []
        lines.append("configuration: \(settings.path ?? "none (no .claimcheck.yml found; defaults apply)")")
        lines.append("project root: \(project.root ?? FileManager.default.currentDirectoryPath)")
        lines.append("rules:")
        for (directory, source) in try RuleDirectories.resolve(rules, config: settings) {
            lines.append("  \(directory)  (\(source))")
        }
        lines.append("fail-on: \((settings.failOn ?? .error).rawValue)  (\(origin(settings.failOn != nil)))")
        let tolerance = settings.tolerance ?? 0.1
        lines.append("tolerance: \(Tolerance.describe(tolerance))  (\(origin(settings.tolerance != nil)))")
        lines.append("checks:")
        for check in Checker.registry {
            let setting = settings.checks[check.id]
            lines.append("  \(check.id): \(setting?.rawValue ?? check.defaultSeverity.rawValue)  (\(origin(setting != nil)))")
        }
        let extensions = settings.extensions ?? InputCollector.defaultExtensions
        lines.append("extensions: \(extensions.joined(separator: ", "))  (\(origin(settings.extensions != nil)))")
        lines.append("ignore: \(settings.ignore.isEmpty ? "none" : settings.ignore.joined(separator: ", "))  (\(origin(!settings.ignore.isEmpty)))")
        lines.append("ignore files: \(IgnoreFile.names.joined(separator: ", ")) in walked directories and above them up to the repository's top (--no-ignore turns them off)")
        Console.out(lines.joined(separator: "\n") + "\n")
    }
}

/// `.claimcheck.yml` for commands that are not a whole check run; a bad file ends the command.
enum ProjectOptions {
    static func resolve(inputs: [String], config: String?, exitDetail: Bool = false) throws -> Project {
        do {
            return try Project.resolve(inputs: inputs, explicitConfig: config,
                                       workingDirectory: FileManager.default.currentDirectoryPath)
        } catch let diagnostic as Diagnostic {
            Console.report([diagnostic])
            throw ExitCode(RunStatus(failures: [.configuration]).exitCode(detailed: exitDetail))
        }
    }
}

/// The rule directories in effect and what put each there.
enum RuleDirectories {
    static func resolve(_ options: RuleOptions, config: Config) throws -> [(String, String)] {
        var result: [(String, String)] = []
        if let base = try options.defaultDirectory() { result.append((base, "default rules")) }
        result += config.rules.map { ($0, "rules: in \(config.path ?? Config.fileName)") }
        result += options.directories.map { ($0, "--rules") }
        return result
    }
}
