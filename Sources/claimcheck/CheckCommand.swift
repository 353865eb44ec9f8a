import ArgumentParser
import Checker
import Claims
import Foundation
import Frontend
import Reporters

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the claims in articles for contradictions and missing sources.",
        discussion: """
        Checks: \(Checker.registry.map { "\($0.id) (\($0.summary.prefix { $0 != "." }.lowercased()))" }.joined(separator: "; ")).

        Settings come from the nearest .claimcheck.yml above each input (else above the working directory), or --config; flags override it. Directory walks skip hidden files and what .gitignore and .claimcheckignore exclude. Silence findings with <!-- claimcheck-disable-next-line [check ids] --> on the line before, <!-- claimcheck-disable [ids] --> … <!-- claimcheck-enable [ids] --> around a block, or <!-- claimcheck-disable-file [ids] --> anywhere in the file.

        Several reports in one run: --output sarif=out.sarif --output github=- (each file is written whole or not at all).

        \(RunStatus.documentation)
        """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format on standard output: \(CheckFormat.allCases.map(\.rawValue).joined(separator: ", ")). Default: text, unless --output is given.")
    var format: CheckFormat?

    @Option(help: ArgumentHelp("Also write a report in FORMAT to PATH (- for standard output); repeatable. Formats: \(OutputSpec<CheckFormat>.formats).",
                               valueName: "format=path"))
    var output: [OutputSpec<CheckFormat>] = []

    @Option(help: ArgumentHelp("Lowest severity that fails the run (exit code 1); never always passes. Default: error.", valueName: "severity"))
    var failOn: FailThreshold?

    @Option(help: ArgumentHelp("How far approximate values widen before comparing: 0.1 or 10%. Default: 10%.", valueName: "tolerance"))
    var tolerance: String?

    @Option(help: ArgumentHelp("Drop findings recorded in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Record every current finding in this baseline file.", valueName: "file"))
    var writeBaseline: String?

    @Option(help: "Colour in text output: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var rules: RuleOptions

    @OptionGroup var html: HTMLReportOptions

    @OptionGroup var history: HistoryOptions

    func validate() throws {
        if let tolerance, Tolerance.parse(tolerance) == nil {
            throw ValidationError(Issue.command(.invalidTolerance(tolerance, expected: Tolerance.help)).message)
        }
        _ = try Outputs.resolve(output, format: format, fallback: .text)
    }

    func run() throws {
        let outputs = try Outputs.resolve(output, format: format, fallback: .text)
        let runOptions = input.runOptions
        // Loaded before the run, so a bad template fails fast.
        var htmlSettings = outputs.contains(where: { $0.format == .html })
            ? try html.settings(command: "check", ruleDirectories: rules.resolvedDirectories(), color: color)
            : nil
        let workingDirectory = FileManager.default.currentDirectoryPath
        let inputs = try input.allInputs()
        var request = CheckRun.Request(inputs: inputs, workingDirectory: workingDirectory)
        request.configPath = input.config
        // The claims store is opened before the run, so a bad one fails fast and nothing is read.
        let project = try ProjectOptions.resolve(inputs: inputs, config: input.config, exitDetail: runOptions.exitDetail)
        let stored = try history.open(config: project.config, workingDirectory: workingDirectory, color: color)
        request.project = project
        request.history = stored?.history
        request.defaultRules = try rules.defaultDirectory()
        request.extraRules = rules.directories
        request.ruleCache = RuleCache.default()
        request.date = input.date
        request.workers = runOptions.workers
        request.tolerance = tolerance.flatMap(Tolerance.parse)
        request.failOn = failOn
        request.baseline = baseline
        request.writeBaseline = writeBaseline
        request.allowEmpty = input.allowEmpty
        request.honoursIgnoreFiles = !input.noIgnore
        request.includesHidden = input.hidden
        request.progress = { paths -> (any RunProgress)? in ProgressLine.make(paths: paths, quiet: runOptions.quiet) }

        let outcome = CheckRun(request).run()
        Console.report(runOptions.shown(outcome.ruleDiagnostics), color: color)
        // No rule directories is a rules failure without rule errors: its own line says so.
        let ruleErrors = outcome.ruleDiagnostics.filter { $0.severity == .error }.count
        if outcome.status.failures.contains(.rules), ruleErrors > 0 {
            Console.error(Issue.command(.ruleErrors(count: ruleErrors)).message)
        }
        guard let report = outcome.report else {
            Console.report(outcome.diagnostics, color: color)
            return try runOptions.exit(with: outcome.status)
        }
        let documentation = RuleOptions.documentationURI()
        let exitCode = outcome.status.exitCode(detailed: runOptions.exitDetail)
        htmlSettings?.tolerance = request.tolerance ?? outcome.project.config.tolerance ?? 0.1
        htmlSettings?.ruleDirectories = outcome.ruleDirectories
        htmlSettings?.exitStatus = exitCode
        let problems = Outputs.write(outputs) { format, toTerminal, sink in
            let options = ReportOptions(color: toTerminal && color.enabled(for: .standardOutput),
                                        checks: Checker.registry, toolVersion: Claimcheck.version,
                                        sourceRoot: workingDirectory, documentationURI: documentation,
                                        exitCode: exitCode, html: htmlSettings)
            format.reporter(options).write(report, to: sink)
        }
        var status = outcome.status
        if !problems.isEmpty { status.failures.insert(.output) }
        Console.report(runOptions.shown(outcome.diagnostics + problems), color: color)
        if let stored, let ruleSet = outcome.ruleSet {
            try stored.recordIfAsked(outcome.paths, rules: ruleSet, date: input.date, workers: runOptions.workers,
                                     quiet: runOptions.quiet)
        }
        try runOptions.exit(with: status)
    }
}
