import Checker
import Claims

/// Turns a run's results into the text a command prints. Reporters never print or exit;
/// every non-empty rendering ends with a newline.
public protocol Reporter<Input>: Sendable {
    associatedtype Input
    /// Whether renderings of parts concatenate to the rendering of the whole (one line per
    /// claim), so a command may print each chunk of files as it is done (SwiftLint's
    /// `isRealtime`). Documents with a header or a summary (JSON, SARIF, HTML) do not stream.
    var isStreaming: Bool { get }
    func render(_ input: Input) -> String
    /// The rendering handed to `sink` in pieces, so a large report need not be held whole.
    func write(_ input: Input, to sink: (String) -> Void)
}

extension Reporter {
    public var isStreaming: Bool { false }
    public func write(_ input: Input, to sink: (String) -> Void) { sink(render(input)) }
}

/// A reporter that writes its report in pieces (`write` is what it implements): the whole
/// rendering is those pieces joined.
public protocol PieceWritingReporter: Reporter {}

extension PieceWritingReporter {
    public func render(_ input: Input) -> String {
        var text = ""
        write(input) { text += $0 }
        return text
    }
}

/// What `claimcheck extract` found.
public struct ExtractReport: Sendable {
    public var claims: [Claim]
    /// Input and rule problems; `json` includes them as `errors`, the other formats leave
    /// them to the command (stderr).
    public var diagnostics: [Diagnostic]

    public init(claims: [Claim], diagnostics: [Diagnostic] = []) {
        self.claims = claims
        self.diagnostics = diagnostics
    }
}

/// What `claimcheck check` found.
public struct CheckReport: Sendable {
    public var findings: [Finding]
    /// Every claim extracted in the run, flagged or not.
    public var claims: [Claim]
    public var diagnostics: [Diagnostic]
    /// How many input files were examined, for the text summary.
    public var fileCount: Int
    /// Findings hidden by suppression comments and by the baseline, so the summary says so.
    public var suppressedCount: Int
    public var baselinedCount: Int

    public init(findings: [Finding], claims: [Claim], diagnostics: [Diagnostic] = [], fileCount: Int,
                suppressedCount: Int = 0, baselinedCount: Int = 0) {
        self.findings = findings
        self.claims = claims
        self.diagnostics = diagnostics
        self.fileCount = fileCount
        self.suppressedCount = suppressedCount
        self.baselinedCount = baselinedCount
    }
}

/// Settings the command decides; reporters never look at the environment themselves.
public struct ReportOptions: Sendable {
    /// ANSI colour in `text` output (the command decides: TTY, `NO_COLOR`, `--color`).
    public var color: Bool
    /// The checks that may produce findings, for SARIF rules and GitHub titles.
    public var checks: [CheckDescriptor]
    /// claimcheck's version, for SARIF `tool.driver.version`.
    public var toolVersion: String
    /// Project home page, for SARIF `tool.driver.informationUri`; omitted when nil.
    public var informationURI: String?
    /// Absolute directory that file paths are relative to (usually the working directory):
    /// absolute paths under it are made relative, and SARIF's `%SRCROOT%` points at it.
    public var sourceRoot: String?
    /// The template and run facts for `html`; without them the page only says it is missing.
    public var html: HTMLSettings?

    /// The README as a URI (`file:///…/README.md`), for SARIF rules' `helpUri`; omitted when nil.
    public var documentationURI: String?
    /// The exit code the run ends with, for SARIF `invocations[].exitCode`.
    public var exitCode: Int32?

    public init(color: Bool = false, checks: [CheckDescriptor] = [], toolVersion: String = "0.0.0",
                informationURI: String? = nil, sourceRoot: String? = nil, documentationURI: String? = nil,
                exitCode: Int32? = nil, html: HTMLSettings? = nil) {
        self.documentationURI = documentationURI
        self.exitCode = exitCode
        self.color = color
        self.checks = checks
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.sourceRoot = sourceRoot
        self.html = html
    }
}

/// `claimcheck extract --format`.
public enum ExtractFormat: String, CaseIterable, Sendable {
    case text, json, jsonl, html

    public func reporter(_ options: ReportOptions = ReportOptions()) -> any Reporter<ExtractReport> {
        switch self {
        case .text: ExtractTextReporter(color: options.color)
        case .json: ExtractJSONReporter()
        case .jsonl: ExtractJSONLinesReporter()
        case .html: ExtractHTMLReporter(settings: options.html ?? HTMLSettings(template: .missing, command: "extract"))
        }
    }
}

/// `claimcheck check --format`.
public enum CheckFormat: String, CaseIterable, Sendable {
    case text, json, jsonl, sarif, github, html

    public func reporter(_ options: ReportOptions = ReportOptions()) -> any Reporter<CheckReport> {
        switch self {
        case .text: CheckTextReporter(color: options.color)
        case .json: CheckJSONReporter()
        case .jsonl: CheckJSONLinesReporter()
        case .sarif: SARIFReporter(options: options)
        case .github: GitHubReporter(checks: options.checks, sourceRoot: options.sourceRoot)
        case .html: CheckHTMLReporter(settings: options.html ?? HTMLSettings(template: .missing))
        }
    }
}
