/// A numeric interval whose ends may be open, closed or unbounded. `approx` marks a figure
/// the text itself hedges ("about", "some", "thousands"); comparisons widen such intervals.
public struct Interval: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// nil means unbounded below.
    public var low: Double?
    /// nil means unbounded above.
    public var high: Double?
    public var lowInclusive: Bool
    public var highInclusive: Bool
    public var approx: Bool
    /// A vague quantity ("hundreds", "tens of thousands"): a scale, not a figure.
    public var vague = false
    /// The floor a figure asserts against another voice's figure: "as many as 60,000" bounds
    /// the crowd at 60,000 but claims it reached about that, so police's 9,000 contradicts it.
    /// Outside the JSON contract, like `vague`.
    public var rivalLow: Double?

    enum CodingKeys: String, CodingKey { case low, high, lowInclusive, highInclusive, approx }

    public init(low: Double?, high: Double?, lowInclusive: Bool = true,
                highInclusive: Bool = true, approx: Bool = false) {
        self.low = low
        self.high = high
        self.lowInclusive = low == nil ? false : lowInclusive
        self.highInclusive = high == nil ? false : highInclusive
        self.approx = approx
    }

    public static func point(_ value: Double, approx: Bool = false) -> Interval {
        Interval(low: value, high: value, approx: approx)
    }

    public var isPoint: Bool { low != nil && low == high }

    /// No number lies inside ("more than 120%" clamped to [0, 100]).
    public var isEmpty: Bool {
        guard let low, let high else { return false }
        return low > high || (low == high && !(lowInclusive && highInclusive))
    }

    /// Converts units; the result is rounded to a millionth so 3,000 feet is 914.4 m, not
    /// 914.4000000000001.
    public func scaled(by factor: Double) -> Interval {
        guard factor != 1 else { return self }
        // Rounded to a millionth (6 ft is 1.8288 m, not 1.8288000000000002), and to at least
        // four significant digits below a millimetre, so 16.25 nanometres stays 1.625e-8 m.
        func convert(_ value: Double) -> Double {
            let product = value * factor
            guard product != 0, abs(product) < 1e9 else { return product }
            var scale = 1e6
            while abs(product) * scale < 1e3, scale < 1e300 { scale *= 10 }
            return (product * scale).rounded() / scale
        }
        var copy = self
        copy.low = low.map(convert)
        copy.high = high.map(convert)
        copy.rivalLow = rivalLow.map(convert)
        return copy
    }

    /// The interval set against a rival figure: raised to `rivalLow` where it has one.
    public var againstRivals: Interval {
        guard let rivalLow else { return self }
        var copy = self
        copy.rivalLow = nil
        if low.map({ rivalLow > $0 }) ?? true {
            copy.low = rivalLow
            copy.lowInclusive = true
        }
        return copy
    }

    /// Clamps to `[min, max]`, e.g. percentages of a vote to [0, 100].
    public func clamped(min lower: Double?, max upper: Double?) -> Interval {
        var copy = self
        if let lower, copy.low.map({ $0 < lower }) ?? true {
            copy.low = lower
            copy.lowInclusive = true
        }
        if let lower, let rival = copy.rivalLow, rival < lower { copy.rivalLow = lower }
        if let upper, let rival = copy.rivalLow, rival > upper { copy.rivalLow = upper }
        if let upper, copy.high.map({ $0 > upper }) ?? true {
            copy.high = upper
            copy.highInclusive = true
        }
        return copy
    }

    /// Widens an approximate interval by `tolerance` (0.1 = 10%) on each finite end.
    public func widened(by tolerance: Double) -> Interval {
        guard approx, tolerance > 0 else { return self }
        var copy = self
        copy.low = low.map { $0 - abs($0) * tolerance }
        copy.high = high.map { $0 + abs($0) * tolerance }
        return copy
    }

    /// The same interval with its finite ends included.
    public var closed: Interval {
        var copy = self
        copy.lowInclusive = low != nil
        copy.highInclusive = high != nil
        return copy
    }

    /// True when some number lies in both intervals.
    public func overlaps(_ other: Interval) -> Bool {
        !Interval.endsBefore(high: high, inclusive: highInclusive, low: other.low, inclusive: other.lowInclusive)
            && !Interval.endsBefore(high: other.high, inclusive: other.highInclusive, low: low, inclusive: lowInclusive)
    }

    private static func endsBefore(high: Double?, inclusive hi: Bool, low: Double?, inclusive lo: Bool) -> Bool {
        guard let high, let low else { return false }
        if high < low { return true }
        if high == low { return !(hi && lo) }
        return false
    }

    /// "[100000, ∞)", "(80, 100]", "1000", "~1000", "~[1000, 25000]".
    public var description: String {
        let prefix = approx ? "~" : ""
        if isPoint, let low { return prefix + Interval.format(low) }
        let left = lowInclusive ? "[" : "("
        let right = highInclusive ? "]" : ")"
        let lowText = low.map(Interval.format) ?? "-∞"
        let highText = high.map(Interval.format) ?? "∞"
        return "\(prefix)\(left)\(lowText), \(highText)\(right)"
    }

    /// Whole numbers print without a fraction; others with at most two decimals, or two
    /// significant digits below 0.1 (4 mm is "0.004" m, not "0").
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : value < 0 ? "-∞" : "nan" }
        if value == value.rounded(), abs(value) < 9e18 { return String(Int64(value)) }
        // Beyond what two decimals can show exactly, Swift's shortest round-trip form.
        if abs(value) >= 1e15 { return "\(value)" }
        var decimals = 2
        var scale = 100.0
        while decimals < 12, abs(value) * scale < 10 {
            decimals += 1
            scale *= 10
        }
        var text = String(fixed: value, decimals: decimals, scale: scale)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

extension String {
    /// Fixed-point formatting (`scale` is 10^decimals) without Foundation's locale-dependent formatters.
    init(fixed value: Double, decimals: Int, scale: Double) {
        let scaled = (value * scale).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int64(abs(scaled))
        let unit = Int64(scale)
        let fraction = String(magnitude % unit)
        self = "\(sign)\(magnitude / unit)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
