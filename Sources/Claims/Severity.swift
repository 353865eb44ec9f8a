/// How much a finding or a diagnostic matters, ordered so thresholds compare naturally.
/// One type for both: `CheckSetting` and `FailThreshold` are built on it, and every
/// reporter maps it once (SARIF `note`, GitHub `notice`).
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }

    /// The word a diagnostic line uses, as compilers do: "note" for info.
    public var diagnosticLabel: String { self == .info ? "note" : rawValue }
}
