import Claims

/// Claims are about "the same quantity" only when this key is equal.
///
/// Place, date and group compare after trimming and case folding; nil equals only nil.
/// A claim whose place and day (a full YYYY-MM-DD date) are both known may match claims in
/// other files (two articles about one march); otherwise it is compared only within its own
/// file, since a missing place, or a date as coarse as a year, is too unclear across articles.
struct ComparisonKey: Hashable, Comparable {
    var scope: String
    var kind: String
    var unit: String
    var place: String
    var date: String
    var group: String

    init(_ claim: Claim, includeGroup: Bool = true) {
        let c = claim.context
        scope = c.place != nil && c.date.flatMap(CalendarDate.init(iso:)) != nil ? "" : "file:" + claim.file
        kind = claim.kind
        unit = claim.unit
        place = ComparisonKey.normalize(c.place)
        date = ComparisonKey.normalize(c.date)
        group = includeGroup ? ComparisonKey.normalize(c.group) : ""
    }

    /// nil maps to a value no normalized text can take, so nil never equals a name.
    static func normalize(_ text: String?) -> String {
        guard let text else { return "\u{0}" }
        return Claim.foldedName(text)
    }

    static func < (a: ComparisonKey, b: ComparisonKey) -> Bool {
        (a.scope, a.kind, a.unit, a.place, a.date, a.group) < (b.scope, b.kind, b.unit, b.place, b.date, b.group)
    }
}

extension Claim {
    /// Document order across a run: file, then byte offset.
    static func positionOrder(_ a: Claim, _ b: Claim) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end < b.end }
        return (a.kind, a.rule, a.quote) < (b.kind, b.rule, b.quote)
    }

    /// Two matches over the same text in one file are one assertion, never a conflict.
    func overlapsText(of other: Claim) -> Bool {
        file == other.file && start < other.end && other.start < end
    }
}
