import PCRE2

/// What the extractor decided for one document, and why: for `claimcheck explain`.
///
/// Normal runs pass no trace. Every call site is `trace?.…`, so with none no argument is
/// evaluated and no text is built.
public final class ExtractionTrace {
    public enum SentenceStatus: String, Equatable, Sendable {
        /// The claim rules' sentence tests ran.
        case searched
        /// No digit, number word or vague quantity: claim rules were not tried.
        case noNumber = "no-number"
        /// Matches the lexicon's `skip-sentences`.
        case skipSentence = "skip-sentence"
    }

    /// Why a rule's pattern did not run on a sentence.
    public enum Skip: Equatable, Sendable {
        /// The rule's prefilter number `index` (0-based, of `count`) did not match.
        case prefilter(index: Int, count: Int)
        case requires
        case excludes
        /// None of the words every match of the pattern contains is in the sentence (`LiteralGate`).
        case words
    }

    /// Which claim won an overlap, and on what ground.
    public enum OverlapReason: Equatable, Sendable {
        case priority(winner: Int, loser: Int)
        /// Match lengths in bytes.
        case length(winner: Int, loser: Int)
        case earlier
    }

    /// Why a refers-back claim found nothing to refer to.
    public enum ReferentProblem: Equatable, Sendable {
        case noComparableClaim
        /// The nearest comparable claim is further back than the previous sentence.
        case tooFar(rule: String, quote: String, sentence: Int)
        case unitMismatch(rule: String, quote: String, unit: String, wanted: String)
    }

    /// What became of one match.
    public enum Outcome: Equatable, Sendable {
        /// Became the document's claim at this 0-based index.
        case claim(Int)
        case emptyMatch
        /// The `unit` capture names no unit of the lexicon.
        case unknownUnit(String)
        /// The captures gave no interval; the text says why.
        case noValue(String)
        /// Clamping to the rule's `bounds` left nothing ("more than 120%" of a vote).
        case emptyAfterClamp(Interval, low: Double?, high: Double?)
        case lostOverlap(winner: String, quote: String, start: Int, reason: OverlapReason)
        case noReferent(ReferentProblem)
        /// Passed every test so far; replaced before the trace is read.
        case pending
    }

    public struct Capture: Equatable, Sendable {
        public let name: String
        public let text: String
    }

    public struct MatchRecord: Equatable, Sendable {
        public let range: Range<Int>
        public let text: String
        /// Named groups that took part, in pattern order.
        public let captures: [Capture]
        public internal(set) var outcome: Outcome
    }

    public struct RuleRecord: Equatable, Sendable {
        public let rule: String
        public let kind: String
        public let refersBack: Bool
        /// nil when the sentence tests passed and the pattern ran.
        public internal(set) var skipped: Skip?
        public internal(set) var matches: [MatchRecord] = []
    }

    public struct SentenceRecord: Equatable, Sendable {
        public let index: Int
        public let range: Range<Int>
        public internal(set) var status: SentenceStatus
        /// Every claim rule in rule order, when `status` is `.searched`.
        public internal(set) var rules: [RuleRecord] = []
    }

    public struct Referent: Equatable, Sendable {
        public let rule: String
        /// Byte range of the referent's quote.
        public let range: Range<Int>
    }

    /// Where one claim's context came from.
    public struct ClaimRecord: Equatable, Sendable {
        public let claim: Int
        public let provenance: ContextProvenance
        /// For a refers-back claim, the claim it took its kind and unit from.
        public let referent: Referent?
    }

    public private(set) var sentences: [SentenceRecord] = []
    public private(set) var claims: [ClaimRecord] = []

    private struct MatchKey: Hashable {
        let rule: String
        let start: Int
        let end: Int
    }
    private var locations: [MatchKey: (sentence: Int, rule: Int, match: Int)] = [:]
    private var referents: [MatchKey: (referent: Referent, group: Bool)] = [:]

    /// The document traced last, for the text of quotes.
    private var document = Document(path: "", bytes: [])

    public init() {}

    // MARK: Recording, called by the extractor

    /// Starts over for `document`: a trace describes one extraction.
    func begin(_ document: Document) {
        self.document = document
        sentences = []
        claims = []
        locations = [:]
        referents = [:]
    }

    func sentence(_ index: Int, _ range: Range<Int>, _ status: SentenceStatus) {
        sentences.append(SentenceRecord(index: index, range: range, status: status))
    }

    func rule(_ rule: ClaimRule, skipped: Skip?) {
        guard !sentences.isEmpty else { return }
        sentences[sentences.count - 1].rules.append(RuleRecord(rule: rule.id, kind: rule.kind, refersBack: rule.refersBack,
                                                               skipped: skipped))
    }

    /// A match of the rule recorded last; its outcome follows with `outcome(_:)`.
    func matched(_ match: Match, regex: Regex) {
        guard let s = sentences.indices.last, let r = sentences[s].rules.indices.last else { return }
        let names = regex.groupNumbers.sorted { ($0.value.min() ?? 0) < ($1.value.min() ?? 0) }.map(\.key)
        let captures = names.compactMap { name in match.range(ofGroup: name).map { Capture(name: name, text: document.text($0)) } }
        let rule = sentences[s].rules[r]
        sentences[s].rules[r].matches.append(MatchRecord(range: match.range, text: document.text(match.range),
                                                         captures: captures, outcome: .pending))
        locations[MatchKey(rule: rule.rule, start: match.range.lowerBound, end: match.range.upperBound)] =
            (s, r, sentences[s].rules[r].matches.count - 1)
    }

    /// The fate of the match recorded last.
    func outcome(_ outcome: Outcome) {
        guard let s = sentences.indices.last, let r = sentences[s].rules.indices.last,
              let m = sentences[s].rules[r].matches.indices.last else { return }
        sentences[s].rules[r].matches[m].outcome = outcome
    }

    func lostOverlap(_ loser: Extractor.Candidate, to winner: Extractor.Candidate) {
        let reason: OverlapReason
        if winner.rule.priority != loser.rule.priority {
            reason = .priority(winner: winner.rule.priority, loser: loser.rule.priority)
        } else if winner.range.count != loser.range.count {
            reason = .length(winner: winner.range.count, loser: loser.range.count)
        } else {
            reason = .earlier
        }
        set(loser, .lostOverlap(winner: winner.rule.id, quote: document.text(winner.range), start: winner.range.lowerBound,
                                reason: reason))
    }

    func noReferent(_ candidate: Extractor.Candidate, nearest: (candidate: Extractor.Candidate, sentence: Int)?) {
        guard let nearest else { return set(candidate, .noReferent(.noComparableClaim)) }
        let other = nearest.candidate
        if !candidate.unit.isEmpty, candidate.unit != other.unit {
            set(candidate, .noReferent(.unitMismatch(rule: other.rule.id, quote: document.text(other.range),
                                                     unit: other.unit, wanted: candidate.unit)))
        } else {
            set(candidate, .noReferent(.tooFar(rule: other.rule.id, quote: document.text(other.range), sentence: nearest.sentence)))
        }
    }

    func referred(_ candidate: Extractor.Candidate, to referent: Extractor.Candidate, group: Bool) {
        referents[key(candidate)] = (Referent(rule: referent.rule.id, range: referent.range), group)
    }

    func claimed(_ candidate: Extractor.Candidate, index: Int, provenance: ContextProvenance) {
        set(candidate, .claim(index))
        var provenance = provenance
        let referent = referents[key(candidate)]
        // The group a refers-back claim copied looks captured to the attacher.
        if let referent, referent.group, case .captured = provenance.group { provenance.group = .referent(rule: referent.referent.rule) }
        claims.append(ClaimRecord(claim: index, provenance: provenance, referent: referent?.referent))
    }

    private func key(_ candidate: Extractor.Candidate) -> MatchKey {
        MatchKey(rule: candidate.rule.id, start: candidate.range.lowerBound, end: candidate.range.upperBound)
    }

    private func set(_ candidate: Extractor.Candidate, _ outcome: Outcome) {
        guard let (s, r, m) = locations[key(candidate)] else { return }
        sentences[s].rules[r].matches[m].outcome = outcome
    }
}

/// Where each part of a claim's context came from.
public struct ContextProvenance: Equatable, Sendable {
    public enum Origin: Equatable, Sendable {
        case none
        /// The claim pattern's own named group, as written.
        case captured(String)
        /// The rule's `set:` constant.
        case constant(String)
        /// A context rule's mention in the claim's own sentence.
        case mention(rule: String, text: String)
        /// The last mention in an earlier sentence (0-based) of the paragraph, or of the lede.
        case inherited(rule: String, text: String, sentence: Int, fromLede: Bool)
        /// A reference ("the attackers") to the story's event: the last `event` mention (rule and
        /// text) before it in its section, in sentence (0-based).
        case event(reference: String, rule: String, text: String, sentence: Int)
        case articleDate
        /// A named source of the sentence (0-based) that the claim's sentence continues.
        case continued(rule: String, text: String, sentence: Int)
        /// The group of the claim a refers-back claim points to.
        case referent(rule: String)
    }

    public var place: Origin = .none
    public var date: Origin = .none
    public var group: Origin = .none
    public var source: Origin = .none
    /// The rule's constant group ("killed") that the group above narrows.
    public var category: String?

    public init() {}
}

extension Extractor {
    /// Why `interval(value:low:high:qualifier:)` gave nothing, in words (explain only).
    func noIntervalReason(value: String?, low: String?, high: String?) -> String {
        let numbers = NumberParser(lexicon: rules.lexicon)
        if let low, let high, numbers.parse(low) != nil, numbers.parse(high) != nil {
            return "the range \"\(low)\" to \"\(high)\" runs backwards"
        }
        if let value { return "value \"\(value)\" is not a number the lexicon knows" }
        for case let (name, text?) in [("low", low), ("high", high)] where numbers.parse(text) == nil {
            return "\(name) \"\(text)\" is not a number the lexicon knows"
        }
        return "no value capture (a claim needs value, or both low and high)"
    }
}
