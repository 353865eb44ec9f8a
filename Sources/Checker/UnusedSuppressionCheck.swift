import Claims

/// A suppression comment that silenced nothing: the text it guarded changed, or its check
/// list is wrong. Runs over the suppressions the other checks left unused.
public struct UnusedSuppressionCheck: DescribedCheck {
    public static let descriptor = CheckDescriptor(
        id: "unused-suppression", name: "UnusedSuppression",
        summary: "A claimcheck-disable comment that silenced nothing.",
        description: "A claimcheck-disable comment (next line, block or file) under which no finding of the named checks starts: it hides nothing today and would hide a new finding tomorrow.",
        defaultSeverity: .info,
        help: "Remove the comment, or fix its check list.",
        helpAnchor: "suppressions-and-baselines")

    public init() {}

    public func run(_ unused: [Suppression], severity: Severity, options: CheckOptions) -> [Finding] {
        unused.map { suppression in
            let what = suppression.checks.isEmpty ? "any check" : suppression.checks.joined(separator: ", ")
            let place: String
            switch suppression.scope {
            case .nextLine: place = "on line \(suppression.targetLine)"
            case .block: place = "on lines \(suppression.covered.lowerBound)-\(suppression.covered.upperBound)"
            case .file: place = "in this file"
            }
            let fingerprint = Fingerprint.make([Self.id, Fingerprint.path(suppression.file, root: options.root),
                                                suppression.checks.joined(separator: ","), suppression.targetText]
                                               + (suppression.scope == .nextLine ? [] : [suppression.scope.rawValue]))
            return Finding(check: Self.id, severity: severity, message: "suppression of \(what) matched no finding \(place)",
                           claims: [], fingerprint: fingerprint,
                           location: SourceLocation(file: suppression.file, line: suppression.line, column: suppression.column))
        }
    }
}
