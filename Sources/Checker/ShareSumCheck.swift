import Claims

/// Shares of different candidates in one election whose lower bounds add up to more than
/// the whole. Each candidate counts once, with its largest lower bound. Shares are added
/// only within one voice (source, or the writer) and one paragraph: two polls of one race
/// each add up, and an article covering a mayoral race, a council seat and a ballot measure
/// reports each in its own paragraph.
public struct ShareSumCheck: Check {
    public static let id = "share-sum"
    public static let summary = "Vote shares of different candidates in one election that add up to more than 100%."
    public var defaultSeverity: Severity = .error
    /// Which claims are shares, and of what whole: declared by a rule file's `shares-of`.
    public var kind: String
    public var unit: String
    public var total: Double

    public init(kind: String = "vote_share", unit: String = "percent", total: Double = 100) {
        self.kind = kind
        self.unit = unit
        self.total = total
    }

    public func run(_ claims: [Claim], options: CheckOptions) -> [Finding] {
        let shares = claims.filter { $0.comparable && $0.kind == kind && $0.unit == unit && $0.context.group != nil }
        let elections = Dictionary(grouping: shares, by: { share in
            var key = ComparisonKey(share, includeGroup: false)
            key.group = share.voice + "\u{1}" + share.file + "\u{1}" + String(share.paragraph)
            return key
        })
        var findings: [Finding] = []
        for key in elections.keys.sorted() {
            if let finding = check(elections[key]!.sorted(by: Claim.positionOrder), options: options) {
                findings.append(finding)
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
                       fingerprint: Fingerprint.make(check: Self.id, claims: involved))
    }
}
