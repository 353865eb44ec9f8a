import Checker
import Reporters
import Claims

/// Hand-built claims and findings with known byte offsets.
enum Samples {
    /// "date 2021-03-08\n" (16 bytes), then the sentence on line 2.
    static let organisers = Claim(
        kind: "crowd", rule: "crowd.plain", quote: "40,000 people", file: "articles/valmont.txt",
        line: 2, column: 17, start: 32, end: 45,
        sentence: "Organisers said 40,000 people joined the march in Valmont on Saturday.",
        sentenceStart: 16, sentenceIndex: 0, value: .point(40000), unit: "people",
        context: ClaimContext(place: "Valmont", date: "2021-03-06"),
        attribution: Attribution(kind: .named, text: "organisers", rule: "source.said"))

    /// Line 3 starts at byte 87.
    static let police = Claim(
        kind: "crowd", rule: "crowd.figure", quote: "8,000", file: "articles/valmont.txt",
        line: 3, column: 26, start: 112, end: 117,
        sentence: "Police put the figure at 8,000.",
        sentenceStart: 87, sentenceIndex: 1, value: .point(8000), unit: "people",
        context: ClaimContext(place: "Valmont", date: "2021-03-06", inherited: ["place", "date"]),
        attribution: Attribution(kind: .named, text: "police", rule: "source.put"))

    /// Multibyte characters before the quote: 27 characters, 31 bytes.
    static let zurich = Claim(
        kind: "crowd", rule: "crowd.lower-bound", quote: "more than 500 people", file: "./news/zürich report.md",
        line: 1, column: 28, start: 31, end: 51,
        sentence: "Café-goers in Zürich said “more than 500 people” came.",
        sentenceStart: 0, sentenceIndex: 0, value: Interval(low: 500, high: nil, lowInclusive: false),
        unit: "people", context: ClaimContext(place: "Zürich", group: "café goers"),
        attribution: Attribution(kind: .anonymous, text: "estimates ranged", rule: "source.anonymous"))

    static let convoy = Claim(
        kind: "distance", rule: "distance.miles", quote: "15 miles", file: "b.txt",
        line: 5, column: 1, start: 90, end: 98,
        sentence: "Witnesses said it was about\n15 miles away.",
        sentenceStart: 62, sentenceIndex: 2, value: .point(24140.16, approx: true), unit: "m",
        context: ClaimContext(), attribution: nil)

    static let conflict = Finding(
        check: "conflict", severity: .error,
        message: "40000 and 8000 do not overlap; both are the crowd in Valmont on 2021-03-06",
        claims: [organisers, police], fingerprint: "conflict:8f3a1c")

    static let unsourced = Finding(
        check: "unsourced", severity: .warning,
        message: "crowd (500, ∞) people has only an anonymous attribution (\"estimates ranged\")",
        claims: [zurich], fingerprint: "unsourced:77aa01")

    static let checks = [
        CheckDescriptor(id: "conflict", name: "ConflictingRanges",
                        summary: "Two claims about the same thing cannot both be true.",
                        description: "Two claims of the same kind and context have disjoint intervals.",
                        defaultSeverity: .error),
        CheckDescriptor(id: "share-sum", name: "SharesExceedWhole",
                        summary: "Shares of one whole add up to more than 100%.",
                        description: "Lower bounds of vote shares in one election sum past 100%.",
                        defaultSeverity: .error, help: "Check each figure against the source.",
                        helpAnchor: "share-sum"),
        CheckDescriptor(id: "unsourced", name: "UnsourcedClaim",
                        summary: "A figure nobody is said to assert.",
                        description: "The claim's sentence names no source.",
                        defaultSeverity: .warning),
    ]

    static let report = CheckReport(
        findings: [conflict, unsourced], claims: [organisers, police, zurich, convoy],
        diagnostics: [Diagnostic(.error, file: "missing.txt", "cannot read file: no such file or directory")],
        fileCount: 4)
}

extension Samples {
    /// A finding with no claim, only a place (an unused suppression comment).
    static let unusedSuppression = Finding(
        check: "unused-suppression", severity: .info,
        message: "this claimcheck-disable-next-line comment silenced nothing",
        claims: [], fingerprint: "unused:01", location: SourceLocation(file: "articles/valmont.txt", line: 7, column: 1))
}
