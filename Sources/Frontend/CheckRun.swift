import Checker
import Claims
import Foundation
import Reporters

/// One `claimcheck check`, from arguments to a report, without printing anything: project and
/// configuration, rules, baseline, inputs, extraction, suppressions, checks, baseline write.
/// Commands render the outcome; the HTML report and the claims store reuse it.
public struct CheckRun {
    public struct Request {
        public var inputs: [String]
        public var configPath: String?
        /// The project when the command resolved it already (to open a store first).
        public var project: Project?
        public var workingDirectory: String
        /// The shipped rules directory, nil with `--no-default-rules`.
        public var defaultRules: String?
        /// `--rules` directories, layered over the default and the configuration's.
        public var extraRules: [String] = []
        /// Where compiled rules are kept between runs (`RuleCache.default()`); nil compiles afresh.
        public var ruleCache: RuleCache?
        public var date: String?
        public var workers: Int = ProcessInfo.processInfo.activeProcessorCount
        /// `--tolerance`, `--fail-on`: override the configuration.
        public var tolerance: Double?
        public var failOn: FailThreshold?
        public var baseline: String?
        public var writeBaseline: String?
        public var allowEmpty = false
        public var honoursIgnoreFiles = true
        public var includesHidden = false
        /// Called with the paths to read; the sink it returns hears about each finished file.
        public var progress: (([String]) -> (any RunProgress)?)?
        /// Published claims the new ones are also compared with (`check --db`).
        public var history: (any ClaimHistory)?

        public init(inputs: [String], workingDirectory: String = FileManager.default.currentDirectoryPath) {
            self.inputs = inputs
            self.workingDirectory = workingDirectory
        }
    }

    public struct Outcome {
        public var project: Project
        /// Rule directories in effect, in layering order.
        public var ruleDirectories: [String] = []
        /// Rule-file warnings and errors, shown before the report.
        public var ruleDiagnostics: [Diagnostic] = []
        /// nil when the run stopped before checking (a configuration or rule error).
        public var report: CheckReport?
        /// Everything else to show after the report: config, input and write problems.
        public var diagnostics: [Diagnostic] = []
        public var status = RunStatus()
        /// The files read and the rules they were read with, for recording them afterwards.
        public var paths: [String] = []
        public var ruleSet: RuleSet?
    }

    public var request: Request

    public init(_ request: Request) {
        self.request = request
    }

    public func run() -> Outcome {
        var outcome = Outcome(project: Project())
        do {
            outcome.project = try request.project ?? Project.resolve(inputs: request.inputs, explicitConfig: request.configPath,
                                                                     workingDirectory: request.workingDirectory)
        } catch {
            return failed(outcome, .configuration, error)
        }
        let settings = outcome.project.config

        outcome.ruleDirectories = (request.defaultRules.map { [$0] } ?? []) + settings.rules + request.extraRules
        guard !outcome.ruleDirectories.isEmpty else {
            return failed(outcome, .rules, Issue.noRuleDirectories.diagnostic())
        }
        let (ruleSet, ruleDiagnostics) = RuleLoader(directories: outcome.ruleDirectories, cache: request.ruleCache).load()
        outcome.ruleDiagnostics = ruleDiagnostics
        if ruleDiagnostics.contains(where: { $0.severity == .error }) {
            outcome.status.failures.insert(.rules)
            return outcome
        }
        outcome.ruleSet = ruleSet

        let known: Baseline?
        do {
            known = try request.baseline.map { try Baseline.load(path: $0) }
        } catch {
            return failed(outcome, .configuration, error)
        }

        let collector = outcome.project.collector(honoursIgnoreFiles: request.honoursIgnoreFiles,
                                                  includesHidden: request.includesHidden)
        let (paths, inputDiagnostics) = outcome.project.paths(for: request.inputs, collector: collector,
                                                              workingDirectory: request.workingDirectory)
        outcome.paths = paths
        // Claims, suppressions and diagnostics are kept; each chunk's documents are dropped
        // once scanned, so a large archive is not held in memory.
        var claims: [Claim] = []
        var suppressions: [Suppression] = []
        var extractionDiagnostics: [Diagnostic] = []
        var fileCount = 0
        var pipeline = ExtractionPipeline(rules: ruleSet, dateOverride: request.date, workers: request.workers)
        let progress = request.progress?(paths)
        if let progress { pipeline.progress = { progress.fileDone(bytes: $0) } }
        pipeline.forEachChunk(paths: paths) { results in
            claims += results.flatMap(\.claims)
            for document in results.compactMap(\.document) {
                let scanned = Suppression.scanReporting(document)
                suppressions += scanned.suppressions
                extractionDiagnostics += scanned.warnings
            }
            extractionDiagnostics += results.flatMap(\.diagnostics)
            fileCount += results.filter { $0.document != nil }.count
        }
        progress?.finish()
        var diagnostics = inputDiagnostics + extractionDiagnostics + Self.unknownChecks(in: suppressions)
        diagnostics += emptyRunProblems(articlesRead: fileCount, allowEmpty: request.allowEmpty, diagnostics: diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) { outcome.status.failures.insert(.input) }

        let options = CheckOptions(tolerance: request.tolerance ?? settings.tolerance ?? 0.1, root: outcome.project.root)
        // A store that fails now is reported, and the articles are still checked among themselves.
        var history = request.history
        var stored: [Claim] = []
        var historyProblem: Diagnostic?
        do {
            stored = try history?.claims(comparableWith: claims, checking: paths) ?? []
        } catch {
            historyProblem = Self.diagnostic(error)
            history = nil
        }
        let checker = Checker(rules: ruleSet, options: options, settings: settings.checks)
        var result: CheckResult
        if let history {
            // Findings against history get their final paths and fingerprints from `restore`,
            // so the baseline is applied after it.
            result = history.restore(checker.run(claims + stored, suppressions: suppressions))
            let (kept, dropped) = known?.filter(result.findings) ?? (result.findings, 0)
            result.findings = kept
            result.baselinedCount = dropped
        } else {
            result = checker.run(claims, suppressions: suppressions, baseline: known)
        }
        outcome.report = CheckReport(findings: result.findings, claims: claims, diagnostics: diagnostics,
                                     fileCount: fileCount, suppressedCount: result.suppressedCount,
                                     baselinedCount: result.baselinedCount)
        outcome.diagnostics = diagnostics
        if let historyProblem {
            outcome.status.failures.insert(.configuration)
            outcome.diagnostics.append(historyProblem)
        }
        // A failed write is reported after the findings, not instead of them.
        if let path = request.writeBaseline {
            do {
                try Baseline(findings: result.unbaselined).write(to: path)
            } catch {
                outcome.status.failures.insert(.output)
                outcome.diagnostics.append(Self.diagnostic(error))
            }
        }
        outcome.status.findingsFail = (request.failOn ?? settings.failOn ?? .error).fails(result.findings)
        return outcome
    }

    private func failed(_ outcome: Outcome, _ failure: RunFailure, _ error: Error) -> Outcome {
        var copy = outcome
        copy.status.failures.insert(failure)
        copy.diagnostics.append(Self.diagnostic(error))
        return copy
    }

    static func diagnostic(_ error: Error) -> Diagnostic {
        (error as? Diagnostic) ?? Diagnostic(.error, "\(error)")
    }

    /// A misspelt id in a suppression comment silences nothing; say so rather than let it pass.
    public static func unknownChecks(in suppressions: [Suppression]) -> [Diagnostic] {
        let known = Checker.checkIDs
        return suppressions.flatMap { suppression in
            suppression.checks.filter { !known.contains($0) }.map { id in
                Issue.unknownCheckInSuppression(id, directive: suppression.scope.rawValue, known: known)
                    .diagnostic(file: suppression.file, line: suppression.line, column: suppression.column)
            }
        }
    }
}

/// Claims already published (the claims store): those a run's new claims may conflict with,
/// checked together with them, and the result put back in terms of the stored articles.
public protocol ClaimHistory {
    /// Stored claims comparable with `claims`, from articles other than `paths`.
    func claims(comparableWith claims: [Claim], checking paths: [String]) throws -> [Claim]
    /// Findings among stored claims alone dropped, stored claims under their real paths.
    func restore(_ result: CheckResult) -> CheckResult
}

/// Hears about a run's progress (the terminal progress line).
public protocol RunProgress: Sendable {
    func fileDone(bytes: Int)
    func finish()
}
