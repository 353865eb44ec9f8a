import ArgumentParser
import Claims
import Foundation
import Reporters

extension ExplainFormat: ExpressibleByArgument {}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how the rules read an article: rules tried, matches, rejections and where context came from.",
        discussion: """
        For each sentence of FILE (only those on LINE with FILE:LINE; - reads standard input): the claim rules whose sentence tests passed, each match with its named captures and what became of it (a claim, or why it was rejected or lost an overlap), and for each claim where its place, date, group and source came from and which voice the checker gives it. --all also lists the rules that prefilter, requires or excludes skipped.

        Exit codes: 0 explained, 2 a bad FILE or LINE, or a rule error.
        """
    )

    @Argument(help: ArgumentHelp("The article, optionally with a line: FILE or FILE:LINE; - for standard input (a line of it: -- -:LINE).",
                                 valueName: "file[:line]"))
    var target: String

    @Option(help: "Output format: text or json.")
    var format: ExplainFormat = .text

    @Flag(help: "Also list the rules that sentence tests skipped.")
    var all = false

    @Option(help: ArgumentHelp("Article date (YYYY-MM-DD); overrides the file's date prefix.", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("Configuration file instead of the nearest .claimcheck.yml above FILE (its rules: are used).", valueName: "file"))
    var config: String?

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        if let date, CalendarDate(iso: date) == nil { throw ValidationError(Issue.command(.invalidDate(date)).message) }
    }

    func run() throws {
        let parsed = ExplainTarget.parse(target) { FileManager.default.fileExists(atPath: $0) }
        let explained = parsed.flatMap { target in
            InputCollector.read(target.path).map { (target, $0) }
        }
        guard case .success(let (target, document)) = explained else {
            if case .failure(let diagnostic) = explained { Console.report([diagnostic]) }
            throw ExitCode(2)
        }
        let project = try ProjectOptions.resolve(inputs: target.path == "-" ? [] : [target.path], config: config)
        let set = try rules.load(extra: project.config.rules)
        let report: ExplainReport
        do {
            report = try Extractor(rules: set).explain(document, dateOverride: date, line: target.line)
        } catch let diagnostic as Diagnostic {
            Console.report([diagnostic])
            throw ExitCode(2)
        }
        Console.out(format.reporter(all: all).render(report))
        Console.report(report.diagnostics)
        if report.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
    }
}
