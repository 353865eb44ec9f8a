import ArgumentParser
import Checker
import Claims
import Evaluation
import Foundation
import Frontend

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score extraction and checks against hand-labelled articles.",
        discussion: """
        LABELS is a JSON Lines file, one labelled article a line: {"file", "claims": [{"quote", "kind", "low", "high", "sourced", ...}], "conflicts": [[quote A, quote B, why]], "ambiguous": [...]}. Articles are read from the labels file's directory unless --articles. Every article is extracted and checked in one run with `check`'s checks at their default severities, using the rules: and tolerance: of the nearest .claimcheck.yml above the labels file (or --config), so they are also compared with each other; --cross names a JSON Lines file of contradictions between two articles ({"a": {"file", "quote"}, "b": {...}, "why"}).

        Figures, per kind and overall, for the kinds labelled exhaustively (casualties, crowd, distance, turnout, vote_share): found (a produced claim overlaps the labelled quote), kind right, values right (bounds within 1%, or within the tolerance when approximate), precision (produced claims of those kinds that overlap a labelled quote of any kind), sourced agreement (of the found claims). Conflicts: labelled pairs caught by a conflict or share-sum finding whose claims overlap both quotes, cross-article pairs caught, and false alarms (findings that match no labelled or ambiguous pair).

        Figure keys for --min and --max: found, kind-right, values-right, precision, sourced-agrees, caught, cross-caught (fractions 0-1, or percentages such as 95%), false-alarms (a count).

        Exit codes: 0 every bound holds, 1 a figure is outside a --min/--max bound, 2 a usage, rule, labels or article error (what can be scored is still scored and printed).
        """
    )

    @Argument(help: ArgumentHelp("The labels file (JSON Lines).", valueName: "labels"))
    var labels: String

    @Option(help: ArgumentHelp("Cross-article contradictions (JSON Lines).", valueName: "file"))
    var cross: String?

    @Option(help: ArgumentHelp("Directory holding the labelled articles. Default: the labels file's directory.", valueName: "dir"))
    var articles: String?

    @Option(help: "Output format: text (tables) or json (the stable contract described in the README).")
    var format: EvalFormat = .text

    @Flag(help: "List every miss, wrong kind, value or source, unlabelled claim, false alarm and missed conflict.")
    var details = false

    @Option(help: ArgumentHelp("Fail (exit 1) when a figure is below VALUE, e.g. found=0.95; repeatable.", valueName: "key=value"))
    var min: [String] = []

    @Option(help: ArgumentHelp("Fail (exit 1) when a figure is above VALUE, e.g. false-alarms=1; repeatable.", valueName: "key=value"))
    var max: [String] = []

    @Option(help: ArgumentHelp("How far approximate values widen, as for check: 0.1 or 10%. Default: 10%.", valueName: "tolerance"))
    var tolerance: String?

    @Option(help: ArgumentHelp("Configuration file instead of the nearest .claimcheck.yml above the labels file.", valueName: "file"))
    var config: String?

    @OptionGroup var rules: RuleOptions

    @OptionGroup var runOptions: RunOptions

    func validate() throws {
        try runOptions.validate()
        _ = try bounds()
        if let tolerance, Tolerance.parse(tolerance) == nil {
            throw ValidationError(Issue.command(.invalidTolerance(tolerance, expected: Tolerance.help)).message)
        }
    }

    private func bounds() throws -> [EvalBound] {
        try min.map { try bound($0, .min) } + max.map { try bound($0, .max) }
    }

    private func bound(_ text: String, _ side: EvalBound.Side) throws -> EvalBound {
        switch EvalBound.parse(text, side: side) {
        case .success(let bound): return bound
        case .failure(let error): throw ValidationError(Issue.command(.invalidBound(option: "--\(side.rawValue)", error.issue)).message)
        }
    }

    func run() throws {
        let project = try ProjectOptions.resolve(inputs: [articles ?? labels], config: config, exitDetail: runOptions.exitDetail)
        let ruleSet = try rules.load(extra: project.config.rules, quiet: runOptions.quiet, exitDetail: runOptions.exitDetail)
        let options = CheckOptions(tolerance: tolerance.flatMap(Tolerance.parse) ?? project.config.tolerance ?? 0.1)
        var (report, diagnostics) = Evaluation(rules: ruleSet, options: options, workers: runOptions.workers).run(labels: labels, cross: cross, articles: articles)
        // With nothing labelled every figure is 0 of 0: no table of "100%" that a CI guard
        // would read as a pass.
        if report.claims.overall.labelled == 0, report.conflicts.labelled == 0, report.conflicts.crossLabelled == 0 {
            if !diagnostics.contains(where: { $0.severity == .error }) {
                diagnostics.append(Issue.evaluation(.nothingLabelled).diagnostic(file: labels))
            }
            Console.report(runOptions.shown(diagnostics))
            return try runOptions.exit(with: RunStatus(failures: [.input]))
        }
        switch format {
        case .text: Console.out(report.text(details: details))
        case .json: Console.out((details ? report.json : report.withoutDetails.json).serialized() + "\n")
        }
        Console.report(runOptions.shown(diagnostics))
        let violations = try bounds().compactMap { $0.violation(in: report) }
        for violation in violations { Console.error("eval: \(violation)") }
        let failed = diagnostics.contains(where: { $0.severity == .error })
        try runOptions.exit(with: RunStatus(failures: failed ? [.input] : [], findingsFail: !violations.isEmpty))
    }
}

enum EvalFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}
