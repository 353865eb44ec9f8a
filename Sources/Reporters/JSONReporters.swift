import Checker
import Claims

/// `extract --format json`: one pretty document `{version, claims, errors}`.
public struct ExtractJSONReporter: Reporter {
    public typealias Input = ExtractReport

    public init() {}

    public func render(_ report: ExtractReport) -> String {
        let document: JSON = [
            "version": JSON(JSONContract.version),
            "claims": .array(report.claims.map(JSONContract.claim)),
            "errors": .array(report.diagnostics.map(JSONContract.diagnostic)),
        ]
        return document.serialized(pretty: true) + "\n"
    }
}

/// `extract --format jsonl`: one compact claim object per line; diagnostics are left to the
/// command. Streaming callers can print `JSONContract.claim(c).serialized()` per claim.
public struct ExtractJSONLinesReporter: Reporter {
    public var isStreaming: Bool { true }
    public typealias Input = ExtractReport

    public init() {}

    public func render(_ report: ExtractReport) -> String {
        report.claims.map { JSONContract.claim($0).serialized() + "\n" }.joined()
    }
}

/// `check --format json`: `{version, findings, claims, errors}`.
public struct CheckJSONReporter: Reporter {
    public typealias Input = CheckReport

    public init() {}

    public func render(_ report: CheckReport) -> String {
        let document: JSON = [
            "version": JSON(JSONContract.version),
            "findings": .array(report.findings.map(JSONContract.finding)),
            "claims": .array(report.claims.map(JSONContract.claim)),
            "errors": .array(report.diagnostics.map(JSONContract.diagnostic)),
        ]
        return document.serialized(pretty: true) + "\n"
    }
}

/// `check --format jsonl`: one compact finding object per line.
public struct CheckJSONLinesReporter: Reporter {
    public typealias Input = CheckReport

    public init() {}

    public func render(_ report: CheckReport) -> String {
        report.findings.map { JSONContract.finding($0).serialized() + "\n" }.joined()
    }
}
