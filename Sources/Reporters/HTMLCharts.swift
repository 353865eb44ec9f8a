import Claims
import Foundation

/// Geometry for a finding's number line: one row per claim on a shared axis, the interval
/// as a dark bar with filled (closed) or hollow (open) ends, arrows for unbounded ends, and
/// the tolerance an approximate value is widened by as a lighter band around it. The
/// template draws it as SVG.
enum HTMLNumberLine {
    static let width = 560.0
    static let left = 44.0
    static let right = 24.0
    static let rowHeight = 26.0
    static let axisHeight = 30.0

    static func build(_ claims: [Claim], tolerance: Double) -> [String: Any]? {
        let values = claims.map(\.value)
        let widened = values.map { $0.widened(by: tolerance) }
        let finite = (values + widened).flatMap { [$0.low, $0.high].compactMap { $0 } }.filter(\.isFinite)
        guard var low = finite.min(), var high = finite.max() else { return nil }
        if low == high {
            let pad = max(abs(low) * 0.1, 1)
            low -= pad
            high += pad
        }
        let span = high - low
        let unboundedLow = values.contains { $0.low == nil }
        let unboundedHigh = values.contains { $0.high == nil }
        let axisLow = low - span * (unboundedLow ? 0.15 : 0.05)
        let axisHigh = high + span * (unboundedHigh ? 0.15 : 0.05)
        let plot = width - left - right
        func x(_ value: Double?, _ fallback: Double) -> Double {
            guard let value else { return fallback }
            return left + (value - axisLow) / (axisHigh - axisLow) * plot
        }
        let start = left, end = width - right

        var rows: [[String: Any]] = []
        for (index, value) in values.enumerated() {
            let y = 10 + Double(index) * rowHeight
            let band = widened[index]
            let hasBand = value.approx && tolerance > 0 && band != value
            let coreLow = x(value.low, start), coreHigh = x(value.high, end)
            let bandLow = x(band.low, start), bandHigh = x(band.high, end)
            var ends: [[String: Any]] = []
            var arrows: [[String: Any]] = []
            if let lowValue = value.low {
                ends.append(["x": number(x(lowValue, start)), "closed": value.lowInclusive])
            } else {
                arrows.append(["points": points([(start - 6, y), (start + 2, y - 5), (start + 2, y + 5)])])
            }
            if let highValue = value.high, !(value.isPoint && ends.count == 1) {
                ends.append(["x": number(x(highValue, end)), "closed": value.highInclusive])
            } else if value.high == nil {
                arrows.append(["points": points([(end + 6, y), (end - 2, y - 5), (end - 2, y + 5)])])
            }
            rows.append([
                "number": index + 1,
                "y": number(y),
                "labelY": number(y + 4),
                "barY": number(y - 3),
                "bandY": number(y - 6),
                "hasBand": hasBand,
                "bandX": number(bandLow),
                "bandWidth": number(max(bandHigh - bandLow, 1)),
                "coreX": number(coreLow),
                "coreWidth": number(max(coreHigh - coreLow, 0)),
                "ends": ends,
                "arrows": arrows,
                "text": value.description + (hasBand ? ", widened to " + band.description : ""),
            ])
        }
        let axisY = 10 + Double(values.count) * rowHeight - 6
        let ticks = niceTicks(low: low, high: high).map { tick -> [String: Any] in
            ["x": number(x(tick, start)), "label": Interval.format(tick)]
        }
        return [
            "width": number(width),
            "height": number(axisY + axisHeight),
            "rows": rows,
            "axisY": number(axisY),
            "tickY": number(axisY + 5),
            "tickLabelY": number(axisY + 18),
            "axisStart": number(start),
            "axisEnd": number(end),
            "ticks": ticks,
            "description": "Number line of the claims' intervals: "
                + values.enumerated().map { "#\($0.offset + 1) \($0.element.description)" }.joined(separator: ", "),
        ]
    }

    /// Three to six round values between `low` and `high`.
    static func niceTicks(low: Double, high: Double) -> [Double] {
        let span = high - low
        guard span > 0, span.isFinite else { return [low] }
        let rough = span / 4
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? rough
        var ticks: [Double] = []
        var tick = ceil(low / step) * step
        while tick <= high + step * 1e-9, ticks.count < 8 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return ticks
    }

    static func number(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static func points(_ pairs: [(Double, Double)]) -> String {
        pairs.map { number($0.0) + "," + number($0.1) }.joined(separator: " ")
    }
}

/// Geometry for a share-sum finding: each claim's share (its widened lower bound, as the
/// check counts it) stacked in one bar, against a line at 100%.
enum HTMLShareBar {
    static let width = 560.0
    static let left = 10.0
    static let right = 10.0

    static func build(_ claims: [Claim], tolerance: Double) -> [String: Any]? {
        let shares = claims.map { max($0.value.widened(by: tolerance).low ?? 0, 0) }
        let total = shares.reduce(0, +)
        guard total > 0 else { return nil }
        let scale = max(total, 100) * 1.08
        let plot = width - left - right
        var x = left
        var segments: [[String: Any]] = []
        for (index, share) in shares.enumerated() {
            let segmentWidth = share / scale * plot
            segments.append([
                "number": index + 1,
                "x": HTMLNumberLine.number(x),
                "width": HTMLNumberLine.number(segmentWidth),
                "labelX": HTMLNumberLine.number(x + segmentWidth / 2),
                "showLabel": segmentWidth >= 24,
                "kc": "kc\(index % HTMLViewModel.palette)",
                "text": "#\(index + 1) ≥ \(Interval.format(share))",
            ])
            x += segmentWidth
        }
        let full = left + 100 / scale * plot
        return [
            "width": HTMLNumberLine.number(width),
            "segments": segments,
            "hundredX": HTMLNumberLine.number(full),
            "hundredLabelX": HTMLNumberLine.number(full),
            "total": Interval.format(total),
            "description": "Stacked bar: the shares add up to \(Interval.format(total)), against a line at 100",
        ]
    }
}
