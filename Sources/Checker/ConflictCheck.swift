import Claims

/// Two claims about the same quantity whose intervals, widened by the tolerance when
/// approximate, share no value.
///
/// To keep N claims from producing N² findings, each claim is reported at most once:
/// against the first earlier claim (in file, then byte order) it conflicts with.
///
/// Two figures in one sentence from the same source (or both unsourced) are taken to be
/// different quantities ("54% for Arden and 51% for Dorsey, the commission said"): a writer
/// does not contradict themselves mid-sentence, but quotes two sources side by side often.
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
                let earlier = group[..<j].first { earlier in
                    !earlier.overlapsText(of: later) && !sameVoice(earlier, later)
                        && conflicts(earlier, later, tolerance: options.tolerance)
                }
                if let earlier { findings.append(finding(earlier, later, options: options)) }
            }
        }
        return findings
    }

    func conflicts(_ a: Claim, _ b: Claim, tolerance: Double) -> Bool {
        !a.value.widened(by: tolerance).overlaps(b.value.widened(by: tolerance))
    }

    /// Same sentence, same source: one voice listing two quantities.
    func sameVoice(_ a: Claim, _ b: Claim) -> Bool {
        a.file == b.file && a.sentenceIndex == b.sentenceIndex
            && ComparisonKey.normalize(a.attribution?.text) == ComparisonKey.normalize(b.attribution?.text)
    }

    private func finding(_ a: Claim, _ b: Claim, options: CheckOptions) -> Finding {
        let first = MessageText.value(a, tolerance: options.tolerance)
        let second = MessageText.value(b, tolerance: options.tolerance)
        let message = "\(first) and \(second) do not overlap; both are the "
            + MessageText.kind(a.kind) + MessageText.context(a.context)
        return Finding(check: Self.id, severity: defaultSeverity, message: message, claims: [a, b],
                       fingerprint: Fingerprint.make(check: Self.id, claims: [a, b]))
    }
}
