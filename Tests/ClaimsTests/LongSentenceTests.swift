import XCTest
@testable import Claims

final class LongSentenceTests: XCTestCase {
    func testOverLongRunIsCutAtWhitespace() {
        let splitter = SentenceSplitter(abbreviations: [])
        let bytes = Array(String(repeating: "word ", count: 3_000).utf8)
        var cuts: [Int] = []
        let sentences = splitter.split(bytes, from: 0, cuts: &cuts)
        XCTAssertEqual(sentences.count, 4)
        XCTAssertEqual(cuts.count, 3)
        for sentence in sentences {
            XCTAssertLessThanOrEqual(sentence.count, splitter.maxLength)
            XCTAssertNotEqual(bytes[sentence.lowerBound], 0x20)
            XCTAssertEqual(bytes[sentence.upperBound - 1], UInt8(ascii: "d"), "cut between words, not inside one")
        }
        XCTAssertEqual(sentences.map(\.count).reduce(0, +) + sentences.count - 1, bytes.count - 1, "no text lost")
    }

    func testRunWithoutWhitespaceIsCutOnACharacterBoundary() {
        let splitter = SentenceSplitter(abbreviations: [])
        let bytes = Array(String(repeating: "é", count: 5_000).utf8)
        let sentences = splitter.split(bytes, from: 0)
        XCTAssertEqual(sentences.first?.lowerBound, 0)
        XCTAssertEqual(sentences.last?.upperBound, bytes.count)
        for sentence in sentences { XCTAssertNotEqual(bytes[sentence.lowerBound] & 0xC0, 0x80) }
    }

    func testNormalSentencesAreUntouched() {
        let splitter = SentenceSplitter(abbreviations: [])
        let text = Array("Police said 8,000 people marched. Organisers said 40,000.".utf8)
        var cuts: [Int] = []
        XCTAssertEqual(splitter.split(text, from: 0, cuts: &cuts).count, 2)
        XCTAssertEqual(cuts, [])
    }

    func testSentenceWindow() {
        let short = Array("Police said 8,000 people marched.".utf8)
        let whole = Claim.sentenceWindow(0..<short.count, quote: 12..<24, in: short)
        XCTAssertEqual(whole.range, 0..<short.count)
        XCTAssertFalse(whole.before || whole.after)

        let long = Array((String(repeating: "über alles ", count: 200) + "8,000 people" + String(repeating: " und so", count: 300)).utf8)
        let quoteStart = 200 * "über alles ".utf8.count
        let window = Claim.sentenceWindow(0..<long.count, quote: quoteStart..<quoteStart + 12, in: long)
        XCTAssertTrue(window.before && window.after)
        XCTAssertLessThanOrEqual(window.range.count, 2 * Claim.sentenceWindowBytes + 12)
        XCTAssertTrue(window.range.contains(quoteStart))
        let text = String(decoding: long[window.range], as: UTF8.self)
        XCTAssertFalse(text.contains("\u{FFFD}"))
        XCTAssertFalse(text.hasPrefix(" ") || text.hasSuffix(" "))
    }
}
