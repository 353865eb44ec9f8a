import ArgumentParser
import Checker
import Claims
import Foundation
import Reporters

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the claims in articles for contradictions and missing sources.",
        discussion: """
        Checks: conflict (two claims about the same quantity whose ranges cannot both hold), share-sum (vote shares adding up to more than 100%), unsourced (no named source), unused-suppression (a disable comment that silenced nothing).

        Settings come from .claimcheck.yml, searched upward from the working directory (or --config); flags override it. Silence one line with <!-- claimcheck-disable-next-line [check ids] --> on the line before it.

        Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage, configuration, rule or input errors.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text, json, jsonl, sarif (2.1.0) or github (workflow annotations).")
    var format: CheckFormat = .text

    @Option(help: ArgumentHelp("Lowest severity that fails the run (exit code 1); never always passes. Default: error.", valueName: "severity"))
    var failOn: FailThreshold?

    @Option(help: ArgumentHelp("Configuration file instead of the nearest .claimcheck.yml.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("How far approximate values widen before comparing: 0.1 or 10%. Default: 10%.", valueName: "tolerance"))
    var tolerance: String?

    @Option(help: ArgumentHelp("Drop findings recorded in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Record every current finding in this baseline file.", valueName: "file"))
    var writeBaseline: String?

    @Option(help: "Colour in text output: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var rules: RuleOptions

    @OptionGroup var history: HistoryOptions

    func validate() throws {
        if let tolerance, Tolerance.parse(tolerance) == nil {
            throw ValidationError("--tolerance must be \(Tolerance.help), got '\(tolerance)'")
        }
    }

    func run() throws {
        let workingDirectory = FileManager.default.currentDirectoryPath
        let settings = try loadConfig(workingDirectory: workingDirectory)
        let runOptions = input.runOptions
        let ruleSet = try rules.load(extra: settings.rules, quiet: runOptions.quiet, color: color)
        let known = try baseline.map { path in try orExit { try Baseline.load(path: path) } }
        let stored = try history.open(config: settings, workingDirectory: workingDirectory, color: color)

        let arguments = try input.allInputs()
        let (collected, inputDiagnostics) = InputCollector().paths(for: arguments)
        let paths = collected.filter { $0 == "-" || !settings.isIgnored($0, workingDirectory: workingDirectory) }
        // Claims, suppressions and diagnostics are kept; each chunk's documents are dropped
        // once scanned, so a large archive is not held in memory.
        var claims: [Claim] = []
        var suppressions: [Suppression] = []
        var extractionDiagnostics: [Diagnostic] = []
        var fileCount = 0
        var pipeline = ExtractionPipeline(rules: ruleSet, dateOverride: input.date, workers: runOptions.workers)
        let progress = ProgressLine.make(paths: paths, quiet: runOptions.quiet)
        if let progress { pipeline.progress = { progress.fileDone(bytes: $0) } }
        pipeline.forEachChunk(paths: paths) { results in
            claims += results.flatMap(\.claims)
            suppressions += results.compactMap(\.document).flatMap(Suppression.scan)
            extractionDiagnostics += results.flatMap(\.diagnostics)
            fileCount += results.filter { $0.document != nil }.count
        }
        progress?.finish()
        var diagnostics = inputDiagnostics + extractionDiagnostics + Self.unknownChecks(in: suppressions)
        diagnostics += input.emptyRunProblems(articlesRead: fileCount, diagnostics: diagnostics)

        // The project root: a baseline written from one directory matches from any other.
        let root = settings.path != nil ? settings.directory : InputCollector.commonRoot(of: arguments)
        let options = CheckOptions(tolerance: tolerance.flatMap(Tolerance.parse) ?? settings.tolerance ?? 0.1,
                                   root: root)
        var result = Checker(rules: ruleSet, options: options, settings: settings.checks)
            .run(claims + (try stored?.stored(comparableWith: claims, checking: paths) ?? []), suppressions: suppressions, baseline: known)
        if let stored { result = stored.restore(result) }
        // A failed write is reported after the findings, not instead of them.
        var writeProblem: Diagnostic?
        if let writeBaseline {
            do { try Baseline(findings: result.unbaselined).write(to: writeBaseline) } catch let problem as Diagnostic {
                writeProblem = problem
            }
        }

        let colored = color.enabled(for: .standardOutput)
        let report = CheckReport(findings: result.findings, claims: claims, diagnostics: diagnostics,
                                 fileCount: fileCount)
        let reportOptions = ReportOptions(color: colored, checks: Self.descriptors,
                                          toolVersion: Claimcheck.configuration.version,
                                          sourceRoot: workingDirectory)
        Console.out(format.reporter(reportOptions).render(report))
        Console.report(runOptions.shown(diagnostics + (writeProblem.map { [$0] } ?? [])), color: color)
        try stored?.recordIfAsked(paths, rules: ruleSet, date: input.date, workers: runOptions.workers, quiet: runOptions.quiet)

        if writeProblem != nil || diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
        let threshold = failOn ?? settings.failOn ?? .error
        if threshold.fails(result.findings) { throw ExitCode(1) }
    }

    /// `--config`, else the nearest `.claimcheck.yml`, else defaults. A bad file stops the run.
    private func loadConfig(workingDirectory: String) throws -> Config {
        guard let path = config ?? Config.find(startingAt: workingDirectory) else { return Config() }
        return try orExit { try Config.load(path: path) }
    }

    /// Runs `body`; a `Diagnostic` it throws is printed and ends the command with exit code 2.
    private func orExit<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let diagnostic as Diagnostic {
            Console.report([diagnostic], color: color)
            throw ExitCode(2)
        }
    }

    /// A misspelt id in a suppression comment silences nothing; say so rather than let it pass.
    static func unknownChecks(in suppressions: [Suppression]) -> [Diagnostic] {
        let known = Set(Checker.checkInfo.map(\.id))
        return suppressions.flatMap { suppression in
            suppression.checks.filter { !known.contains($0) }.map { id in
                Diagnostic(.warning, file: suppression.file, line: suppression.line, column: suppression.column,
                           "unknown check '\(id)' in \(Suppression.directive); known checks: \(known.sorted().joined(separator: ", "))")
            }
        }
    }

    static var descriptors: [CheckDescriptor] {
        Checker.checkInfo.map { info in
            CheckDescriptor(id: info.id, name: info.name, summary: info.summary, description: info.help,
                            defaultSeverity: info.defaultSeverity)
        }
    }
}
