import ArgumentParser
import Claims

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, or run their embedded examples as tests.",
        subcommands: [RulesTestCommand.self, RulesListCommand.self]
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

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let set = try rules.load()
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

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let set = try rules.load()
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
