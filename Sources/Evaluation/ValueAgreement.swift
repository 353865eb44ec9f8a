import Claims

/// When a produced interval says what a label says.
///
/// Each end is compared on its own: two finite ends agree within 1%, or within the tolerance
/// when either side is approximate ("about 500", "nearly 150"). An open end in the label
/// ("at least 200" has no upper end) is matched by an open end, by a share's cap at 100%, or
/// by a count's floor at 0, which are how claimcheck closes such ends. A vague label
/// ("thousands") gives only the scale's floor, so its upper end is not compared.
public enum ValueAgreement {
    public static let exactTolerance = 0.01

    public static func agrees(_ label: LabelledClaim, _ produced: Interval, tolerance: Double) -> Bool {
        let slack = label.approx || label.vague || produced.approx ? max(tolerance, exactTolerance) : exactTolerance
        let lowAgrees: Bool
        if let expected = label.low {
            lowAgrees = produced.low.map { close(expected, $0, slack) } ?? false
        } else {
            lowAgrees = produced.low == nil || produced.low == 0
        }
        let highAgrees: Bool
        if label.vague, label.high == nil {
            highAgrees = true
        } else if let expected = label.high {
            highAgrees = produced.high.map { close(expected, $0, slack) } ?? false
        } else {
            highAgrees = produced.high == nil || (produced.high == 100 && label.unit == "percent")
        }
        return lowAgrees && highAgrees
    }

    static func close(_ a: Double, _ b: Double, _ slack: Double) -> Bool {
        abs(a - b) <= slack * max(abs(a), abs(b)) + 1e-9
    }
}
