import ArgumentParser
import Claims
import Frontend

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, run their embedded examples as tests, show what one compiles to, or where they come from.",
        subcommands: [RulesTestCommand.self, RulesListCommand.self, RulesShowCommand.self, RulesDirsCommand.self]
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

    @OptionGroup var project: ProjectRuleOptions

    func run() throws {
        let set = try project.load()
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

    @OptionGroup var project: ProjectRuleOptions

    func run() throws {
        let set = try project.load()
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

    @OptionGroup var project: ProjectRuleOptions

    func run() throws {
        let directories = try RuleDirectories.resolve(project.rules, config: project.resolved().config)
        Console.out(directories.map { "\($0.0)\t\($0.1)" }.joined(separator: "\n") + (directories.isEmpty ? "" : "\n"))
    }
}

/// `--config` and the rule options of the commands that read rules but no articles: the
/// configuration is the one above the working directory, and its `rules:` are layered in.
struct ProjectRuleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Configuration file instead of the nearest .claimcheck.yml (its rules: are loaded too).", valueName: "file"))
    var config: String?

    @OptionGroup var rules: RuleOptions

    func resolved() throws -> Project {
        try ProjectOptions.resolve(inputs: [], config: config)
    }

    func load() throws -> RuleSet {
        try rules.load(extra: resolved().config.rules)
    }
}
