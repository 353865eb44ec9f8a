import XCTest
@testable import Claims

final class IntervalTemplateTests: XCTestCase {
    private func apply(_ text: String, _ x: Double, approx: Bool = false) -> String? {
        IntervalTemplate(text)?.apply(x, approx: approx).description
    }

    func testAtLeast() throws {
        let template = try XCTUnwrap(IntervalTemplate("[x, inf)"))
        XCTAssertEqual(template.low, IntervalTemplate.Bound(factor: 1, constant: 0))
        XCTAssertNil(template.high)
        XCTAssertTrue(template.lowInclusive)
        XCTAssertFalse(template.highInclusive)
        XCTAssertEqual(template.apply(100_000, approx: false), Interval(low: 100_000, high: nil))
    }

    func testTemplatesApplied() {
        XCTAssertEqual(apply("[x, inf)", 5), "[5, ∞)")
        XCTAssertEqual(apply("(x, inf)", 80), "(80, ∞)")
        XCTAssertEqual(apply("[x*0.9, x)", 100, approx: true), "~[90, 100)")
        XCTAssertEqual(apply("[0.9*x, x)", 100), "[90, 100)")
        XCTAssertEqual(apply("[x/2, x]", 80_000, approx: true), "~[40000, 80000]")
        XCTAssertEqual(apply("[0, x]", 50), "[0, 50]")
        XCTAssertEqual(apply("[0, x)", 50), "[0, 50)")
        XCTAssertEqual(apply("[x, x]", 7, approx: true), "~7")
        XCTAssertEqual(apply("[1000, 25000]", 0), "[1000, 25000]")
        XCTAssertEqual(apply("(-inf, x]", 3), "(-∞, 3]")
        XCTAssertEqual(apply("[x, ∞)", 3), "[3, ∞)")
        XCTAssertEqual(apply("[x, +inf)", 3), "[3, ∞)")
        XCTAssertEqual(apply("[X, INF)", 3), "[3, ∞)")
    }

    func testRivalLowIsAppliedWithTheInterval() throws {
        var template = try XCTUnwrap(IntervalTemplate("[0, x]"))
        template.rivalLow = try XCTUnwrap(IntervalTemplate.finiteBound(" x / 2 "))
        let interval = template.apply(60_000, approx: true)
        XCTAssertEqual(interval.description, "~[0, 60000]")
        XCTAssertEqual(interval.rivalLow, 30_000)
        XCTAssertEqual(interval.againstRivals.description, "~[30000, 60000]")
        XCTAssertNil(IntervalTemplate.finiteBound("inf"))
        XCTAssertNil(IntervalTemplate.finiteBound("y/2"))
    }

    func testSpacesAreIgnored() {
        XCTAssertEqual(apply("  [ x * 0.9 ,  x )  ", 100), "[90, 100)")
        XCTAssertEqual(apply("[x / 2, x]", 10), "[5, 10]")
    }

    func testUnboundedEndIsNeverInclusive() {
        XCTAssertEqual(apply("[x, inf]", 5), "[5, ∞)")
    }

    func testBadInput() {
        for text in ["", "x", "[x]", "[x, x, x]", "[x, y]", "[x, inf", "x, inf)", "{x, x}", "[x+1, inf)",
                     "[x/0, x]", "[x*, x]", "[*x, x]", "[, x]", "[x, ]", "[two, x]", "[x%2, x]"] {
            XCTAssertNil(IntervalTemplate(text), text)
        }
    }
}
