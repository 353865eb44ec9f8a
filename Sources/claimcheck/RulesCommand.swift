import ArgumentParser
import Claims

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, run their embedded examples as tests, or show where they come from.",
        subcommands: [RulesTestCommand.self, RulesListCommand.self, RulesDirsCommand.self]
    )
}

struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every example of every rule file.",
        discussion: """
        A `match` example must produce a claim from its rule (with the values it lists); a `no-match` example must not. Failures print as `file:line: rule id: expected …, got …`. Exit code 0 when all pass, 1 when any fails, 2 when the rules do not load.
        """
    )

    @Option(help: ArgumentHelp("Configuration file instead of the nearest .claimcheck.yml (its rules: are tested too).", valueName: "file"))
    var config: String?

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let project = try ProjectOptions.resolve(inputs: [], config: config)
        let set = try rules.load(extra: project.config.rules)
        let (examples, failures) = RuleTester(rules: set).run()
        for failure in failures { Console.out(failure.description + "\n") }
        let ruleCount = set.claimRules.count + set.contextRules.count
        Console.out("\(examples) examples in \(ruleCount) rules from \(set.files.count) files\n")
        // The last line has the plain "N passed, N failed" shape that CI log readers know.
        let failed = RuleTester.failedExamples(failures)
        Console.out("rules: \(examples - failed) passed, \(failed) failed\n")
        if !failures.isEmpty { throw ExitCode(1) }
    }
}

struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every loaded rule with its kind and file."
    )

    @Option(help: ArgumentHelp("Configuration file instead of the nearest .claimcheck.yml (its rules: are listed too).", valueName: "file"))
    var config: String?

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let project = try ProjectOptions.resolve(inputs: [], config: config)
        let set = try rules.load(extra: project.config.rules)
        var lines: [String] = []
        for rule in set.claimRules {
            lines.append("\(rule.id)\tclaim:\(rule.kind)\t\(rule.file):\(rule.line)\t\(rule.description)")
        }
        for rule in set.contextRules {
            let scope = rule.appliesTo.isEmpty ? "" : " (\(rule.appliesTo.sorted().joined(separator: ",")))"
            lines.append("\(rule.id)\tcontext:\(rule.role.rawValue)\(scope)\t\(rule.file):\(rule.line)\t\(rule.description)")
        }
        Console.out(lines.joined(separator: "\n") + "\n")
    }
}

/// Vale's `ls-dirs`: the rule directories a run would load, in layering order.
struct RulesDirsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dirs",
        abstract: "Print the rule directories in effect, in layering order (later ones win by rule id)."
    )

    @Option(help: ArgumentHelp("Configuration file instead of the nearest .claimcheck.yml.", valueName: "file"))
    var config: String?

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let project = try ProjectOptions.resolve(inputs: [], config: config)
        let directories = try RuleDirectories.resolve(rules, config: project.config)
        Console.out(directories.map { "\($0.0)\t\($0.1)" }.joined(separator: "\n") + (directories.isEmpty ? "" : "\n"))
    }
}
