import ArgumentParser
import Checker
import ClaimStore
import Claims
import Foundation
import Frontend

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Record articles and their claims in a claims store.",
        discussion: """
        Paths are stored relative to the project root (the directory of .claimcheck.yml, else the working directory). An unchanged article is skipped; a changed one replaces its old claims in one transaction. Articles extracted with other rules are re-extracted only with --refresh.

        Exit codes: 0 done, 2 a store, rule, file or usage error (other files are still recorded).
        """
    )

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("Claims store: a SQLite file (created if missing) or a postgres:// URL. Default: db: in .claimcheck.yml.",
                               valueName: "store"))
    var db: String?

    @Flag(help: "Also forget recorded articles whose files no longer exist.")
    var prune = false

    @Flag(help: "Re-extract unchanged articles whose claims came from other rules.")
    var refresh = false

    @OptionGroup var rules: RuleOptions

    @Option(help: "Colour in messages: auto, always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let workingDirectory = FileManager.default.currentDirectoryPath
        let runOptions = input.runOptions
        let arguments = try input.allInputs()
        let project = try ProjectOptions.resolve(inputs: arguments, config: input.config, exitDetail: runOptions.exitDetail)
        let settings = project.config
        guard let spec = db ?? settings.db else {
            Console.report(.store(.noStore(configFile: Config.fileName)), color: color)
            throw ExitCode(2)
        }
        let ruleSet = try rules.load(extra: settings.rules, quiet: runOptions.quiet, color: color, exitDetail: runOptions.exitDetail)
        let store = try StoreAccess.open(spec, color: color)
        let collector = project.collector(honoursIgnoreFiles: !input.noIgnore, includesHidden: input.hidden)
        let (paths, inputDiagnostics) = project.paths(for: arguments, collector: collector, workingDirectory: workingDirectory)

        var ingester = Ingester(store: store, rules: ruleSet, root: StoreAccess.root(config: settings, workingDirectory: workingDirectory),
                                dateOverride: input.date, workers: runOptions.workers)
        ingester.refresh = refresh
        let progress = ProgressLine.make(paths: paths, quiet: runOptions.quiet)
        if let progress { ingester.progress = { progress.fileDone(bytes: $0) } }
        var summary = try StoreAccess.orExit(color: color) { try ingester.ingest(paths: paths) }
        progress?.finish()
        if prune { summary.removed = try StoreAccess.orExit(color: color) { try ingester.prune() } }

        var diagnostics = inputDiagnostics + summary.diagnostics
        let read = summary.added + summary.updated + summary.unchanged
        diagnostics += input.emptyRunProblems(articlesRead: read, diagnostics: diagnostics)
        Console.report(runOptions.shown(diagnostics), color: color)
        let totals = try StoreAccess.orExit(color: color) { try store.counts() }
        if !runOptions.quiet {
            var line = "ingested \(summary.added) new, \(summary.updated) changed, \(summary.unchanged) unchanged article"
                + (summary.unchanged == 1 ? "" : "s") + " (\(summary.claims) claims extracted)"
            if prune { line += ", pruned \(summary.removed)" }
            line += "; \(store.location) holds \(totals.articles) articles, \(totals.claims) claims"
            Console.error(line)
            if summary.stale > 0 {
                Console.report(.command(.staleArticles(count: summary.stale)), color: color)
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
    }
}
