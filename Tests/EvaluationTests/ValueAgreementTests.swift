import Claims
import XCTest
@testable import Evaluation

final class ValueAgreementTests: XCTestCase {
    private func label(_ low: Double?, _ high: Double?, approx: Bool = false, vague: Bool = false,
                       unit: String = "people") -> LabelledClaim {
        LabelledClaim(quote: "q", kind: "crowd", low: low, high: high, unit: unit, sourced: false, approx: approx, vague: vague)
    }

    func testExactBoundsAgreeWithinOnePercent() {
        XCTAssertTrue(ValueAgreement.agrees(label(148, 148), .point(148), tolerance: 0.1))
        XCTAssertTrue(ValueAgreement.agrees(label(1000, 1000), .point(1009), tolerance: 0.1))
        XCTAssertFalse(ValueAgreement.agrees(label(1000, 1000), .point(1020), tolerance: 0.1))
    }

    func testApproximateValuesAgreeWithinTheTolerance() {
        // "nearly 150" is [135, 150) approximately.
        XCTAssertTrue(ValueAgreement.agrees(label(150, 150, approx: true),
                                            Interval(low: 135, high: 150, highInclusive: false, approx: true), tolerance: 0.1))
        XCTAssertFalse(ValueAgreement.agrees(label(150, 150, approx: true), .point(120, approx: true), tolerance: 0.1))
    }

    func testOpenEndsMatchOpenEndsCapsAndFloors() {
        XCTAssertTrue(ValueAgreement.agrees(label(200, nil), Interval(low: 200, high: nil), tolerance: 0.1))
        XCTAssertFalse(ValueAgreement.agrees(label(200, nil), .point(200), tolerance: 0.1))
        XCTAssertTrue(ValueAgreement.agrees(label(80, nil, unit: "percent"), Interval(low: 80, high: 100, lowInclusive: false),
                                            tolerance: 0.1))
        XCTAssertFalse(ValueAgreement.agrees(label(80, nil), Interval(low: 80, high: 100), tolerance: 0.1))
        XCTAssertTrue(ValueAgreement.agrees(label(nil, 500), Interval(low: 0, high: 500), tolerance: 0.1))
    }

    func testVagueLabelsCompareOnlyTheirFloor() {
        XCTAssertTrue(ValueAgreement.agrees(label(1000, nil, vague: true), Interval(low: 1000, high: 40000, approx: true),
                                            tolerance: 0.1))
        XCTAssertFalse(ValueAgreement.agrees(label(10000, nil, vague: true), Interval(low: 1000, high: 40000, approx: true),
                                             tolerance: 0.1))
    }
}
