import Claims

/// Two claims about the same quantity whose intervals, widened by the tolerance when
/// approximate, share no value. A figure is set against another voice's as it asserts it
/// (`Interval.againstRivals`: "as many as 60,000" is at least half that).
///
/// To keep N claims from producing N² findings, each claim is reported at most once per
/// voice it contradicts: against the first earlier claim (in byte order) of each such voice
/// in its own article, and against the first conflicting claim in another article.
///
/// Within one article, two figures from the same voice (the same source, or both the
/// writer's own) are taken to be different quantities: an article that says "40,000
/// marched" and later "1,500 gathered at the bridge" is describing two things, while
/// "organisers said 40,000; police said 8,000" is the contradiction worth flagging. Across
/// articles any two voices may conflict. A claim from a `revises` rule ("later revised the
/// count to 25") is compared with the figure it corrects even in one voice, and differing at
/// all is enough.
public struct ConflictCheck: Check {
    public static let descriptor = CheckDescriptor(
        id: "conflict", name: "ConflictingRanges",
        summary: "Two claims about the same quantity whose ranges cannot both hold.",
        description: "Two claims of the same kind and unit about the same quantity, from different voices, whose intervals do not overlap after widening approximate ones by the tolerance (default 10%; three quarters of it each when both are approximate), so at most one of them is true, or a part (a narrowed group: \"Kurdish fighters\" of \"fighters\", \"soldiers\" of the killed) larger than every whole its article gives; an open end counts as closed (\"over 100,000\" and \"100,000\" agree), and a vague quantity (\"hundreds\") is compared only with other vague quantities.",
        defaultSeverity: .error,
        help: "Check both figures against their sources, or say whose estimate each one is. If they describe different things, give them different places, dates or groups in the text; silence a known case with <!-- claimcheck-disable-next-line conflict -->.")

    /// Rules whose claims' key pins down one quantity (`one-quantity` in the rule files): two
    /// figures of theirs from one voice in one article conflict too ("Kishoreganj, about 90
    /// kilometers north of Dhaka" in a caption, "Kishoreganj, about 68 miles northeast of Dhaka"
    /// in the text).
    public var oneQuantityRules: Set<String>

    public init(oneQuantityRules: Set<String> = []) {
        self.oneQuantityRules = oneQuantityRules
    }

    /// Beyond this many findings in one comparison key, only the most extreme are listed,
    /// with one more finding that counts the rest: thousands of articles repeating rival
    /// figures would otherwise bury the report.
    public var maxFindingsPerKey = 200

    public func run(_ claims: [Claim], options: CheckOptions) -> [Finding] {
        // A claim whose rule names no quantity ("rose 5%") is listed, never compared.
        let revisions = Self.revisions(claims)
        let replaced = Set(revisions.flatMap(\.targets))
        let groups = Dictionary(grouping: claims.filter(\.comparable), by: { ComparisonKey($0) })
            .mapValues { KeyGroup($0.sorted(by: Claim.positionOrder), tolerance: options.tolerance, replaced: replaced) }
        var findings: [Finding] = []
        var reported = Set<Claim>()
        var rivals: [Claim: [Claim]] = [:]
        for key in groups.keys.sorted() {
            let group = groups[key]!
            var pairs = group.conflictingPairs(self)
            for pair in pairs where group.claims[pair.earlier].file == group.claims[pair.later].file {
                rivals[group.claims[pair.earlier], default: []].append(group.claims[pair.later])
                rivals[group.claims[pair.later], default: []].append(group.claims[pair.earlier])
            }
            pairs.removeAll { pair in
                let (a, b) = (group.claims[pair.earlier], group.claims[pair.later])
                return a.file != b.file && repeats(a, b, rivals: rivals, tolerance: options.tolerance)
            }
            for pair in pairs { reported.insert(group.claims[pair.later]) }
            findings += capped(pairs, in: group, options: options)
        }
        findings += acrossDays(groups, reported: reported, rivals: rivals, options: options)
        findings += unsweptRevisions(revisions, options: options, known: Set(findings.map(\.fingerprint)))
        findings += PartExceedsWhole(tolerance: options.tolerance).pairs(claims).map { partFinding(whole: $0.whole, part: $0.part, options: options) }
        return findings
    }

    /// "29 people (kurdish fighters (killed)) are more than 2 people (killed), of which they are part".
    func partFinding(whole: Claim, part: Claim, options: CheckOptions) -> Finding {
        func shown(_ claim: Claim) -> String {
            var copy = claim
            copy.value = claim.value.againstRivals
            return MessageText.value(copy, tolerance: options.tolerance) + MessageText.group(claim.context)
        }
        var shared = part.context
        shared.group = nil
        let message = "\(shown(part)) are more than \(shown(whole)), of which they are part; both are the "
            + MessageText.kind(part.kind) + MessageText.context(shared)
        return Finding(check: Self.id, severity: defaultSeverity, message: message, claims: [whole, part],
                       fingerprint: Fingerprint.make(check: Self.id, claims: [whole, part], root: options.root))
    }

    /// Each comparable claim that revises another (a revision rule, a correction, a superseded
    /// sentence), in position order, with the comparable claims of its file at the range it
    /// names. The targets are figures their own article replaces: still compared there, but
    /// no longer another article's rival ("earlier reports of 1,000 trapped" against another
    /// paper's 150).
    static func revisions(_ claims: [Claim]) -> [(reviser: Claim, targets: [Claim])] {
        let revising = claims.filter { $0.comparable && $0.revises != nil }.sorted(by: Claim.positionOrder)
        guard !revising.isEmpty else { return [] }
        let files = Set(revising.map(\.file))
        var byRange: [String: [Range<Int>: [Claim]]] = [:]
        for claim in claims.sorted(by: Claim.positionOrder) where claim.comparable && files.contains(claim.file) {
            byRange[claim.file, default: [:]][claim.start..<claim.end, default: []].append(claim)
        }
        return revising.map { ($0, byRange[$0.file]?[$0.revises!] ?? []) }
    }

    /// The figures their own article replaces (the targets of `revisions`).
    static func replaced(_ claims: [Claim]) -> Set<Claim> {
        Set(revisions(claims).flatMap(\.targets))
    }

    /// Days before publication that a claim dated only by its article may be about.
    static let articleDateWindow = 3

    /// Conflicting figures of other articles looked at per claim, for one finding per voice
    /// among them: enough for rival counts, bounded when thousands repeat one figure.
    static let otherArticleHits = 16

    /// A figure with no day in its article's text ("organisers say 100,000 gathered" in
    /// Tuesday's paper) may be about the march another article dates to Saturday: across
    /// articles it also meets claims whose text gives a day up to `articleDateWindow` days
    /// before its article's date. Two undated figures still need the same day: an undated
    /// "300 killed" on Monday and "500 killed" on Wednesday are a toll that rose. Each undated
    /// figure is reported once per voice it contradicts, and not when an article already sets
    /// the same voice's figure against the same claim (`repeats`).
    private func acrossDays(_ groups: [ComparisonKey: KeyGroup], reported: Set<Claim>, rivals: [Claim: [Claim]],
                            options: CheckOptions) -> [Finding] {
        var findings: [Finding] = []
        for key in groups.keys.sorted() where key.scope.isEmpty {
            let group = groups[key]!
            var pairs: [(earlier: Claim, later: Claim)] = []
            for (index, later) in group.claims.enumerated() where later.articleDated && !group.replaced[index] && !reported.contains(later) {
                guard let day = later.context.date.flatMap(CalendarDate.init(iso:)) else { continue }
                var voices = Set<String>()
                for back in 1...Self.articleDateWindow {
                    var other = key
                    other.date = ComparisonKey.normalize(day.adding(days: -back).description)
                    for earlier in groups[other]?.datedConflicts(with: later, tolerance: options.tolerance, check: self, voices: &voices) ?? []
                    where !repeats(earlier, later, rivals: rivals, tolerance: options.tolerance) {
                        pairs.append((earlier, later))
                    }
                }
            }
            findings += pairs.map { finding($0.earlier, $0.later, options: options) }
        }
        return findings
    }

    /// Whether a pair across articles is one that an article already reports: its own claim's
    /// rival (`rivals`, pairs within one article) gives the other article's figure in the same
    /// voice (one story's own "7 killed" against the group's "15 killed"; a second story's own
    /// "7 killed" adds nothing against that 15, while the police's figure in another paper would).
    func repeats(_ a: Claim, _ b: Claim, rivals: [Claim: [Claim]], tolerance: Double) -> Bool {
        func repeated(_ own: Claim, _ other: Claim) -> Bool {
            rivals[own]?.contains { $0.voice == other.voice && !conflicts($0, other, tolerance: tolerance) } ?? false
        }
        return repeated(a, b) || repeated(b, a)
    }

    /// Revisions the key sweep does not pair: a correction of a figure with another key ("four
    /// victims in total, not five" after "five people were stabbed") or of one later in the text
    /// (the figure of a superseded sentence: "The figures differed from ones issued earlier").
    /// A vague figure is still compared only with a vague one, and a pair the sweep already
    /// reported as rival figures (`known` fingerprints) is not reported again.
    private func unsweptRevisions(_ revisions: [(reviser: Claim, targets: [Claim])], options: CheckOptions,
                                  known: Set<String>) -> [Finding] {
        var findings: [Finding] = []
        var seen = known
        for (later, targets) in revisions {
            for earlier in targets {
                guard earlier.kind == later.kind, earlier.unit == later.unit, earlier.value.vague == later.value.vague,
                      !earlier.overlapsText(of: later) else { continue }
                if Claim.positionOrder(earlier, later), ComparisonKey(earlier) == ComparisonKey(later) { continue }
                guard differs(earlier, later, tolerance: options.tolerance) else { continue }
                let made = finding(earlier, later, options: options)
                if seen.insert(made.fingerprint).inserted { findings.append(made) }
            }
        }
        return findings
    }

    /// The findings of one key's pairs, in order; past `maxFindingsPerKey`, the widest gaps
    /// and a count of the rest.
    private func capped(_ pairs: [KeyGroup.Pair], in group: KeyGroup, options: CheckOptions) -> [Finding] {
        let make = { (pair: KeyGroup.Pair) in finding(group.claims[pair.earlier], group.claims[pair.later], options: options) }
        guard pairs.count > maxFindingsPerKey, maxFindingsPerKey > 0 else { return pairs.map(make) }
        let ranked = pairs.indices.sorted { a, b in
            let (ga, gb) = (group.gap(pairs[a]), group.gap(pairs[b]))
            return ga != gb ? ga > gb : a < b
        }
        let kept = ranked.prefix(maxFindingsPerKey).sorted()
        var findings = kept.map { make(pairs[$0]) }
        let widest = pairs[ranked[0]]
        let (a, b) = (group.claims[widest.earlier], group.claims[widest.later])
        let rest = pairs.count - kept.count
        let message = "\(rest) more conflicting pair\(rest == 1 ? "" : "s") not listed (\(pairs.count) in all, the \(kept.count) widest shown); "
            + "the widest: \(MessageText.value(a, tolerance: options.tolerance)) and \(MessageText.value(b, tolerance: options.tolerance)); both are the "
            + MessageText.kind(a.kind) + MessageText.context(a.context)
        findings.append(Finding(check: Self.id, severity: defaultSeverity, message: message, claims: [a, b],
                                fingerprint: Fingerprint.make([Self.id, "more"] + [a, b].map { Fingerprint.describe($0, root: options.root) }.sorted())))
        return findings
    }

    /// Open ends count as closed: "over 100,000" and "100,000" are one round figure read two
    /// ways, not rival estimates. A vague quantity ("hundreds") is a scale, too loose to
    /// contradict a figure: it is compared only with other vague quantities ("hundreds"
    /// against "tens of thousands").
    func conflicts(_ a: Claim, _ b: Claim, tolerance: Double) -> Bool {
        guard a.value.vague == b.value.vague else { return false }
        let each = Self.tolerance(tolerance, between: a, b)
        return !a.value.againstRivals.widened(by: each).closed.overlaps(b.value.againstRivals.widened(by: each).closed)
    }

    /// How far each of two claims widens. An approximate figure against an exact one widens by
    /// the whole tolerance; two approximate ones by three quarters of it each, so that rivals
    /// 20% apart ("some 60,000" against "more like 50,000") conflict while figures 15% apart
    /// ("about 10,000" and "some 11,500") still read as one crowd rounded two ways. (Widening
    /// both by the whole tolerance let them lie twice as far apart as one against a count.)
    static func tolerance(_ tolerance: Double, between a: Claim, _ b: Claim) -> Double {
        a.value.approx && b.value.approx ? tolerance * sharedShare : tolerance
    }

    /// The share of the tolerance each of two approximate figures widens by.
    static let sharedShare = 0.75

    /// "The toll was 12 but it dropped to at least nine": a revision rule's claim corrects the
    /// figure it refers back to, whoever gives the two.
    func revises(_ later: Claim, _ earlier: Claim) -> Bool {
        later.file == earlier.file && later.revises == earlier.start..<earlier.end
    }

    /// A correction contradicts the figure it replaces unless it keeps it: "10, then at least
    /// eight" differs though the ranges overlap.
    func differs(_ a: Claim, _ b: Claim, tolerance: Double) -> Bool {
        a.value.widened(by: tolerance).closed != b.value.widened(by: tolerance).closed
    }

    /// Same article, same voice: one speaker giving two quantities, unless both claims come from
    /// `one-quantity` rules, which name the place they measure themselves.
    func sameVoice(_ a: Claim, _ b: Claim) -> Bool {
        a.file == b.file && a.voice == b.voice && !(pinsOneQuantity(a) && pinsOneQuantity(b))
    }

    func pinsOneQuantity(_ claim: Claim) -> Bool {
        claim.context.place != nil && oneQuantityRules.contains(claim.rule)
    }

    func finding(_ a: Claim, _ b: Claim, options: CheckOptions) -> Finding {
        // The message shows the ranges that were compared ("as many as 60,000" against a rival
        // as [30000, 60000]); the finding keeps the claims as extracted.
        func compared(_ claim: Claim) -> String {
            var shown = claim
            if !revises(b, a) { shown.value = claim.value.againstRivals }
            return MessageText.value(shown, tolerance: Self.tolerance(options.tolerance, between: a, b))
        }
        let first = compared(a)
        let second = compared(b)
        let verb = revises(b, a) ? " was revised to " : " and "
        var message = "\(first)\(verb)\(second)\(revises(b, a) ? "" : " do not overlap"); both are the "
            + MessageText.kind(a.kind) + MessageText.context(a.context)
        if revises(b, a), ComparisonKey(a) != ComparisonKey(b) {
            // A correction across keys ("four victims in total, not five"): say what each counts.
            message = "\(first)\(verb)\(second); the " + MessageText.kind(a.kind) + MessageText.context(a.context)
                + ", corrected as the " + MessageText.kind(b.kind) + MessageText.context(b.context)
        }
        return Finding(check: Self.id, severity: defaultSeverity, message: message, claims: [a, b],
                       fingerprint: Fingerprint.make(check: Self.id, claims: [a, b], root: options.root))
    }
}

/// One comparison key's claims in position order, with what the sweeps need precomputed:
/// each claim's voice and its widened, closed bounds (unbounded ends as ∓∞).
private struct KeyGroup {
    struct Pair { var earlier: Int; var later: Int }

    let claims: [Claim]
    let tolerance: Double
    let voices: [String]
    /// Approximate claims widened by their share of the tolerance (as against another approximate one):
    /// the narrowest reading, so the trees find every candidate and `conflicts` decides.
    let lows: [Double]
    let highs: [Double]
    /// Approximate claims widened by the whole tolerance (as against an exact one).
    let fullLows: [Double]
    let fullHighs: [Double]
    /// Start (in `claims`) of each claim's file run: position order sorts by file first.
    let fileStart: [Int]
    /// Per vagueness, the claims of it in order and a tree over their bounds.
    let byVagueness: [Bool: (members: [Int], tree: DisjointFinder)]
    /// Per vagueness, the claims not dated only by their article (for `acrossDays`).
    let datedByVagueness: [Bool: (members: [Int], tree: DisjointFinder)]
    /// Whether each claim is one its own article replaces: never another article's rival.
    let replaced: [Bool]

    init(_ sorted: [Claim], tolerance: Double, replaced targets: Set<Claim> = []) {
        claims = sorted
        replaced = targets.isEmpty ? [Bool](repeating: false, count: sorted.count) : sorted.map(targets.contains)
        self.tolerance = tolerance
        voices = sorted.map(\.voice)
        let half = sorted.map { $0.widenedBounds(by: tolerance * ConflictCheck.sharedShare) }
        let full = sorted.map { $0.widenedBounds(by: tolerance) }
        let lows = half.map(\.low), highs = half.map(\.high)
        self.lows = lows
        self.highs = highs
        fullLows = full.map(\.low)
        fullHighs = full.map(\.high)
        var starts: [Int] = []
        for index in sorted.indices {
            starts.append(index > 0 && sorted[index - 1].file == sorted[index].file ? starts[index - 1] : index)
        }
        fileStart = starts
        func index(_ members: [Int]) -> (members: [Int], tree: DisjointFinder) {
            (members, DisjointFinder(lows: members.map { lows[$0] }, highs: members.map { highs[$0] }))
        }
        var all: [Bool: (members: [Int], tree: DisjointFinder)] = [:]
        var dated: [Bool: (members: [Int], tree: DisjointFinder)] = [:]
        for vague in [false, true] {
            all[vague] = index(sorted.indices.filter { sorted[$0].value.vague == vague })
            dated[vague] = index(sorted.indices.filter { sorted[$0].value.vague == vague && !sorted[$0].articleDated })
        }
        byVagueness = all
        datedByVagueness = dated
    }

    /// How far apart a pair's ranges lie, relative to their size, for ranking.
    func gap(_ pair: Pair) -> Double {
        let (a, b) = (pair.earlier, pair.later)
        let (below, above) = highs[a] < lows[b] ? (highs[a], lows[b]) : (highs[b], lows[a])
        let scale = max(abs(below), abs(above))
        return scale > 0 && scale.isFinite ? (above - below) / scale : 0
    }

    /// Same findings as comparing every later claim with every earlier one: for each later
    /// claim, the first earlier claim of each voice it contradicts in its own article, and
    /// the first conflicting claim of an earlier article.
    func conflictingPairs(_ check: ConflictCheck) -> [Pair] {
        var pairs: [Pair] = []
        var file = FileIndex(group: self, start: 0)
        for later in claims.indices {
            if fileStart[later] != file.start { file = FileIndex(group: self, start: fileStart[later]) }
            var seen = Set<String>()
            for earlier in file.candidates(for: later, check) where seen.insert(voices[earlier]).inserted {
                pairs.append(Pair(earlier: earlier, later: later))
            }
            // Another article's figure is a contradiction of its own, even when this article
            // already has one: two papers disagreeing is what a desk checks first. One per voice
            // (police's and the organisers' counts in another paper) among the first few.
            if replaced[later] { continue }
            var otherVoices = Set<String>()
            var from = 0
            for _ in 0..<ConflictCheck.otherArticleHits {
                guard let hit = firstConflictIndex(with: later, in: byVagueness, before: fileStart[later], from: from) else { break }
                let earlier = byVagueness[claims[later].value.vague]!.members[hit]
                from = hit + 1
                if replaced[earlier] { continue }
                if conflicts(earlier, later), otherVoices.insert(voices[earlier]).inserted { pairs.append(Pair(earlier: earlier, later: later)) }
            }
        }
        return pairs
    }

    /// The first claim (from position `from` among the members of the later claim's vagueness,
    /// positioned before `limit`) whose range misses the later claim's: its member position.
    private func firstConflictIndex(with later: Int, in index: [Bool: (members: [Int], tree: DisjointFinder)],
                                    before limit: Int, from: Int) -> Int? {
        guard let (members, tree) = index[claims[later].value.vague] else { return nil }
        let end = members.partitioningIndex(where: { $0 >= limit })
        return tree.first(from: from, below: end, low: lows[later], high: highs[later])
    }

    /// `acrossDays`: claims of other articles, dated by their text, that the undated `later`
    /// (from another key) conflicts with: the first of each voice not in `voices` among the
    /// first `ConflictCheck.otherArticleHits`.
    func datedConflicts(with later: Claim, tolerance: Double, check: ConflictCheck, voices seen: inout Set<String>) -> [Claim] {
        guard let (members, tree) = datedByVagueness[later.value.vague] else { return [] }
        let (low, high) = later.widenedBounds(by: tolerance * ConflictCheck.sharedShare)
        // The later claim's own file is one run of the members: search before it, then after.
        let runStart = members.partitioningIndex(where: { claims[$0].file >= later.file })
        let runEnd = members.partitioningIndex(where: { claims[$0].file > later.file })
        var found: [Claim] = []
        var conflicting = 0, looked = 0
        // The tree's narrow reading finds a superset; `looked` bounds the near misses it may offer.
        for (from, below) in [(0, runStart), (runEnd, members.count)] {
            var next = from
            while conflicting < ConflictCheck.otherArticleHits, looked < 4 * ConflictCheck.otherArticleHits,
                  let hit = tree.first(from: next, below: below, low: low, high: high) {
                let earlier = claims[members[hit]]
                next = hit + 1
                looked += 1
                guard !replaced[members[hit]], check.conflicts(earlier, later, tolerance: tolerance) else { continue }
                conflicting += 1
                if seen.insert(voices[members[hit]]).inserted { found.append(earlier) }
            }
        }
        return found
    }

    /// The claims of one file in the key, split by voice and vagueness, and the revision
    /// targets by byte range.
    struct FileIndex {
        let start: Int
        /// Voices in order of first appearance, each with its claims per vagueness.
        var voiceOrder: [String] = []
        var byVoice: [String: [Bool: (members: [Int], tree: DisjointFinder)]] = [:]
        var firstOfVoice: [String: Int] = [:]
        var byRange: [Range<Int>: [Int]] = [:]
        let group: KeyGroup

        init(group: KeyGroup, start: Int) {
            self.group = group
            self.start = start
            var end = start
            while end < group.claims.count, group.fileStart[end] == start { end += 1 }
            var members: [String: [Bool: [Int]]] = [:]
            for index in start..<end {
                let voice = group.voices[index]
                if firstOfVoice[voice] == nil {
                    firstOfVoice[voice] = index
                    voiceOrder.append(voice)
                }
                members[voice, default: [:]][group.claims[index].value.vague, default: []].append(index)
                byRange[group.claims[index].start..<group.claims[index].end, default: []].append(index)
            }
            for (voice, split) in members {
                byVoice[voice] = split.mapValues { list in
                    (list, DisjointFinder(lows: list.map { group.lows[$0] }, highs: list.map { group.highs[$0] }))
                }
            }
        }

        /// Earlier claims of this file that `later` contradicts, in order: the first of each
        /// other voice whose range it misses, and any figure it revises that it changes.
        func candidates(for later: Int, _ check: ConflictCheck) -> [Int] {
            let claim = group.claims[later]
            var found: [Int] = []
            if let target = claim.revises, let earlier = byRange[target] {
                found += earlier.filter { $0 < later && group.isCandidate($0, later, check) }
            }
            let voice = group.voices[later]
            let ownVoiceToo = check.pinsOneQuantity(claim)
            for other in voiceOrder where other != voice || ownVoiceToo {
                guard firstOfVoice[other]! < later else { continue }
                guard let (members, tree) = byVoice[other]?[claim.value.vague] else { continue }
                let end = members.partitioningIndex(where: { $0 >= later })
                var from = 0
                // Overlapping text and unchanged revision targets are the rare exceptions.
                while let hit = tree.first(from: from, below: end, low: group.lows[later], high: group.highs[later]) {
                    if group.isCandidate(members[hit], later, check) {
                        found.append(members[hit])
                        break
                    }
                    from = hit + 1
                }
            }
            return found.sorted()
        }
    }

    /// The original per-pair test.
    func isCandidate(_ earlier: Int, _ later: Int, _ check: ConflictCheck) -> Bool {
        let (a, b) = (claims[earlier], claims[later])
        if a.overlapsText(of: b) { return false }
        if check.revises(b, a) { return differs(earlier, later) }
        return !check.sameVoice(a, b) && conflicts(earlier, later)
    }

    /// The shared-tolerance bounds when both are approximate, else the fully widened ones.
    func conflicts(_ a: Int, _ b: Int) -> Bool {
        guard claims[a].value.vague == claims[b].value.vague else { return false }
        if claims[a].value.approx && claims[b].value.approx { return highs[a] < lows[b] || highs[b] < lows[a] }
        return fullHighs[a] < fullLows[b] || fullHighs[b] < fullLows[a]
    }

    private func differs(_ a: Int, _ b: Int) -> Bool {
        // Compared as the original did, on the intervals themselves (NaN included).
        claims[a].value.widened(by: tolerance).closed != claims[b].value.widened(by: tolerance).closed
    }
}

/// Finds the first range, in order, that a query range misses (ends below its low or starts
/// above its high) in O(log n): a segment tree of the minimum high and maximum low.
struct DisjointFinder {
    private let size: Int
    private var minHigh: [Double]
    private var maxLow: [Double]

    init(lows: [Double], highs: [Double]) {
        var size = 1
        while size < lows.count { size *= 2 }
        self.size = size
        minHigh = [Double](repeating: .infinity, count: 2 * size)
        maxLow = [Double](repeating: -.infinity, count: 2 * size)
        for index in lows.indices {
            minHigh[size + index] = highs[index]
            maxLow[size + index] = lows[index]
        }
        var node = size - 1
        while node >= 1 {
            minHigh[node] = min(minHigh[2 * node], minHigh[2 * node + 1])
            maxLow[node] = max(maxLow[2 * node], maxLow[2 * node + 1])
            node -= 1
        }
    }

    /// The first index in `from..<below` whose range misses `[low, high]`.
    func first(from: Int, below: Int, low: Double, high: Double) -> Int? {
        guard from < below else { return nil }
        return search(node: 1, nodeLow: 0, nodeHigh: size, from: from, below: below, low: low, high: high)
    }

    private func search(node: Int, nodeLow: Int, nodeHigh: Int, from: Int, below: Int, low: Double, high: Double) -> Int? {
        if nodeHigh <= from || nodeLow >= below { return nil }
        guard minHigh[node] < low || maxLow[node] > high else { return nil }
        if nodeHigh - nodeLow == 1 { return nodeLow }
        let middle = (nodeLow + nodeHigh) / 2
        return search(node: 2 * node, nodeLow: nodeLow, nodeHigh: middle, from: from, below: below, low: low, high: high)
            ?? search(node: 2 * node + 1, nodeLow: middle, nodeHigh: nodeHigh, from: from, below: below, low: low, high: high)
    }
}

extension Array {
    /// The first index whose element satisfies `predicate`, which must be false then true
    /// along the array.
    fileprivate func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
