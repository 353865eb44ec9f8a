import Claims

/// Shares of different candidates in one election whose lower bounds add up to more than
/// the whole. Each candidate counts once, with its largest lower bound.
///
/// One voice (a source, or the writer) is added up only within one paragraph: an article
/// covering a mayoral race, a council seat and a ballot measure, or a results table by
/// district, reports each in its own paragraph. Two different voices are added up across
/// paragraphs when they are about one race — in the same paragraph, or naming a common
/// candidate, directly or through other voices — since an official result against an
/// opposition count is the contradiction a desk wants. Shares from different articles are
/// never added (two articles disagreeing about one candidate are a conflict).
public struct ShareSumCheck: Check {
    public static let descriptor = CheckDescriptor(
        id: "share-sum", name: "SharesExceedWhole",
        summary: "Vote shares of different candidates in one election that add up to more than 100%.",
        description: "Vote shares of different candidates in one election (same article, place and date) whose lower bounds add up to more than 100%: one voice's shares within a paragraph, and two voices' shares across paragraphs when they are about one race (in one paragraph, or naming a common candidate), such as an official result against an opposition count.",
        defaultSeverity: .error,
        help: "One of the figures is wrong or belongs to another election or round: check each share against the official result, and name the round or date when the article compares two.")
    /// Which claims are shares, and of what whole: declared by a rule file's `shares-of`.
    public var kind: String
    public var unit: String
    public var total: Double

    public init(kind: String = "vote_share", unit: String = "percent", total: Double = 100) {
        self.kind = kind
        self.unit = unit
        self.total = total
    }

    /// The shares one voice gives in one paragraph.
    private struct Block {
        var voice: String
        var paragraph: Int
        var claims: [Claim]
        var candidates: Set<String> { Set(claims.map { ComparisonKey.normalize($0.context.group) }) }
    }

    public func run(_ claims: [Claim], options: CheckOptions) -> [Finding] {
        let shares = claims.filter { $0.comparable && $0.kind == kind && $0.unit == unit && $0.context.group != nil }
        let elections = Dictionary(grouping: shares, by: { share in
            var key = ComparisonKey(share, includeGroup: false)
            key.group = share.file
            return key
        })
        var findings: [Finding] = []
        for key in elections.keys.sorted() {
            findings += check(blocks(of: elections[key]!), options: options)
        }
        return findings
    }

    private func blocks(of election: [Claim]) -> [Block] {
        var blocks: [Block] = []
        var index: [BlockKey: Int] = [:]
        for claim in election.sorted(by: Claim.positionOrder) {
            let key = BlockKey(voice: claim.voice, paragraph: claim.paragraph)
            if let existing = index[key] {
                blocks[existing].claims.append(claim)
            } else {
                index[key] = blocks.count
                blocks.append(Block(voice: claim.voice, paragraph: claim.paragraph, claims: [claim]))
            }
        }
        return blocks
    }

    private struct BlockKey: Hashable {
        var voice: String
        var paragraph: Int
    }

    private func check(_ blocks: [Block], options: CheckOptions) -> [Finding] {
        var findings: [Finding] = []
        var flagged = Set<Int>()
        for (index, block) in blocks.enumerated() {
            if let finding = check(block.claims, options: options) {
                findings.append(finding)
                flagged.insert(index)
            }
        }
        // Blocks about one race: same paragraph, or a common candidate (transitively). Each
        // block joins the first block that shares its paragraph or a candidate, so this is
        // linear in the blocks, not quadratic.
        var race = Array(blocks.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while race[i] != i { race[i] = race[race[i]]; i = race[i] }
            return i
        }
        func join(_ i: Int, _ j: Int) { let (a, b) = (root(i), root(j)); if a != b { race[max(a, b)] = min(a, b) } }
        var firstInParagraph: [Int: Int] = [:]
        var firstWithCandidate: [String: Int] = [:]
        for (i, block) in blocks.enumerated() {
            if let first = firstInParagraph[block.paragraph] { join(first, i) } else { firstInParagraph[block.paragraph] = i }
            for candidate in block.candidates {
                if let first = firstWithCandidate[candidate] { join(first, i) } else { firstWithCandidate[candidate] = i }
            }
        }
        // Pairs of rival voices within each race only.
        var races: [Int: [Int]] = [:]
        for i in blocks.indices where !flagged.contains(i) { races[root(i), default: []].append(i) }
        var reported = Set(findings.map(\.fingerprint))
        for members in races.keys.sorted().map({ races[$0]! }) {
            for (position, i) in members.enumerated() {
                for j in members[(position + 1)...] where blocks[i].voice != blocks[j].voice {
                    let union = (blocks[i].claims + blocks[j].claims).sorted(by: Claim.positionOrder)
                    guard let finding = check(union, options: options), !reported.contains(finding.fingerprint) else { continue }
                    reported.insert(finding.fingerprint)
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    private struct Best {
        var claim: Claim
        var low: Double
        var exclusive: Bool
    }

    private func check(_ election: [Claim], options: CheckOptions) -> Finding? {
        var order: [String] = []
        var best: [String: Best] = [:]
        for claim in election {
            let widened = claim.value.widened(by: options.tolerance)
            let candidate = Best(claim: claim, low: max(widened.low ?? 0, 0),
                                 exclusive: widened.low != nil && !widened.lowInclusive)
            let name = ComparisonKey.normalize(claim.context.group)
            if let current = best[name] {
                if candidate.low > current.low || (candidate.low == current.low && candidate.exclusive && !current.exclusive) {
                    best[name] = candidate
                }
            } else {
                order.append(name)
                best[name] = candidate
            }
        }
        guard order.count >= 2 else { return nil }
        let picked = order.map { best[$0]! }
        let sum = picked.reduce(0) { $0 + $1.low }
        let impossible = sum > total || (sum == total && picked.contains { $0.exclusive && $0.low > 0 })
        guard impossible else { return nil }

        let parts = picked.map { entry -> String in
            let bound = (entry.exclusive ? "> " : "≥ ") + MessageText.withUnit(Interval.format(entry.low), unit: unit)
            var text = "\(entry.claim.context.group!) \(bound)"
            if entry.claim.value.approx || !entry.claim.value.isPoint {
                text += " (from \(MessageText.withUnit(entry.claim.value.description, unit: unit)))"
            }
            return text
        }
        let first = picked[0].claim.context
        let context = ClaimContext(place: first.place, date: first.date)
        let whole = MessageText.withUnit(Interval.format(total), unit: unit)
        let amount = sum > total ? MessageText.withUnit(Interval.format(sum), unit: unit) + ", more than " + whole
            : "more than " + whole
        let message = "lower bounds of the \(MessageText.kind(kind))s add up to " + amount + ": "
            + parts.joined(separator: ", ")
            + "; one election" + MessageText.context(context)
        let involved = picked.map(\.claim)
        return Finding(check: Self.id, severity: defaultSeverity, message: message, claims: involved,
                       fingerprint: Fingerprint.make(check: Self.id, claims: involved, root: options.root))
    }
}
