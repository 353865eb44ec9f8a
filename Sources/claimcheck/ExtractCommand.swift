import ArgumentParser
import Claims
import Foundation
import Frontend
import Reporters

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "List the numeric claims in articles.",
        discussion: """
        Reads each FILE (directories are walked for .txt, .md and .markdown files, or the configuration's `extensions:`, skipping hidden files and what .gitignore and .claimcheckignore exclude; `-` reads standard input) and prints one claim per line, or JSON for machines. An article may give its date in a first line `date YYYY-MM-DD`, in YAML front matter (`date: 2021-03-08`) or in a `Date:` header line; --date overrides it.

        Several outputs in one run: --output jsonl=claims.jsonl --output text=- (each file is written whole or not at all).

        Exit codes: 0 all inputs read, 2 a rule, file, output or usage error (other files are still processed and their claims printed); with --exit-detail, 3 configuration, 4 rule, 5 input, 6 output errors.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format on standard output: text (one claim a line), json (one document), jsonl (one claim object a line), html (one self-contained page). Default: text, unless --output is given.")
    var format: ExtractFormat?

    @Option(help: ArgumentHelp("Also write the claims in FORMAT to PATH (- for standard output); repeatable. Formats: \(OutputSpec<ExtractFormat>.formats).",
                               valueName: "format=path"))
    var output: [OutputSpec<ExtractFormat>] = []

    @OptionGroup var rules: RuleOptions

    @OptionGroup var html: HTMLReportOptions

    @Option(help: "Colour: auto (only on a terminal, and not when NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        _ = try Outputs.resolve(output, format: format, fallback: .text)
    }

    func run() throws {
        let outputs = try Outputs.resolve(output, format: format, fallback: .text)
        let runOptions = input.runOptions
        let arguments = try input.allInputs()
        let project = try ProjectOptions.resolve(inputs: arguments, config: input.config, exitDetail: runOptions.exitDetail)
        let set = try rules.load(extra: project.config.rules, quiet: runOptions.quiet, color: color,
                                 exitDetail: runOptions.exitDetail)
        let collector = project.collector(honoursIgnoreFiles: !input.noIgnore, includesHidden: input.hidden)
        let (paths, inputDiagnostics) = project.paths(for: arguments, collector: collector,
                                                      workingDirectory: FileManager.default.currentDirectoryPath)
        var pipeline = ExtractionPipeline(rules: set, dateOverride: input.date, workers: runOptions.workers)
        let progress = ProgressLine.make(paths: paths, quiet: runOptions.quiet)
        if let progress { pipeline.progress = { progress.fileDone(bytes: $0) } }
        var reportOptions = ReportOptions(color: color.enabled(for: .standardOutput))
        if outputs.contains(where: { $0.format == .html }) {
            reportOptions.html = try html.settings(command: "extract", ruleDirectories: rules.resolvedDirectories(extra: project.config.rules),
                                                   color: color)
        }
        // Text and jsonl on standard output are one line per claim and stream as files finish;
        // a document (json, html) and every file are written once the run is over.
        let streamed = outputs.first { $0.path == "-" && $0.format.reporter(reportOptions).isStreaming }
        let atEnd = outputs.filter { $0.path != streamed?.path || $0.format != streamed?.format }
        var diagnostics = inputDiagnostics
        var claims: [Claim] = []
        var articlesRead = 0
        pipeline.forEachChunk(paths: paths) { results in
            articlesRead += results.filter { $0.document != nil }.count
            let chunkDiagnostics = results.flatMap(\.diagnostics)
            diagnostics += chunkDiagnostics
            if !atEnd.isEmpty { claims += results.flatMap(\.claims) }
            if let streamed {
                // In input order, after clearing the progress line, which may share the terminal.
                let claimsText = streamed.format.reporter(reportOptions).render(ExtractReport(claims: results.flatMap(\.claims)))
                if !claimsText.isEmpty { progress?.finish() }
                Console.out(claimsText)
                if !runOptions.shown(chunkDiagnostics).isEmpty { progress?.finish() }
                Console.report(runOptions.shown(chunkDiagnostics), color: color)
            }
        }
        progress?.finish()
        let empty = input.emptyRunProblems(articlesRead: articlesRead, diagnostics: diagnostics)
        diagnostics += empty
        var status = RunStatus(failures: diagnostics.contains(where: { $0.severity == .error }) ? [.input] : [])
        // A document is rendered once the run's outcome is known: the page shows its exit status.
        reportOptions.html?.exitStatus = status.exitCode(detailed: runOptions.exitDetail)
        let report = ExtractReport(claims: claims, diagnostics: diagnostics)
        let problems = Outputs.write(atEnd) { format, toTerminal, sink in
            var options = reportOptions
            options.color = toTerminal && reportOptions.color
            format.reporter(options).write(report, to: sink)
        }
        if !problems.isEmpty { status.failures.insert(.output) }
        Console.report(runOptions.shown((streamed == nil ? diagnostics : inputDiagnostics + empty) + problems), color: color)
        try runOptions.exit(with: status)
    }
}
