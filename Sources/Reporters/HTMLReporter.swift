import Checker
import Claims

/// What the HTML report needs beyond the findings and claims; the command decides all of it.
public struct HTMLSettings: Sendable {
    public var template: HTMLTemplate
    /// "check" or "extract", for the heading.
    public var command: String
    public var toolVersion: String
    /// When the report was made, as shown in the summary (the command passes UTC now).
    public var generated: String
    /// How far approximate values were widened, for the number lines' lighter bands.
    public var tolerance: Double
    public var ruleDirectories: [String]
    /// The exit status the run ends with, shown in the summary; nil leaves it out.
    public var exitStatus: Int32?
    /// An article's bytes as read (nil when unreadable or standard input): its text is shown
    /// with every claim highlighted; without it, each claim's sentence is.
    public var articleBytes: @Sendable (String) -> [UInt8]?
    /// Absolute paths under this directory are shown relative to it.
    public var sourceRoot: String?

    public init(template: HTMLTemplate, command: String = "check", toolVersion: String = "0.0.0",
                generated: String = "", tolerance: Double = 0.1, ruleDirectories: [String] = [],
                exitStatus: Int32? = nil, sourceRoot: String? = nil,
                articleBytes: @escaping @Sendable (String) -> [UInt8]? = { _ in nil }) {
        self.template = template
        self.command = command
        self.toolVersion = toolVersion
        self.generated = generated
        self.tolerance = tolerance
        self.ruleDirectories = ruleDirectories
        self.exitStatus = exitStatus
        self.sourceRoot = sourceRoot
        self.articleBytes = articleBytes
    }
}

/// `check --format html`: one self-contained page, rendered by the Mustache template.
public struct CheckHTMLReporter: Reporter {
    public typealias Input = CheckReport
    public var settings: HTMLSettings

    public init(settings: HTMLSettings) { self.settings = settings }

    public func render(_ report: CheckReport) -> String {
        let model = HTMLViewModel(findings: report.findings, claims: report.claims,
                                  diagnostics: report.diagnostics, fileCount: report.fileCount, settings: settings)
        return settings.template.render(model.context)
    }
}

/// `extract --format html`: the same page without findings.
public struct ExtractHTMLReporter: Reporter {
    public typealias Input = ExtractReport
    public var settings: HTMLSettings

    public init(settings: HTMLSettings) { self.settings = settings }

    public func render(_ report: ExtractReport) -> String {
        let files = Set(report.claims.map(\.file)).count
        let model = HTMLViewModel(findings: [], claims: report.claims, diagnostics: report.diagnostics,
                                  fileCount: files, settings: settings)
        return settings.template.render(model.context)
    }
}
