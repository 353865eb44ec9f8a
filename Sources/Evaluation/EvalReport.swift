/// Counts behind the claim figures, for one kind or all of them.
public struct ClaimScores: Equatable, Sendable {
    public var labelled = 0
    public var found = 0
    public var kindRight = 0
    public var valuesRight = 0
    /// Among the found ones.
    public var sourcedAgrees = 0
    /// Produced claims of the evaluated kinds, and those overlapping a labelled quote.
    public var produced = 0
    public var producedMatched = 0

    public init() {}

    static func fraction(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 1 : Double(part) / Double(whole) }
    public var foundRate: Double { Self.fraction(found, labelled) }
    public var kindRightRate: Double { Self.fraction(kindRight, labelled) }
    public var valuesRightRate: Double { Self.fraction(valuesRight, labelled) }
    public var precision: Double { Self.fraction(producedMatched, produced) }
    public var sourcedAgreesRate: Double { Self.fraction(sourcedAgrees, found) }

    static func + (a: ClaimScores, b: ClaimScores) -> ClaimScores {
        var sum = ClaimScores()
        sum.labelled = a.labelled + b.labelled
        sum.found = a.found + b.found
        sum.kindRight = a.kindRight + b.kindRight
        sum.valuesRight = a.valuesRight + b.valuesRight
        sum.sourcedAgrees = a.sourcedAgrees + b.sourcedAgrees
        sum.produced = a.produced + b.produced
        sum.producedMatched = a.producedMatched + b.producedMatched
        return sum
    }
}

/// Claim scores per evaluated kind.
public struct ClaimTable: Equatable, Sendable {
    public var byKind: [String: ClaimScores] = [:]
    public var overall: ClaimScores { byKind.values.reduce(ClaimScores(), +) }

    mutating func count(_ kind: String, _ update: (inout ClaimScores) -> Void) {
        update(&byKind[kind, default: ClaimScores()])
    }
}

public struct ConflictScores: Equatable, Sendable {
    public var labelled = 0
    public var caught = 0
    public var crossLabelled = 0
    public var crossCaught = 0
    /// conflict and share-sum findings touching an evaluated article.
    public var produced = 0
    public var falseAlarms = 0
    public init() {}
}

/// One thing `--details` lists: a miss, a wrong value or source, a claim no label expects,
/// a false alarm, a contradiction not caught.
public struct EvalDetail: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case missed, wrongKind = "wrong-kind", wrongValue = "wrong-value", wrongSource = "wrong-source"
        case unlabelledClaim = "unlabelled-claim", falseAlarm = "false-alarm"
        case missedConflict = "missed-conflict", missedCrossConflict = "missed-cross-conflict"
    }

    public var kind: Kind
    public var file: String
    public var line: Int?
    public var column: Int?
    public var quote: String
    public var expected: String
    public var produced: String

    public init(_ kind: Kind, file: String, position: (Int, Int)?, quote: String, expected: String, produced: String) {
        self.kind = kind
        self.file = file
        self.line = position?.0
        self.column = position?.1
        self.quote = quote
        self.expected = expected
        self.produced = produced
    }
}

/// Everything `eval` reports.
public struct EvalReport: Equatable, Sendable {
    public var claims = ClaimTable()
    public var conflicts = ConflictScores()
    public var details: [EvalDetail] = []
    public init() {}

    /// The figures `--min` and `--max` can name, with their values.
    public var figures: [(key: String, value: Double)] {
        let all = claims.overall
        return [
            ("found", all.foundRate), ("kind-right", all.kindRightRate), ("values-right", all.valuesRightRate),
            ("precision", all.precision), ("sourced-agrees", all.sourcedAgreesRate),
            ("caught", ClaimScores.fraction(conflicts.caught, conflicts.labelled)),
            ("cross-caught", ClaimScores.fraction(conflicts.crossCaught, conflicts.crossLabelled)),
            ("false-alarms", Double(conflicts.falseAlarms)),
        ]
    }

    public static var figureKeys: [String] { EvalReport().figures.map(\.key) }
}

extension EvalReport {
    /// The figures alone; `details` stays empty unless asked for.
    public var withoutDetails: EvalReport {
        var copy = self
        copy.details = []
        return copy
    }
}
