import Checker

/// What a report needs to know about one check; the Checker module defines the checks.
public struct CheckDescriptor: Equatable, Hashable, Sendable {
    /// The id findings carry: "conflict", "share-sum", "unsourced".
    public var id: String
    /// A PascalCase name for SARIF: "ConflictingRanges".
    public var name: String
    /// One sentence.
    public var summary: String
    /// A paragraph; defaults to `summary`.
    public var description: String
    public var defaultSeverity: Severity
    /// How to fix or silence it; defaults to `description`.
    public var help: String
    public var helpURI: String?

    public init(id: String, name: String, summary: String, description: String? = nil,
                defaultSeverity: Severity, help: String? = nil, helpURI: String? = nil) {
        self.id = id
        self.name = name
        self.summary = summary
        self.description = description ?? summary
        self.defaultSeverity = defaultSeverity
        self.help = help ?? description ?? summary
        self.helpURI = helpURI
    }
}
