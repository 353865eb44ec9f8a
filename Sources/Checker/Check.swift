import Claims

/// Settings every check may read.
public struct CheckOptions: Sendable, Equatable {
    /// Fraction by which approximate values widen before comparing (0.1 = 10%).
    public var tolerance: Double
    /// The project root that file paths in fingerprints are taken relative to, so a baseline
    /// matches from any working directory; nil: the working directory.
    public var root: String?

    public init(tolerance: Double = 0.1, root: String? = nil) {
        self.tolerance = tolerance
        self.root = root
    }
}

/// One check over all claims of a run. Findings come back at `defaultSeverity`;
/// the `Checker` applies configured severities afterwards.
public protocol Check: Sendable {
    static var id: String { get }
    /// One line for `--help` and SARIF rule metadata.
    static var summary: String { get }
    var defaultSeverity: Severity { get }
    func run(_ claims: [Claim], options: CheckOptions) -> [Finding]
}

extension Check {
    public var id: String { Self.id }
    public var summary: String { Self.summary }
}

/// How a configuration sets a check: a severity, or off.
public enum CheckSetting: String, Sendable, Equatable, CaseIterable {
    case error, warning, info, off

    public var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .off: nil
        }
    }
}

/// The lowest severity that makes a run fail; `never` always passes.
public enum FailThreshold: String, Sendable, Equatable, CaseIterable {
    case error, warning, info, never

    public func fails(_ findings: [Finding]) -> Bool {
        let threshold: Severity
        switch self {
        case .error: threshold = .error
        case .warning: threshold = .warning
        case .info: threshold = .info
        case .never: return false
        }
        return findings.contains { $0.severity >= threshold }
    }
}
