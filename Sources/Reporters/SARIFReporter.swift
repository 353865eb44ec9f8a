import Checker
import Claims

/// `check --format sarif`: one SARIF 2.1.0 run for code-scanning UIs. Rules come from
/// `ReportOptions.checks` (plus a minimal rule for any check id found but not described);
/// `partialFingerprints["claimcheck/v1"]` is the finding's position-independent fingerprint.
public struct SARIFReporter: Reporter {
    public typealias Input = CheckReport

    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    public static let fingerprintKey = "claimcheck/v1"
    static let rootBase = "%SRCROOT%"

    let options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func render(_ report: CheckReport) -> String {
        document(report).serialized(pretty: true) + "\n"
    }

    func document(_ report: CheckReport) -> JSON {
        let rules = SARIFReporter.rules(options.checks, findings: report.findings)
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var run: [JSON.Member] = [
            JSON.Member("tool", ["driver": driver(rules)]),
            JSON.Member("invocations", [invocation(report.diagnostics)]),
        ]
        if let root = options.sourceRoot {
            run.append(JSON.Member("originalUriBaseIds", [
                SARIFReporter.rootBase: ["uri": .string(ArtifactPath.directoryURI(root))],
            ]))
        } else {
            run.append(JSON.Member("originalUriBaseIds", [
                SARIFReporter.rootBase: ["description": ["text": "The directory claimcheck ran in."]],
            ]))
        }
        run.append(JSON.Member("columnKind", "unicodeCodePoints"))
        run.append(JSON.Member("results", .array(report.findings.map { result($0, ruleIndex: ruleIndex[$0.check] ?? 0) })))
        return [
            "$schema": .string(SARIFReporter.schemaURI),
            "version": "2.1.0",
            "runs": [.object(run)],
        ]
    }

    /// The described checks in order, then any undescribed check id in order of appearance.
    static func rules(_ checks: [CheckDescriptor], findings: [Finding]) -> [CheckDescriptor] {
        var rules = checks
        var known = Set(checks.map(\.id))
        for finding in findings where !known.contains(finding.check) {
            known.insert(finding.check)
            rules.append(CheckDescriptor(id: finding.check, name: finding.check, summary: finding.check,
                                         description: finding.check, defaultSeverity: finding.severity))
        }
        return rules
    }

    private func driver(_ rules: [CheckDescriptor]) -> JSON {
        var members = [JSON.Member("name", "claimcheck")]
        if let uri = options.informationURI { members.append(JSON.Member("informationUri", .string(uri))) }
        members.append(JSON.Member("version", .string(options.toolVersion)))
        members.append(JSON.Member("rules", .array(rules.map(rule))))
        return .object(members)
    }

    private func rule(_ check: CheckDescriptor) -> JSON {
        var members: [JSON.Member] = [
            JSON.Member("id", .string(check.id)),
            JSON.Member("name", .string(check.name)),
            JSON.Member("shortDescription", ["text": .string(check.summary)]),
            JSON.Member("fullDescription", ["text": .string(check.description)]),
            JSON.Member("defaultConfiguration", ["level": .string(SARIFReporter.level(check.defaultSeverity))]),
            JSON.Member("help", ["text": .string(check.help)]),
        ]
        if let readme = options.documentationURI { members.append(JSON.Member("helpUri", .string(readme + "#" + check.helpAnchor))) }
        return .object(members)
    }

    private func invocation(_ diagnostics: [Diagnostic]) -> JSON {
        var members: [JSON.Member] = []
        if let code = options.exitCode { members.append(JSON.Member("exitCode", JSON(Int(code)))) }
        members.append(JSON.Member("executionSuccessful", JSON(!diagnostics.contains { $0.severity == .error })))
        members.append(JSON.Member("toolExecutionNotifications", .array(diagnostics.map(notification))))
        return .object(members)
    }

    private func notification(_ diagnostic: Diagnostic) -> JSON {
        var members: [JSON.Member] = [
            JSON.Member("level", .string(SARIFReporter.level(diagnostic.severity))),
            JSON.Member("message", ["text": .string(([diagnostic.message] + diagnostic.detail).joined(separator: "\n"))]),
        ]
        if let file = diagnostic.file {
            var physical = [JSON.Member("artifactLocation", artifactLocation(file))]
            if let line = diagnostic.line, line >= 1 {
                var region = [JSON.Member("startLine", JSON(line))]
                if let column = diagnostic.column, column >= 1 { region.append(JSON.Member("startColumn", JSON(column))) }
                physical.append(JSON.Member("region", .object(region)))
            }
            members.append(JSON.Member("locations", [["physicalLocation": .object(physical)]]))
        }
        return .object(members)
    }

    private func result(_ finding: Finding, ruleIndex: Int) -> JSON {
        var members: [JSON.Member] = [
            JSON.Member("ruleId", .string(finding.check)),
            JSON.Member("ruleIndex", JSON(ruleIndex)),
            JSON.Member("level", .string(SARIFReporter.level(finding.severity))),
            JSON.Member("message", ["text": .string(finding.message)]),
        ]
        if let primary = finding.claims.first {
            members.append(JSON.Member("locations", [["physicalLocation": physicalLocation(primary)]]))
        } else if let location = finding.primaryLocation {
            members.append(JSON.Member("locations", [["physicalLocation": physicalLocation(location)]]))
        }
        let others = finding.claims.dropFirst()
        if !others.isEmpty {
            members.append(JSON.Member("relatedLocations", .array(others.enumerated().map { index, claim in
                [
                    "id": JSON(index + 1),
                    "physicalLocation": physicalLocation(claim),
                    "message": ["text": .string(TextReporting.describe(claim) + ": \"" + claim.quote + "\"")],
                ]
            })))
        }
        members.append(JSON.Member("partialFingerprints", [SARIFReporter.fingerprintKey: .string(finding.fingerprint)]))
        return .object(members)
    }

    private func physicalLocation(_ claim: Claim) -> JSON {
        let end = SARIFReporter.endPosition(line: claim.line, column: claim.column, quote: claim.quote)
        return [
            "artifactLocation": artifactLocation(claim.file),
            "region": [
                "startLine": JSON(max(claim.line, 1)),
                "startColumn": JSON(max(claim.column, 1)),
                "endLine": JSON(max(end.line, 1)),
                "endColumn": JSON(max(end.column, 1)),
                "snippet": ["text": .string(claim.quote)],
            ],
        ]
    }

    private func physicalLocation(_ location: SourceLocation) -> JSON {
        var region = [JSON.Member("startLine", JSON(max(location.line, 1)))]
        if location.column >= 1 { region.append(JSON.Member("startColumn", JSON(location.column))) }
        return ["artifactLocation": artifactLocation(location.file), "region": .object(region)]
    }

    private func artifactLocation(_ file: String) -> JSON {
        let path = ArtifactPath(file, root: options.sourceRoot)
        guard path.isRelative else { return ["uri": .string(path.uri)] }
        return ["uri": .string(path.uri), "uriBaseId": .string(SARIFReporter.rootBase)]
    }

    /// The line and (exclusive, code-point) column just past `quote`, which starts at
    /// `line:column`; a quote spanning lines ends on a later line.
    static func endPosition(line: Int, column: Int, quote: String) -> (line: Int, column: Int) {
        var endLine = line
        var endColumn = column
        for scalar in quote.unicodeScalars {
            if scalar == "\n" {
                endLine += 1
                endColumn = 1
            } else if scalar != "\r" {
                endColumn += 1
            }
        }
        return (endLine, endColumn)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

}
