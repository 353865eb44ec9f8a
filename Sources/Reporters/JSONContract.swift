import Checker
import Claims

/// The JSON shapes other tools may rely on. Field names and order are a contract: add new
/// fields at the end of an object, never rename or reorder, and bump `version` if you must.
public enum JSONContract {
    /// The `version` field of `json` reports.
    public static let version = 1

    /// `kind, rule, quote, file, line, column, start, end, sentence, value, unit, context,
    /// source, sourced, attribution`; unbounded interval ends and unknown context are `null`.
    public static func claim(_ claim: Claim) -> JSON {
        [
            "kind": .string(claim.kind),
            "rule": .string(claim.rule),
            "quote": .string(claim.quote),
            "file": .string(claim.file),
            "line": JSON(claim.line),
            "column": JSON(claim.column),
            "start": JSON(claim.start),
            "end": JSON(claim.end),
            // A window of a long sentence is marked "…" where it was cut.
            "sentence": .string((claim.sentenceCut.before ? "…" : "") + claim.sentence + (claim.sentenceCut.after ? "…" : "")),
            "value": interval(claim.value),
            "unit": .string(claim.unit),
            "context": context(claim.context),
            "source": JSON(claim.source),
            "sourced": JSON(claim.sourced),
            "attribution": claim.attribution.map(attribution) ?? .null,
        ]
    }

    /// `{low, high, lowInclusive, highInclusive, approx}`.
    public static func interval(_ interval: Interval) -> JSON {
        [
            "low": JSON(interval.low),
            "high": JSON(interval.high),
            "lowInclusive": JSON(interval.lowInclusive),
            "highInclusive": JSON(interval.highInclusive),
            "approx": JSON(interval.approx),
        ]
    }

    /// `{place, date, group, inherited}`.
    public static func context(_ context: ClaimContext) -> JSON {
        [
            "place": JSON(context.place),
            "date": JSON(context.date),
            "group": JSON(context.group),
            "inherited": .array(context.inherited.map(JSON.string)),
        ]
    }

    /// `{kind: "named"|"anonymous", text, rule}`.
    public static func attribution(_ attribution: Attribution) -> JSON {
        [
            "kind": .string(attribution.kind.rawValue),
            "text": .string(attribution.text),
            "rule": .string(attribution.rule),
        ]
    }

    /// `{severity, file, line, column, message}`; unknown positions are `null`. Detail lines
    /// (a pattern with a caret) are appended to the message, one per line.
    public static func diagnostic(_ diagnostic: Diagnostic) -> JSON {
        [
            "severity": .string(diagnostic.severity.rawValue),
            "file": JSON(diagnostic.file),
            "line": JSON(diagnostic.line),
            "column": JSON(diagnostic.column),
            "message": .string(([diagnostic.message] + diagnostic.detail).joined(separator: "\n")),
        ]
    }

    /// `{check, severity, message, fingerprint, claims}`.
    public static func finding(_ finding: Finding) -> JSON {
        [
            "check": .string(finding.check),
            "severity": .string(finding.severity.rawValue),
            "message": .string(finding.message),
            "fingerprint": .string(finding.fingerprint),
            "claims": .array(finding.claims.map(claim)),
        ]
    }
}
