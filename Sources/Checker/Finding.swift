import Claims

/// A place in an input file, for findings that have no claim (an unused suppression).
public struct SourceLocation: Equatable, Hashable, Sendable, Codable {
    public var file: String
    /// 1-based line and column (in characters).
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// One problem the checker found, with every claim that shows it.
public struct Finding: Equatable, Hashable, Sendable {
    /// Check id: "conflict", "share-sum", "unsourced", "unused-suppression".
    public var check: String
    public var severity: Severity
    /// Self-explaining text with the numbers, e.g.
    /// "[100000, ∞) and [20000, 30000] do not overlap; both are the crowd in Valmont on 2021-03-04".
    public var message: String
    /// The claims involved; the first is the primary location.
    public var claims: [Claim]
    /// Stable across line moves: built from check id, files, kinds, context and quotes, not positions.
    public var fingerprint: String
    /// Set only when there is no claim to point at; otherwise the first claim is the location.
    public var location: SourceLocation?

    public init(check: String, severity: Severity, message: String, claims: [Claim], fingerprint: String,
                location: SourceLocation? = nil) {
        self.check = check
        self.severity = severity
        self.message = message
        self.claims = claims
        self.fingerprint = fingerprint
        self.location = location
    }

    /// Where to report the finding: the explicit location, else the first claim's.
    public var primaryLocation: SourceLocation? {
        if let location { return location }
        guard let claim = claims.first else { return nil }
        return SourceLocation(file: claim.file, line: claim.line, column: claim.column)
    }
}
