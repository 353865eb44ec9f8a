import XCTest
@testable import Claims

final class NumberParserTests: XCTestCase {
    private let parser = NumberParser(lexicon: Shipped.lexicon)

    private func value(_ text: String) -> Double? {
        guard case .exact(let value, _)? = parser.parse(text) else { return nil }
        return value
    }

    func testDigits() {
        XCTAssertEqual(parser.parse("100,000"), .exact(100_000, scale: nil))
        XCTAssertEqual(parser.parse("12.5"), .exact(12.5, scale: nil))
        XCTAssertEqual(parser.parse("2,500"), .exact(2500, scale: nil))
        XCTAssertEqual(parser.parse("7"), .exact(7, scale: nil))
        XCTAssertEqual(parser.parse("1,234,567.5"), .exact(1_234_567.5, scale: nil))
    }

    func testDigitsWithScale() {
        XCTAssertEqual(parser.parse("1.5 million"), .exact(1_500_000, scale: 1_000_000))
        XCTAssertEqual(parser.parse("2 billion"), .exact(2_000_000_000, scale: 1_000_000_000))
        XCTAssertEqual(parser.parse("3 bn"), .exact(3_000_000_000, scale: 1_000_000_000))
        XCTAssertEqual(parser.parse("1.2 Million"), .exact(1_200_000, scale: 1_000_000))
        XCTAssertEqual(parser.parse("40  thousand"), .exact(40_000, scale: 1000))
        XCTAssertNil(parser.parse("5 kilos"), "an unknown word after the digits is not a scale")
    }

    func testWords() {
        XCTAssertEqual(parser.parse("two million"), .exact(2_000_000, scale: 1_000_000))
        XCTAssertEqual(parser.parse("twenty-five thousand"), .exact(25_000, scale: 1000))
        XCTAssertEqual(value("twenty five thousand"), 25_000)
        XCTAssertEqual(parser.parse("half a million"), .exact(500_000, scale: 1_000_000))
        // "dozen" multiplies like "hundred": a dozen is 12, two dozen 24.
        XCTAssertEqual(parser.parse("a dozen"), .exact(12, scale: 12))
        XCTAssertEqual(parser.parse("dozen"), .exact(12, scale: 12))
        XCTAssertEqual(value("two dozen"), 24)
        XCTAssertEqual(value("three dozen"), 36)
        XCTAssertEqual(parser.parse("one and a half million"), .exact(1_500_000, scale: 1_000_000))
        XCTAssertEqual(value("a hundred"), 100)
        XCTAssertEqual(value("a thousand"), 1000)
        XCTAssertEqual(value("an estimated"), nil)
        XCTAssertEqual(value("a"), 1, "a lone article is one (\"a mile\"): only length rules capture it")
        XCTAssertEqual(value("three hundred"), 300)
        XCTAssertEqual(value("one hundred and five"), 105)
        XCTAssertEqual(value("two hundred thousand"), 200_000)
        XCTAssertEqual(value("one million two hundred thousand"), 1_200_000)
        XCTAssertEqual(value("Fifty"), 50)
        XCTAssertEqual(value("ninety-nine"), 99)
        XCTAssertEqual(value("half"), 0.5, "(?&number) never captures a bare half; (?&half_number) does for lengths")
        XCTAssertEqual(value("half a"), 0.5)
        XCTAssertEqual(value("a half"), 0.5)
        XCTAssertEqual(value("one and a half"), 1.5)
        XCTAssertEqual(value("one-half"), 0.5, "one half is a half, not one and a half")
        XCTAssertEqual(value("one half"), 0.5)
        XCTAssertEqual(value("two and a half"), 2.5)
        XCTAssertEqual(value("two point five"), 2.5)
        XCTAssertEqual(value("three point one four"), 3.14)
        XCTAssertEqual(value("two point five million"), 2_500_000)
        XCTAssertNil(parser.parse("point five"), "decimals need a whole part")
        XCTAssertNil(parser.parse("two point twenty"), "only digit words follow the point")
    }

    func testVagueQuantities() {
        XCTAssertEqual(parser.parse("thousands"), .vague(Interval(low: 1000, high: 40000, approx: true)))
        XCTAssertEqual(parser.parse("Tens of  thousands"), .vague(Interval(low: 10_000, high: 400_000, approx: true)))
        XCTAssertEqual(parser.parse("dozens"), .vague(Interval(low: 24, high: 400, approx: true)))
        XCTAssertEqual(parser.parse("hundreds of thousands"), .vague(Interval(low: 100_000, high: 4_000_000, approx: true)))
        XCTAssertEqual(parser.parse("a few hundred"), .vague(Interval(low: 100, high: 600, approx: true)))
    }

    func testNotNumbers() {
        for text in ["", "many", "and", "the crowd", "1.2.3", "twenty apples", "a a"] {
            XCTAssertNil(parser.parse(text), text)
        }
    }

    func testEveryLexiconNumberWordParses() {
        for (word, number) in Shipped.lexicon.numbers {
            XCTAssertEqual(value(word), number, word)
        }
        for (word, scale) in Shipped.lexicon.scales {
            XCTAssertEqual(parser.parse("one " + word), .exact(scale, scale: scale), word)
        }
    }

    func testGroupedThousands() {
        for text in ["12 000", "12\u{00A0}000", "12\u{2009}000", "12\u{202F}000", "12'000", "12’000", "12,000"] {
            XCTAssertEqual(value(text), 12_000, text)
        }
        XCTAssertEqual(value("1 500 000"), 1_500_000)
        XCTAssertEqual(parser.groupScale("4,000"), 1000)
        XCTAssertEqual(parser.groupScale("1 500 000"), 1_000_000)
        XCTAssertNil(parser.groupScale("4000"))
        XCTAssertNil(parser.groupScale("2 1/2"))
    }

    func testTheTailOfANumberIsNoNumber() {
        XCTAssertNil(parser.parse("000"))
        XCTAssertNil(parser.parse("05"))
        XCTAssertEqual(value("0"), 0)
        XCTAssertEqual(value("0.5"), 0.5)
    }

    func testFractions() {
        XCTAssertEqual(value("3/4"), 0.75)
        XCTAssertEqual(value("2 1/2"), 2.5)
        XCTAssertEqual(value("10-1/4"), 10.25)
        XCTAssertEqual(value("2½"), 2.5)
        XCTAssertEqual(value("1 ½"), 1.5)
        XCTAssertEqual(value("¾"), 0.75)
        XCTAssertNil(parser.parse("3/0"))
    }

    func testGluedScales() {
        XCTAssertEqual(parser.parse("1.2m"), .exact(1_200_000, scale: 1_000_000))
        XCTAssertEqual(parser.parse("1.5bn"), .exact(1_500_000_000, scale: 1_000_000_000))
        XCTAssertEqual(parser.parse("3k"), .exact(3000, scale: 1000))
    }

    func testSigns() {
        XCTAssertEqual(value("minus 4"), -4)
        XCTAssertEqual(value("negative 1.3"), -1.3)
        XCTAssertEqual(value("-4.5"), -4.5)
        XCTAssertEqual(value("−2"), -2)
        XCTAssertNil(parser.parse("minus thousands"), "a vague quantity has no sign")
    }

    func testZeroWords() {
        XCTAssertEqual(parser.parse("no one"), .exact(0, scale: nil))
        XCTAssertEqual(parser.parse("Nobody"), .exact(0, scale: nil))
        XCTAssertEqual(parser.parse("any"), .exact(0, scale: nil))
        XCTAssertNil(parser.parse("no"), "a bare no is no zero word")
    }
}
