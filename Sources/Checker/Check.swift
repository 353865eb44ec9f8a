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

/// A check that owns its description (id, wording, default severity): see `Checker.registry`.
public protocol DescribedCheck: Sendable {
    static var descriptor: CheckDescriptor { get }
}

extension DescribedCheck {
    public static var id: String { descriptor.id }
    public static var summary: String { descriptor.summary }
    public var id: String { Self.descriptor.id }
    public var defaultSeverity: Severity { Self.descriptor.defaultSeverity }
}

/// One check over all claims of a run. Findings come back at the default severity;
/// the `Checker` applies configured severities afterwards.
public protocol Check: DescribedCheck {
    func run(_ claims: [Claim], options: CheckOptions) -> [Finding]
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
