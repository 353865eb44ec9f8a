import Checker
import Claims

/// `check --format github`: GitHub Actions workflow commands, one annotation per finding
/// (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`) and per input
/// diagnostic. The other claims of a finding are listed in the message.
public struct GitHubReporter: Reporter {
    public typealias Input = CheckReport

    let checks: [CheckDescriptor]
    let sourceRoot: String?

    public init(checks: [CheckDescriptor] = [], sourceRoot: String? = nil) {
        self.checks = checks
        self.sourceRoot = sourceRoot
    }

    public func render(_ report: CheckReport) -> String {
        var out = ""
        for diagnostic in report.diagnostics {
            var properties: [(String, String)] = []
            if let file = diagnostic.file {
                properties.append(("file", ArtifactPath(file, root: sourceRoot).path))
                if let line = diagnostic.line, line >= 1 {
                    properties.append(("line", String(line)))
                    if let column = diagnostic.column, column >= 1 { properties.append(("col", String(column))) }
                }
            }
            properties.append(("title", "claimcheck"))
            let message = ([diagnostic.message] + diagnostic.detail).joined(separator: "\n")
            out += GitHubReporter.command(GitHubReporter.command(for: diagnostic.severity), properties, message)
        }
        for finding in report.findings {
            out += annotation(finding)
        }
        return out
    }

    func annotation(_ finding: Finding) -> String {
        var properties: [(String, String)] = []
        if let primary = finding.claims.first {
            let end = SARIFReporter.endPosition(line: primary.line, column: primary.column, quote: primary.quote)
            properties += [
                ("file", ArtifactPath(primary.file, root: sourceRoot).path),
                ("line", String(primary.line)),
                ("col", String(primary.column)),
                ("endLine", String(end.line)),
                ("endColumn", String(end.column)),
            ]
        } else if let location = finding.primaryLocation {
            properties += [
                ("file", ArtifactPath(location.file, root: sourceRoot).path),
                ("line", String(location.line)),
                ("col", String(location.column)),
            ]
        }
        let name = checks.first { $0.id == finding.check }?.name ?? finding.check
        properties.append(("title", "claimcheck: \(name)"))
        var message = finding.message
        for other in finding.claims.dropFirst() {
            message += "\n\(TextLocation.of(other)): \(TextReporting.describe(other)): \"\(other.quote)\""
        }
        return GitHubReporter.command(GitHubReporter.command(for: finding.severity), properties, message)
    }

    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }


    /// `::name key=value,…::message` plus a newline, with values and message escaped.
    static func command(_ name: String, _ properties: [(String, String)], _ message: String) -> String {
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name)\(list.isEmpty ? "" : " " + list)::\(escapeData(message))\n"
    }

    /// `%` → `%25`, CR → `%0D`, LF → `%0A`.
    public static func escapeData(_ text: String) -> String {
        escape(text, extra: false)
    }

    /// `escapeData` plus `:` → `%3A`, `,` → `%2C`.
    public static func escapeProperty(_ text: String) -> String {
        escape(text, extra: true)
    }

    private static func escape(_ text: String, extra: Bool) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out.append(contentsOf: "%25".unicodeScalars)
            case "\r": out.append(contentsOf: "%0D".unicodeScalars)
            case "\n": out.append(contentsOf: "%0A".unicodeScalars)
            case ":" where extra: out.append(contentsOf: "%3A".unicodeScalars)
            case "," where extra: out.append(contentsOf: "%2C".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
