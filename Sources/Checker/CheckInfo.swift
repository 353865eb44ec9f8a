/// What a report says about a check: for SARIF rules, `--help` and documentation.
public struct CheckInfo: Equatable, Sendable {
    public var id: String
    /// PascalCase, for SARIF `rules[].name`.
    public var name: String
    public var summary: String
    /// How to act on a finding, or silence it.
    public var help: String
    public var defaultSeverity: Severity

    public init(id: String, name: String, summary: String, help: String, defaultSeverity: Severity) {
        self.id = id
        self.name = name
        self.summary = summary
        self.help = help
        self.defaultSeverity = defaultSeverity
    }
}

extension Checker {
    public static let checkInfo: [CheckInfo] = [
        CheckInfo(id: ConflictCheck.id, name: "ConflictingRanges", summary: ConflictCheck.summary,
                  help: "Two claims of the same kind share place, date and group, but their ranges (approximate values widened by the tolerance) have no value in common. Check both figures against their sources, or state whose estimate each is.",
                  defaultSeverity: .error),
        CheckInfo(id: ShareSumCheck.id, name: "SharesExceedWhole", summary: ShareSumCheck.summary,
                  help: "The smallest values the text allows for different candidates' shares of one election already add up to more than the whole. One of the figures is wrong or belongs to another election.",
                  defaultSeverity: .error),
        CheckInfo(id: UnsourcedCheck.id, name: "UnsourcedClaim", summary: UnsourcedCheck.summary,
                  help: "Nobody is named as asserting this figure; anonymous phrases such as \"estimates ranged\" do not count. Name the source, or silence a known case with <!-- claimcheck-disable-next-line unsourced -->.",
                  defaultSeverity: .warning),
        CheckInfo(id: unusedSuppressionID, name: "UnusedSuppression",
                  summary: "A claimcheck-disable-next-line comment that silenced nothing.",
                  help: "No finding of the named checks starts on the line after this comment. Remove the comment, or fix its check list.",
                  defaultSeverity: .info),
    ]
}
