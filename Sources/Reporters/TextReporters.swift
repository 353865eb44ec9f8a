import Checker
import Claims

/// `extract --format text`: one claim a line,
/// `file:line:col: kind interval unit "quote" place=… date=… group=… source=…`,
/// leaving out context that is unknown.
public struct ExtractTextReporter: Reporter {
    public var isStreaming: Bool { true }
    public typealias Input = ExtractReport

    let ansi: ANSI

    public init(color: Bool = false) {
        ansi = ANSI(enabled: color)
    }

    public func render(_ report: ExtractReport) -> String {
        report.claims.map { line(for: $0) + "\n" }.joined()
    }

    func line(for claim: Claim) -> String {
        var fields = [
            ansi.apply(.bold, TextLocation.of(claim) + ":"),
            TextEscaping.terminalSafe(claim.kind),
            claim.value.description,
            TextEscaping.terminalSafe(claim.unit),
            TextEscaping.quoted(claim.quote),
        ]
        let context = claim.context
        let known: [(String, String?)] = [("place", context.place), ("date", context.date), ("group", context.group)]
        for case let (key, value?) in known {
            fields.append("\(key)=\(TextEscaping.field(value))")
        }
        if let attribution = claim.attribution {
            switch attribution.kind {
            case .named: fields.append("source=\(TextEscaping.field(attribution.text))")
            case .anonymous: fields.append("source=(anonymous: \(TextEscaping.terminalSafe(attribution.text)))")
            }
        }
        return fields.joined(separator: " ")
    }
}

/// `check --format text`: compiler-style diagnostics with the quote underlined in its
/// sentence, a note for each other claim involved, and a summary line. Input diagnostics are
/// counted in the summary but printed by the command (see `DiagnosticText`).
public struct CheckTextReporter: Reporter {
    public typealias Input = CheckReport

    let ansi: ANSI

    public init(color: Bool = false) {
        ansi = ANSI(enabled: color)
    }

    public func render(_ report: CheckReport) -> String {
        var out = ""
        for finding in report.findings {
            out += block(for: finding)
        }
        return out + summary(report) + "\n"
    }

    func block(for finding: Finding) -> String {
        let message = TextEscaping.terminalSafe(finding.message) + " [\(TextEscaping.terminalSafe(finding.check))]"
        guard let primary = finding.claims.first else {
            let place = finding.primaryLocation.map { ansi.apply(.bold, TextLocation.of($0) + ":") + " " } ?? ""
            return "\(place)\(ansi.label(finding.severity)) \(ansi.apply(.bold, message))\n"
        }
        var out = "\(location(primary)) \(ansi.label(finding.severity)) \(ansi.apply(.bold, message))\n"
        out += snippet(primary)
        for other in finding.claims.dropFirst() {
            out += "\(location(other)) \(ansi.note()) \(TextReporting.describe(other))\n"
            out += snippet(other)
        }
        return out
    }

    private func location(_ claim: Claim) -> String {
        ansi.apply(.bold, TextLocation.of(claim) + ":")
    }

    private func snippet(_ claim: Claim) -> String {
        guard let snippet = Snippet(sentence: claim.sentence, quoteOffset: claim.start - claim.sentenceStart,
                                    quoteLength: claim.end - claim.start) else { return "" }
        let indent = snippet.marker.prefix { $0 == " " }
        let underline = snippet.marker.dropFirst(indent.count)
        return "    \(snippet.line)\n    \(indent)\(ansi.apply(.green, String(underline)))\n"
    }

    /// "2 errors, 1 warning in 3 files (1 suppressed)", "no findings in 1 file", with input errors,
    /// suppressed and baselined findings appended.
    func summary(_ report: CheckReport) -> String {
        var parts: [String] = []
        for severity in Severity.allCases.reversed() {
            let count = report.findings.filter { $0.severity == severity }.count
            guard count > 0 else { continue }
            let noun = severity == .info ? "info" : severity.rawValue
            parts.append(TextReporting.count(count, noun, plural: severity == .info ? "info" : noun + "s"))
        }
        var text = (parts.isEmpty ? "no findings" : parts.joined(separator: ", "))
            + " in " + TextReporting.count(report.fileCount, "file")
        // What was hidden is counted, so a quiet summary never hides a silenced finding.
        var hidden: [String] = []
        let inputErrors = report.diagnostics.filter { $0.severity == .error }.count
        if inputErrors > 0 { hidden.append(TextReporting.count(inputErrors, "input error")) }
        if report.suppressedCount > 0 { hidden.append("\(report.suppressedCount) suppressed") }
        if report.baselinedCount > 0 { hidden.append("\(report.baselinedCount) baselined") }
        if !hidden.isEmpty { text += " (" + hidden.joined(separator: ", ") + ")" }
        return ansi.apply(.bold, text)
    }
}

/// Diagnostics as the command prints them on stderr: `Diagnostic.description` with the
/// severity coloured when asked.
public enum DiagnosticText {
    public static func render(_ diagnostics: [Diagnostic], color: Bool = false) -> String {
        let ansi = ANSI(enabled: color)
        return diagnostics.map { diagnostic in
            var plain = diagnostic
            plain.message = TextEscaping.terminalSafe(diagnostic.message)
            var text = plain.description
            let label = "\(diagnostic.severity.diagnosticLabel):"
            if color, let range = text.firstRange(of: label) {
                text.replaceSubrange(range, with: ansi.diagnosticLabel(diagnostic.severity))
            }
            return text + "\n"
        }.joined()
    }
}

enum TextLocation {
    /// `file:line:col`.
    static func of(_ claim: Claim) -> String {
        "\(TextEscaping.terminalSafe(claim.file)):\(claim.line):\(claim.column)"
    }

    static func of(_ location: SourceLocation) -> String {
        "\(TextEscaping.terminalSafe(location.file)):\(location.line):\(location.column)"
    }
}

enum TextReporting {
    /// "1 file", "3 files".
    static func count(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }

    /// "crowd 8000 people according to police", "… (unsourced)", "… (anonymous: it was reported)".
    static func describe(_ claim: Claim) -> String {
        let base = TextEscaping.terminalSafe("\(claim.kind) \(claim.value.description) \(claim.unit)")
        guard let attribution = claim.attribution else { return base + " (unsourced)" }
        let text = TextEscaping.terminalSafe(attribution.text)
        switch attribution.kind {
        case .named: return base + " according to " + text
        case .anonymous: return base + " (anonymous: \(text))"
        }
    }
}
