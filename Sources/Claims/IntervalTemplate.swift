/// How a qualifier turns a number x into an interval, written in rule files as
/// "[x, inf)", "(x, inf)", "[x*0.9, x)", "[x/2, x]" or "[0, x]".
public struct IntervalTemplate: Equatable, Sendable {
    /// One end: nil = unbounded, otherwise factor·x + constant.
    public struct Bound: Equatable, Sendable {
        public var factor: Double
        public var constant: Double
        func value(_ x: Double) -> Double { factor * x + constant }
    }

    public var low: Bound?
    public var high: Bound?
    public var lowInclusive: Bool
    public var highInclusive: Bool
    /// The floor set against rival figures (a qualifier's `rival-low`, "x/2"), if any.
    public var rivalLow: Bound?

    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces
        guard let first = trimmed.first, let last = trimmed.last, "[(".contains(first), "])".contains(last) else {
            return nil
        }
        let inner = trimmed.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
        guard inner.count == 2,
              let low = IntervalTemplate.bound(String(inner[0]).trimmingSpaces),
              let high = IntervalTemplate.bound(String(inner[1]).trimmingSpaces) else { return nil }
        self.low = low.bound
        self.high = high.bound
        lowInclusive = first == "["
        highInclusive = last == "]"
    }

    /// One finite bound ("x/2", "0.5*x", "100"), e.g. a qualifier's `rival-low`.
    public static func finiteBound(_ text: String) -> Bound? {
        guard let parsed = bound(text.trimmingSpaces), let bound = parsed.bound else { return nil }
        return bound
    }

    /// Parses "inf", "-inf", "x", "x*0.9", "0.9*x", "x/2", "500"; the outer optional is failure.
    private static func bound(_ text: String) -> (bound: Bound?, Void)? {
        let lower = text.lowercased().replacingOccurrences(of: " ", with: "")
        if ["inf", "+inf", "-inf", "∞", "-∞"].contains(lower) { return (nil, ()) }
        // Double reads "nan" and "1e999" too: a NaN bound matched nothing and silently lost
        // every claim using it, so only finite numbers (and the inf spellings above) pass.
        if let constant = Double(lower) { return constant.isFinite ? (Bound(factor: 0, constant: constant), ()) : nil }
        guard let xIndex = lower.firstIndex(of: "x") else { return nil }
        let before = String(lower[..<xIndex])
        let after = String(lower[lower.index(after: xIndex)...])
        var factor = 1.0
        if !before.isEmpty {
            let number = before.hasSuffix("*") ? String(before.dropLast()) : before
            guard let value = Double(number), value.isFinite else { return nil }
            factor = value
        }
        if !after.isEmpty {
            guard let op = after.first, let value = Double(after.dropFirst()), value != 0, value.isFinite else { return nil }
            switch op {
            case "*": factor *= value
            case "/": factor /= value
            default: return nil
            }
        }
        return (Bound(factor: factor, constant: 0), ())
    }

    public func apply(_ x: Double, approx: Bool) -> Interval {
        var interval = Interval(low: low?.value(x), high: high?.value(x),
                                lowInclusive: lowInclusive, highInclusive: highInclusive, approx: approx)
        interval.rivalLow = rivalLow?.value(x)
        return interval
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// Lowercased with runs of whitespace (and hyphens, optionally) folded to one space.
    func folded(hyphens: Bool = false) -> String {
        var result = ""
        var pendingSpace = false
        for character in lowercased() {
            if character.isWhitespace || (hyphens && (character == "-" || character == "‐" || character == "–")) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
}
