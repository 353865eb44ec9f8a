import Claims

/// Parses a tolerance as a fraction below 1 ("0.1") or a percentage below 100 ("10%").
public enum Tolerance {
    public static let help = "a fraction below 1 (0.1) or a percentage below 100 (\"10%\")"

    public static func parse(_ text: String) -> Double? {
        let trimmed = text.split(whereSeparator: { $0.isWhitespace }).joined()
        if trimmed.hasSuffix("%") {
            guard let percent = Double(trimmed.dropLast()), percent >= 0, percent < 100 else { return nil }
            return percent / 100
        }
        guard let fraction = Double(trimmed), fraction >= 0, fraction < 1 else { return nil }
        return fraction
    }

    /// "10%", "2.5%": how `config show` prints a tolerance.
    public static func describe(_ fraction: Double) -> String {
        let percent = (fraction * 1000).rounded() / 10
        return percent == percent.rounded() ? "\(Int(percent))%" : "\(percent)%"
    }
}

extension Claim {
    /// The claim's value against a rival, widened by `tolerance` and closed, as plain numbers
    /// for sweeps: a missing end is ∓∞, and NaN counts as missing (it compares false either way).
    func widenedBounds(by tolerance: Double) -> (low: Double, high: Double) {
        let closed = value.againstRivals.widened(by: tolerance).closed
        return (closed.low.flatMap { $0.isNaN ? nil : $0 } ?? -.infinity, closed.high.flatMap { $0.isNaN ? nil : $0 } ?? .infinity)
    }
}
