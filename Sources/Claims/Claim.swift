/// Where a claim's context came from: its own sentence, or inherited from earlier text.
public struct ClaimContext: Equatable, Hashable, Sendable, Codable {
    public var place: String?
    /// ISO date, YYYY-MM-DD.
    public var date: String?
    /// The group or subject counted: "supporters", a candidate, "killed".
    public var group: String?
    /// Which of place/date were inherited from preceding sentences or the article date.
    public var inherited: [String]

    public init(place: String? = nil, date: String? = nil, group: String? = nil, inherited: [String] = []) {
        self.place = place
        self.date = date
        self.group = group
        self.inherited = inherited
    }
}

/// Who asserts a claim. Anonymous attributions ("estimates ranged", "it was reported")
/// are recorded but do not count as sourcing.
public struct Attribution: Equatable, Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable { case named, anonymous }
    public var kind: Kind
    /// "police", "election officials", or the anonymous phrase itself.
    public var text: String
    /// Id of the attribution rule that found it.
    public var rule: String
    /// Who speaks, for telling one voice from two: the extractor derives it with the lexicon
    /// (see `ContextNormalizer.voice`); by default the last word of the text, lower-cased.
    public var voice: String

    public init(kind: Kind, text: String, rule: String, voice: String? = nil) {
        self.kind = kind
        self.text = text
        self.rule = rule
        self.voice = kind == .anonymous ? "anonymous"
            : voice ?? text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).last.map(String.init) ?? ""
    }

    enum CodingKeys: String, CodingKey { case kind, text, rule }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try container.decode(Kind.self, forKey: .kind), text: try container.decode(String.self, forKey: .text),
                  rule: try container.decode(String.self, forKey: .rule))
    }
}

/// One numeric assertion found in a document.
public struct Claim: Equatable, Hashable, Sendable {
    public var kind: String
    public var rule: String
    public var quote: String
    public var file: String
    /// 1-based line and column (in characters) of the quote's start.
    public var line: Int
    public var column: Int
    /// Byte offsets of the quote in the file.
    public var start: Int
    public var end: Int
    /// The claim's sentence, or when that is longer than `Claim.maxSentenceBytes` a window
    /// of it around the quote (see `sentenceCut`).
    public var sentence: String
    /// Byte offset of `sentence`'s start in the file (the quote starts `start - sentenceStart` bytes in).
    public var sentenceStart: Int
    /// Whether `sentence` is a window cut from a longer sentence before and/or after it.
    public var sentenceCut: (before: Bool, after: Bool) {
        get { (cutBefore, cutAfter) }
        set { (cutBefore, cutAfter) = newValue }
    }
    private var cutBefore = false
    private var cutAfter = false
    /// Index of the sentence in its document, for "same or next sentence" logic.
    public var sentenceIndex: Int
    public var value: Interval
    public var unit: String
    public var context: ClaimContext
    public var attribution: Attribution?
    /// False for claims whose rule says they name no comparable quantity ("rose 5%"): the
    /// conflict checks leave them alone.
    public var comparable: Bool
    /// Paragraph of the claim in its document (0 is the lede, -1 a headline or unknown).
    public var paragraph: Int
    /// Byte range of the claim in the same file that this one corrects (a `revises` rule).
    public var revises: Range<Int>?
    /// The date is only the article's own (no day in the text): the figure may be from any
    /// of the days just before publication.
    public var articleDated: Bool

    public init(kind: String, rule: String, quote: String, file: String, line: Int, column: Int,
                start: Int, end: Int, sentence: String, sentenceStart: Int, sentenceIndex: Int, value: Interval,
                unit: String, context: ClaimContext, attribution: Attribution?, comparable: Bool = true,
                paragraph: Int = -1, revises: Range<Int>? = nil, articleDated: Bool = false) {
        self.kind = kind
        self.rule = rule
        self.quote = quote
        self.file = file
        self.line = line
        self.column = column
        self.start = start
        self.end = end
        self.sentence = sentence
        self.sentenceStart = sentenceStart
        self.sentenceIndex = sentenceIndex
        self.value = value
        self.unit = unit
        self.context = context
        self.attribution = attribution
        self.comparable = comparable
        self.paragraph = paragraph
        self.revises = revises
        self.articleDated = articleDated
    }

    /// Sentences up to this many bytes are kept whole; longer ones are cut to a window of
    /// `sentenceWindowBytes` either side of the quote, so a claim costs the same whatever the
    /// length of its sentence.
    public static let maxSentenceBytes = 1024
    public static let sentenceWindowBytes = 240

    /// The part of `sentence` (a byte range of `bytes`) a claim at `quote` keeps, moved out to
    /// whitespace or at least a character boundary, and whether it was cut at each end.
    public static func sentenceWindow(_ sentence: Range<Int>, quote: Range<Int>, in bytes: [UInt8])
        -> (range: Range<Int>, before: Bool, after: Bool) {
        guard sentence.count > maxSentenceBytes else { return (sentence, false, false) }
        let lowest = max(sentence.lowerBound, min(quote.lowerBound, sentence.upperBound) - sentenceWindowBytes)
        let highest = min(sentence.upperBound, max(quote.upperBound, sentence.lowerBound) + sentenceWindowBytes)
        var low = lowest
        // Start after a space within the first quarter of the window, if there is one.
        if low > sentence.lowerBound {
            var probe = low
            while probe < lowest + sentenceWindowBytes / 4, probe < quote.lowerBound, bytes[probe] != 0x20 { probe += 1 }
            if probe < bytes.count, bytes[probe] == 0x20, probe < quote.lowerBound { low = probe + 1 }
            while low < sentence.upperBound, bytes[low] & 0xC0 == 0x80 { low += 1 }
        }
        var high = highest
        if high < sentence.upperBound {
            var probe = high
            while probe > highest - sentenceWindowBytes / 4, probe > quote.upperBound, bytes[probe - 1] != 0x20 { probe -= 1 }
            if probe > quote.upperBound, bytes[probe - 1] == 0x20 { high = probe - 1 }
            while high > low, high < bytes.count, bytes[high] & 0xC0 == 0x80 { high -= 1 }
        }
        return (low..<max(low, high), low > sentence.lowerBound, high < sentence.upperBound)
    }

    /// The named source, if any; anonymous attributions are not sources.
    public var source: String? { attribution?.kind == .named ? attribution?.text : nil }
    public var sourced: Bool { source != nil }

    /// Who asserts the claim, for telling one voice from two: the attribution's voice
    /// ("the city electoral commission" and "the commission" are one voice), "anonymous" for
    /// an anonymous attribution, or "" for the writer's own figure.
    public var voice: String { attribution?.voice ?? "" }

    /// Same kind, unit, place, date and group, with names compared as the checker compares
    /// them (whitespace runs collapsed, case folded); `anyPlace` skips the place.
    public func describesSameQuantity(as other: Claim, anyPlace: Bool = false) -> Bool {
        func same(_ a: String?, _ b: String?) -> Bool { a.map(Claim.foldedName) == b.map(Claim.foldedName) }
        return kind == other.kind && unit == other.unit && (anyPlace || same(context.place, other.context.place))
            && same(context.date, other.context.date) && same(context.group, other.context.group)
    }

    public static func foldedName(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }
}
