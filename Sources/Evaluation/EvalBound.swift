import Claims

/// A `--min KEY=VALUE` or `--max KEY=VALUE` bound on one of the report's figures.
public struct EvalBound: Equatable, Sendable {
    public enum Side: String, Sendable { case min, max }
    public var side: Side
    public var key: String
    public var value: Double

    /// "found=0.95", "found=95%", "false-alarms=1"; nil with a message when malformed.
    public static func parse(_ text: String, side: Side) -> Result<EvalBound, BoundError> {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return .failure(BoundError(.boundNotKeyValue(text))) }
        let key = parts[0]
        guard EvalReport.figureKeys.contains(key) else {
            return .failure(BoundError(.unknownFigure(key, known: EvalReport.figureKeys)))
        }
        var number = parts[1]
        let isPercent = number.hasSuffix("%")
        if isPercent { number.removeLast() }
        guard var value = Double(number), value.isFinite else {
            return .failure(BoundError(.boundNotANumber(parts[1], in: text)))
        }
        if isPercent { value /= 100 }
        return .success(EvalBound(side: side, key: key, value: value))
    }

    /// The message when the report falls outside this bound, nil when it holds.
    public func violation(in report: EvalReport) -> String? {
        guard let actual = report.figures.first(where: { $0.key == key })?.value else { return nil }
        let holds = side == .min ? actual >= value - 1e-12 : actual <= value + 1e-12
        if holds { return nil }
        return Issue.Evaluation.boundViolated(figure: key, actual: Self.format(actual), belowMinimum: side == .min,
                                              bound: Self.format(value)).message
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String((value * 10000).rounded() / 10000)
    }
}

public struct BoundError: Error {
    public let issue: Issue.Evaluation
    init(_ issue: Issue.Evaluation) { self.issue = issue }
    public var message: String { issue.message }
}
