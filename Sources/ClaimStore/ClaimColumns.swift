import Claims

/// A backend-neutral column value.
public enum Cell: Equatable, Sendable {
    case null
    case int(Int)
    case real(Double)
    case text(String)

    var int: Int? { if case .int(let value) = self { return value }; return nil }
    var real: Double? {
        switch self {
        case .real(let value): return value
        case .int(let value): return Double(value)
        default: return nil
        }
    }
    var text: String? { if case .text(let value) = self { return value }; return nil }
    var bool: Bool { int.map { $0 != 0 } ?? false }
}

/// The claims table's columns, in one place for every backend: a claim's fields as
/// `extract --format json` reports them, plus normalized keys for lookups.
public enum ClaimColumns {
    /// Column names after `article_id`, in the order `cells(for:)` returns them.
    public static let names = [
        "kind", "rule", "quote", "line", "col", "start_byte", "end_byte", "sentence", "sentence_start",
        "sentence_index", "cut_before", "cut_after", "low", "high", "low_inclusive", "high_inclusive",
        "approx", "vague", "unit", "place", "date", "grp", "inherited", "place_key", "group_key",
        "attribution_kind", "attribution_text", "attribution_rule", "voice", "source_key",
        "comparable", "paragraph", "revises_start", "revises_end", "article_dated",
    ]

    public static func cells(for claim: Claim) -> [Cell] {
        let c = claim.context
        let a = claim.attribution
        return [
            .text(claim.kind), .text(claim.rule), .text(claim.quote), .int(claim.line), .int(claim.column),
            .int(claim.start), .int(claim.end), .text(claim.sentence), .int(claim.sentenceStart),
            .int(claim.sentenceIndex), flag(claim.sentenceCut.before), flag(claim.sentenceCut.after),
            real(claim.value.low), real(claim.value.high), flag(claim.value.lowInclusive),
            flag(claim.value.highInclusive), flag(claim.value.approx), flag(claim.value.vague),
            .text(claim.unit), text(c.place), text(c.date), text(c.group), .text(c.inherited.joined(separator: ",")),
            text(c.place.map(StoreKey.normalize)), text(c.group.map(StoreKey.normalize)),
            text(a?.kind.rawValue), text(a?.text), text(a?.rule), text(a?.voice),
            text(a.map { StoreKey.normalize($0.text) }),
            flag(claim.comparable), .int(claim.paragraph), claim.revises.map { .int($0.lowerBound) } ?? .null,
            claim.revises.map { .int($0.upperBound) } ?? .null, flag(claim.articleDated),
        ]
    }

    /// The claim from cells in `names` order; `file` becomes its article's path.
    public static func claim(from cells: [Cell], file: String) -> Claim? {
        guard cells.count == names.count, let kind = cells[0].text, let rule = cells[1].text,
              let quote = cells[2].text, let line = cells[3].int, let column = cells[4].int,
              let start = cells[5].int, let end = cells[6].int, let sentence = cells[7].text,
              let sentenceStart = cells[8].int, let sentenceIndex = cells[9].int, let unit = cells[18].text
        else { return nil }
        var value = Interval(low: cells[12].real, high: cells[13].real, lowInclusive: cells[14].bool,
                             highInclusive: cells[15].bool, approx: cells[16].bool)
        value.vague = cells[17].bool
        let inherited = cells[22].text.map { $0.split(separator: ",").map(String.init) } ?? []
        let context = ClaimContext(place: cells[19].text, date: cells[20].text, group: cells[21].text, inherited: inherited)
        var attribution: Attribution?
        if let kindText = cells[25].text, let kind = Attribution.Kind(rawValue: kindText),
           let text = cells[26].text, let ruleID = cells[27].text {
            attribution = Attribution(kind: kind, text: text, rule: ruleID, voice: cells[28].text)
        }
        let revises: Range<Int>? = cells[32].int.flatMap { low in cells[33].int.map { low..<max(low, $0) } }
        var claim = Claim(kind: kind, rule: rule, quote: quote, file: file, line: line, column: column,
                          start: start, end: end, sentence: sentence, sentenceStart: sentenceStart,
                          sentenceIndex: sentenceIndex, value: value, unit: unit, context: context,
                          attribution: attribution, comparable: cells[30].bool, paragraph: cells[31].int ?? -1,
                          revises: revises, articleDated: cells[34].bool)
        claim.sentenceCut = (cells[10].bool, cells[11].bool)
        return claim
    }

    private static func flag(_ value: Bool) -> Cell { .int(value ? 1 : 0) }
    private static func real(_ value: Double?) -> Cell { value.map { .real($0) } ?? .null }
    private static func text(_ value: String?) -> Cell { value.map { .text($0) } ?? .null }
}

/// Text as the checker's comparison key compares it: whitespace runs collapsed, case folded.
/// (Kept equal to `ComparisonKey.normalize`, so a lookup finds every claim the checker would pair.)
public enum StoreKey {
    public static func normalize(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }
}
