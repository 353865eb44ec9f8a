import Foundation
import XCTest
@testable import Claims

final class IntervalTests: XCTestCase {
    func testDescriptions() {
        XCTAssertEqual(Interval(low: 100_000, high: nil).description, "[100000, ∞)")
        XCTAssertEqual(Interval(low: 80, high: 100, lowInclusive: false).description, "(80, 100]")
        XCTAssertEqual(Interval.point(1000, approx: true).description, "~1000")
        XCTAssertEqual(Interval.point(1000).description, "1000")
        XCTAssertEqual(Interval(low: 1000, high: 25000, approx: true).description, "~[1000, 25000]")
        XCTAssertEqual(Interval(low: nil, high: 50, highInclusive: false).description, "(-∞, 50)")
        XCTAssertEqual(Interval(low: nil, high: nil).description, "(-∞, ∞)")
        XCTAssertEqual(Interval(low: 900, high: 1000, highInclusive: false, approx: true).description, "~[900, 1000)")
        XCTAssertEqual(Interval.point(9.9).description, "9.9")
        XCTAssertEqual(Interval.point(24140.16).description, "24140.16")
    }

    func testFormat() {
        XCTAssertEqual(Interval.format(0), "0")
        XCTAssertEqual(Interval.format(-3), "-3")
        XCTAssertEqual(Interval.format(2.5), "2.5")
        XCTAssertEqual(Interval.format(-2.5), "-2.5")
        XCTAssertEqual(Interval.format(42164.8128), "42164.81")
        XCTAssertEqual(Interval.format(0.125), "0.13")
        XCTAssertEqual(Interval.format(10.001), "10")
        XCTAssertEqual(Interval.format(0.004), "0.004")
        XCTAssertEqual(Interval.format(0.0254), "0.025")
        XCTAssertEqual(Interval.format(-0.00015), "-0.00015")
        XCTAssertEqual(Interval.format(0.3048), "0.3")
        XCTAssertEqual(Interval.format(1e-300), "0")
        XCTAssertEqual(Interval.format(1_000_000_000), "1000000000")
        XCTAssertEqual(Interval.format(1e15), "1000000000000000")
    }

    func testUnboundedEndsAreNeverInclusive() {
        let interval = Interval(low: nil, high: nil, lowInclusive: true, highInclusive: true)
        XCTAssertFalse(interval.lowInclusive)
        XCTAssertFalse(interval.highInclusive)
        XCTAssertFalse(interval.isPoint)
        XCTAssertTrue(Interval.point(3).isPoint)
        XCTAssertFalse(Interval(low: 3, high: 4).isPoint)
    }

    func testOverlapsWithClosedEnds() {
        XCTAssertTrue(Interval(low: 0, high: 10).overlaps(Interval(low: 10, high: 20)))
        XCTAssertTrue(Interval(low: 10, high: 20).overlaps(Interval(low: 0, high: 10)))
        XCTAssertFalse(Interval(low: 0, high: 9).overlaps(Interval(low: 10, high: 20)))
        XCTAssertTrue(Interval(low: 0, high: 30).overlaps(Interval(low: 10, high: 20)), "containment")
        XCTAssertTrue(Interval.point(5).overlaps(.point(5)))
        XCTAssertFalse(Interval.point(5).overlaps(.point(6)))
    }

    func testOverlapsWithOpenEnds() {
        XCTAssertFalse(Interval(low: 0, high: 10, highInclusive: false).overlaps(Interval(low: 10, high: 20)))
        XCTAssertFalse(Interval(low: 0, high: 10).overlaps(Interval(low: 10, high: 20, lowInclusive: false)))
        XCTAssertFalse(Interval(low: 80, high: 100, lowInclusive: false).overlaps(.point(80)))
        XCTAssertTrue(Interval(low: 80, high: 100, lowInclusive: false).overlaps(.point(80.5)))
        XCTAssertTrue(Interval(low: 0, high: 10, highInclusive: false).overlaps(Interval(low: 9.99, high: 20, lowInclusive: false)))
    }

    func testOverlapsWithUnboundedEnds() {
        let atLeast = Interval(low: 100_000, high: nil)
        XCTAssertTrue(atLeast.overlaps(.point(200_000)))
        XCTAssertTrue(atLeast.overlaps(.point(100_000)))
        XCTAssertFalse(atLeast.overlaps(.point(99_999)))
        XCTAssertTrue(atLeast.overlaps(Interval(low: nil, high: 100_000)))
        XCTAssertFalse(atLeast.overlaps(Interval(low: nil, high: 100_000, highInclusive: false)))
        XCTAssertTrue(Interval(low: nil, high: nil).overlaps(.point(-1e9)))
        XCTAssertTrue(Interval(low: 5, high: nil).overlaps(Interval(low: 1000, high: nil)))
    }

    func testWidenedOnlyApproximateIntervals() {
        XCTAssertEqual(Interval.point(1000, approx: true).widened(by: 0.1),
                       Interval(low: 900, high: 1100, approx: true))
        XCTAssertEqual(Interval.point(1000).widened(by: 0.1), .point(1000), "exact figures are not widened")
        XCTAssertEqual(Interval.point(1000, approx: true).widened(by: 0), .point(1000, approx: true))
        XCTAssertEqual(Interval(low: 1000, high: nil, approx: true).widened(by: 0.5),
                       Interval(low: 500, high: nil, approx: true))
        XCTAssertEqual(Interval(low: -10, high: 10, approx: true).widened(by: 0.1),
                       Interval(low: -11, high: 11, approx: true))
        let open = Interval(low: 900, high: 1000, highInclusive: false, approx: true).widened(by: 0.1)
        XCTAssertEqual(open.low, 810)
        XCTAssertEqual(open.high, 1100)
        XCTAssertFalse(open.highInclusive, "widening keeps the ends' openness")
    }

    func testClamped() {
        let moreThan80 = Interval(low: 80, high: nil, lowInclusive: false)
        XCTAssertEqual(moreThan80.clamped(min: 0, max: 100), Interval(low: 80, high: 100, lowInclusive: false))
        XCTAssertEqual(moreThan80.clamped(min: 0, max: 100).description, "(80, 100]")
        XCTAssertEqual(Interval(low: -5, high: 50).clamped(min: 0, max: 100), Interval(low: 0, high: 50))
        XCTAssertEqual(Interval(low: nil, high: 50, highInclusive: false).clamped(min: 0, max: nil),
                       Interval(low: 0, high: 50, highInclusive: false))
        XCTAssertEqual(Interval(low: 10, high: 120, lowInclusive: false, highInclusive: false).clamped(min: 0, max: 100),
                       Interval(low: 10, high: 100, lowInclusive: false, highInclusive: true))
        XCTAssertEqual(Interval(low: 10, high: 20).clamped(min: nil, max: nil), Interval(low: 10, high: 20))
        XCTAssertEqual(Interval.point(150, approx: true).clamped(min: 0, max: 100),
                       Interval(low: 150, high: 100, approx: true), "clamping does not reorder ends")
    }

    func testScaled() {
        XCTAssertEqual(Interval(low: 15, high: nil).scaled(by: 1609.344), Interval(low: 24140.16, high: nil))
        XCTAssertEqual(Interval.point(2, approx: true).scaled(by: 1000), .point(2000, approx: true))
        XCTAssertEqual(Interval.point(6).scaled(by: 0.3048), .point(1.8288), "rounded to a millionth")
        XCTAssertEqual(Interval.point(16.25).scaled(by: 1e-9), .point(1.625e-8), "not rounded to zero below a millimetre")
        XCTAssertEqual(Interval.point(0.5).scaled(by: 0.001), .point(0.0005))
    }

    func testCodableRoundTrip() throws {
        let interval = Interval(low: 80, high: nil, lowInclusive: false, approx: true)
        let data = try JSONEncoder().encode(interval)
        XCTAssertEqual(try JSONDecoder().decode(Interval.self, from: data), interval)
    }

    func testAgainstRivalsRaisesTheLowEndOnly() {
        var upTo = Interval(low: 0, high: 25, approx: true)
        upTo.rivalLow = 12.5
        XCTAssertEqual(upTo.againstRivals, Interval(low: 12.5, high: 25, approx: true))
        XCTAssertEqual(upTo.scaled(by: 1000).againstRivals, Interval(low: 12_500, high: 25_000, approx: true), "converted with the figure")
        XCTAssertEqual(Interval(low: 5, high: 10).againstRivals, Interval(low: 5, high: 10), "no rival floor, no change")
        var share = Interval(low: 0, high: 140)
        share.rivalLow = 120
        XCTAssertEqual(share.clamped(min: 0, max: 100).againstRivals, Interval(low: 100, high: 100), "clamped with the bounds")
        // The floor stays out of the JSON contract.
        let data = try! JSONEncoder().encode(upTo)
        XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("rival"))
    }
}
