import Claims

/// Two claims about the same quantity whose intervals, widened by the tolerance when
/// approximate, share no value.
///
/// To keep N claims from producing N² findings, each claim is reported at most once per
/// voice it contradicts: against the first earlier claim (in byte order) of each such voice
/// in its own article, or else against the first conflicting claim in another article.
///
/// Within one article, two figures from the same voice (the same source, or both the
/// writer's own) are taken to be different quantities: an article that says "40,000
/// marched" and later "1,500 gathered at the bridge" is describing two things, while
/// "organisers said 40,000; police said 8,000" is the contradiction worth flagging. Across
/// articles any two voices may conflict. A claim from a `revises` rule ("later revised the
/// count to 25") is compared with the figure it corrects even in one voice, and differing at
/// all is enough.
public struct ConflictCheck: Check {
    public static let id = "conflict"
    public static let summary = "Two claims about the same quantity whose ranges cannot both hold."
    public var defaultSeverity: Severity = .error

    public init() {}

    public func run(_ claims: [Claim], options: CheckOptions) -> [Finding] {
        // A claim whose rule names no quantity ("rose 5%") is listed, never compared.
        let groups = Dictionary(grouping: claims.filter(\.comparable), by: { ComparisonKey($0) })
        var findings: [Finding] = []
        for key in groups.keys.sorted() {
            let group = groups[key]!.sorted(by: Claim.positionOrder)
            for j in group.indices.dropFirst() {
                let later = group[j]
                let candidates = group[..<j].filter { earlier in
                    if earlier.overlapsText(of: later) { return false }
                    if revises(later, earlier) { return differs(earlier, later, tolerance: options.tolerance) }
                    return !sameVoice(earlier, later) && conflicts(earlier, later, tolerance: options.tolerance)
                }
                // One finding per voice the later claim contradicts in its own article (else the
                // first in another article): police and a newspaper both disputing a count.
                let own = candidates.filter { $0.file == later.file }
                var voices = Set<String>()
                for earlier in own.isEmpty ? Array(candidates.prefix(1)) : own where voices.insert(earlier.voice).inserted {
                    findings.append(finding(earlier, later, options: options))
                }
            }
        }
        findings += acrossDays(groups, reported: Set(findings.map { $0.claims[1] }), options: options)
        return findings
    }

    /// Days before publication that a claim dated only by its article may be about.
    static let articleDateWindow = 3

    /// A figure with no day in its article's text ("organisers say 100,000 gathered" in
    /// Tuesday's paper) may be about the march another article dates to Saturday: across
    /// articles it also meets claims whose text gives a day up to `articleDateWindow` days
    /// before its article's date. Two undated figures still need the same day.
    private func acrossDays(_ groups: [ComparisonKey: [Claim]], reported: Set<Claim>, options: CheckOptions) -> [Finding] {
        var findings: [Finding] = []
        for key in groups.keys.sorted() where key.scope.isEmpty {
            for later in groups[key]!.sorted(by: Claim.positionOrder) where later.articleDated && !reported.contains(later) {
                guard let day = later.context.date.flatMap(CalendarDate.init(iso:)) else { continue }
                for back in 1...Self.articleDateWindow {
                    var other = key
                    other.date = ComparisonKey.normalize(day.adding(days: -back).description)
                    let earlier = (groups[other] ?? []).sorted(by: Claim.positionOrder).first { earlier in
                        earlier.file != later.file && !earlier.articleDated && conflicts(earlier, later, tolerance: options.tolerance)
                    }
                    if let earlier {
                        findings.append(finding(earlier, later, options: options))
                        break
                    }
                }
            }
        }
        return findings
    }

    /// Open ends count as closed: "over 100,000" and "100,000" are one round figure read two
    /// ways, not rival estimates. A vague quantity ("hundreds") is a scale, too loose to
    /// contradict a figure: it is compared only with other vague quantities ("hundreds"
    /// against "tens of thousands").
    func conflicts(_ a: Claim, _ b: Claim, tolerance: Double) -> Bool {
        guard a.value.vague == b.value.vague else { return false }
        return !a.value.widened(by: tolerance).closed.overlaps(b.value.widened(by: tolerance).closed)
    }

    /// "The toll was 10 but it dropped to at least eight": a revision rule's claim corrects the
    /// figure it refers back to, whoever gives the two.
    func revises(_ later: Claim, _ earlier: Claim) -> Bool {
        later.file == earlier.file && later.revises == earlier.start..<earlier.end
    }

    /// A correction contradicts the figure it replaces unless it keeps it: "10, then at least
    /// eight" differs though the ranges overlap.
    func differs(_ a: Claim, _ b: Claim, tolerance: Double) -> Bool {
        a.value.widened(by: tolerance).closed != b.value.widened(by: tolerance).closed
    }

    /// Same article, same voice: one speaker giving two quantities.
    func sameVoice(_ a: Claim, _ b: Claim) -> Bool {
        a.file == b.file && a.voice == b.voice
    }

    private func finding(_ a: Claim, _ b: Claim, options: CheckOptions) -> Finding {
        let first = MessageText.value(a, tolerance: options.tolerance)
        let second = MessageText.value(b, tolerance: options.tolerance)
        let verb = revises(b, a) ? " was revised to " : " and "
        let message = "\(first)\(verb)\(second)\(revises(b, a) ? "" : " do not overlap"); both are the "
            + MessageText.kind(a.kind) + MessageText.context(a.context)
        return Finding(check: Self.id, severity: defaultSeverity, message: message, claims: [a, b],
                       fingerprint: Fingerprint.make(check: Self.id, claims: [a, b], root: options.root))
    }
}
