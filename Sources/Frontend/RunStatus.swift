import Claims

/// Why a run did not succeed, most fundamental first. Exit codes stay 0/1/2 for
/// compatibility; `--exit-detail` gives each failure its own code so CI scripts can tell
/// a broken configuration from a missing article.
public enum RunFailure: Int, Comparable, Sendable, CaseIterable {
    /// `.claimcheck.yml` or a baseline file is unreadable or invalid.
    case configuration = 3
    /// A rule file does not load or compile.
    case rules = 4
    /// An input is missing, unreadable or binary, or no article was read.
    case input = 5
    /// A report or baseline could not be written.
    case output = 6

    public static func < (a: RunFailure, b: RunFailure) -> Bool { a.rawValue < b.rawValue }

    public var summary: String {
        switch self {
        case .configuration: "configuration error (.claimcheck.yml or a baseline file)"
        case .rules: "rule error (a rule file does not load or compile)"
        case .input: "input error (a missing, unreadable or binary input, or no article read)"
        case .output: "output error (a report or baseline could not be written)"
        }
    }
}

/// Reading nothing at all is an error unless allowed: a typo'd path must not pass CI. Said
/// only when no input error already explains it (a missing or binary file).
public func emptyRunProblems(articlesRead: Int, allowEmpty: Bool, diagnostics: [Diagnostic]) -> [Diagnostic] {
    guard articlesRead == 0, !allowEmpty, !diagnostics.contains(where: { $0.severity == .error }) else { return [] }
    return [Issue.noArticleRead.diagnostic()]
}

/// How a run ended: its errors, and whether findings reached the fail threshold.
public struct RunStatus: Sendable, Equatable {
    public var failures: Set<RunFailure> = []
    public var findingsFail = false

    public init(failures: Set<RunFailure> = [], findingsFail: Bool = false) {
        self.failures = failures
        self.findingsFail = findingsFail
    }

    /// 0 success, 1 findings at or above the threshold, 2 any error; with `detailed`, an error
    /// gives the code of its most fundamental failure (3 to 6) instead of 2.
    public func exitCode(detailed: Bool) -> Int32 {
        if let first = failures.min() { return detailed ? Int32(first.rawValue) : 2 }
        return findingsFail ? 1 : 0
    }

    /// The codes, for `--help` and the README.
    public static let documentation = """
    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage errors, and any other error unless --exit-detail. With --exit-detail: \
    \(RunFailure.allCases.map { "\($0.rawValue) \($0.summary)" }.joined(separator: "; ")). \
    When several errors occur the lowest of these codes is used.
    """
}
