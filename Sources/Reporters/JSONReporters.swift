import Checker
import Claims

/// `extract --format json`: one pretty document `{version, claims, errors}`.
public struct ExtractJSONReporter: PieceWritingReporter {
    public typealias Input = ExtractReport

    public init() {}

    public func write(_ report: ExtractReport, to sink: (String) -> Void) {
        JSON.writeObject(pretty: true, [
            ("version", .value(JSON(JSONContract.version))),
            ("claims", .elements(count: report.claims.count) { JSONContract.claim(report.claims[$0]) }),
            ("errors", .elements(count: report.diagnostics.count) { JSONContract.diagnostic(report.diagnostics[$0]) }),
        ], to: sink)
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
public struct CheckJSONReporter: PieceWritingReporter {
    public typealias Input = CheckReport

    public init() {}

    public func write(_ report: CheckReport, to sink: (String) -> Void) {
        JSON.writeObject(pretty: true, [
            ("version", .value(JSON(JSONContract.version))),
            ("findings", .elements(count: report.findings.count) { JSONContract.finding(report.findings[$0]) }),
            ("claims", .elements(count: report.claims.count) { JSONContract.claim(report.claims[$0]) }),
            ("errors", .elements(count: report.diagnostics.count) { JSONContract.diagnostic(report.diagnostics[$0]) }),
        ], to: sink)
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
