import Claims

/// Everything the tool says about a check, owned by the check itself: `--help`, SARIF rule
/// metadata, GitHub annotation titles, configuration validation and the README table all read it.
public struct CheckDescriptor: Equatable, Hashable, Sendable {
    /// The id findings, configurations and suppressions use: "conflict", "share-sum".
    public var id: String
    /// PascalCase, for SARIF `rules[].name`: "ConflictingRanges".
    public var name: String
    /// One sentence.
    public var summary: String
    /// What the check looks at and why it flags it (SARIF `fullDescription`).
    public var description: String
    public var defaultSeverity: Severity
    /// How to act on a finding, or silence it (SARIF `help`).
    public var help: String
    /// The README heading that documents the check, for SARIF `helpUri` (README URI + "#" + it).
    public var helpAnchor: String

    public init(id: String, name: String, summary: String, description: String? = nil,
                defaultSeverity: Severity, help: String? = nil, helpAnchor: String = "the-checks") {
        self.id = id
        self.name = name
        self.summary = summary
        self.description = description ?? summary
        self.defaultSeverity = defaultSeverity
        self.help = help ?? description ?? summary
        self.helpAnchor = helpAnchor
    }
}

extension Checker {
    /// Every check a configuration or suppression may name, in documentation order.
    public static let registry: [CheckDescriptor] = [
        ConflictCheck.descriptor, ShareSumCheck.descriptor, UnsourcedCheck.descriptor, UnusedSuppressionCheck.descriptor,
    ]

    public static var checkIDs: [String] { registry.map(\.id) }

    public static func descriptor(of id: String) -> CheckDescriptor? {
        registry.first { $0.id == id }
    }
}
