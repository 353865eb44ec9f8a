import XCTest
@testable import Claims

final class SentenceSplitterTests: XCTestCase {
    private func split(_ text: String, from start: Int = 0) -> [String] {
        let bytes = Array(text.utf8)
        return SentenceSplitter(abbreviations: Shipped.lexicon.abbreviations).split(bytes, from: start)
            .map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    func testPlainSentences() {
        XCTAssertEqual(split("One marched. Two stayed! Did three? Yes."),
                       ["One marched.", "Two stayed!", "Did three?", "Yes."])
    }

    func testAbbreviationsDoNotEndSentences() {
        XCTAssertEqual(split("They marched on Aug. 16 in Minsk. Mr. Smith disagreed. Then Dr. Jones spoke."),
                       ["They marched on Aug. 16 in Minsk.", "Mr. Smith disagreed.", "Then Dr. Jones spoke."])
        XCTAssertEqual(split("The U.S. State Department said so. U.S. officials agreed."),
                       ["The U.S. State Department said so.", "U.S. officials agreed."])
        XCTAssertEqual(split("They counted approx. 300 people. No. 10 said so."),
                       ["They counted approx. 300 people.", "No. 10 said so."])
    }

    func testSingleInitialsDoNotEndSentences() {
        XCTAssertEqual(split("Said J. Smith. He left."), ["Said J. Smith.", "He left."])
    }

    func testDecimalsDoNotEndSentences() {
        XCTAssertEqual(split("Turnout was 9.9% overall. It rose 0.5 points."),
                       ["Turnout was 9.9% overall.", "It rose 0.5 points."])
    }

    func testClosingQuotesAndBracketsStayWithTheSentence() {
        XCTAssertEqual(split(#""We will stay," she said. "We will win." Then they left."#),
                       [#""We will stay," she said."#, #""We will win.""#, "Then they left."])
        XCTAssertEqual(split("“We won.” Then (it ended.) Next."), ["“We won.”", "Then (it ended.)", "Next."])
        XCTAssertEqual(split("He said ‘go.’ She went."), ["He said ‘go.’", "She went."])
    }

    func testLowerCaseAfterAPeriodContinues() {
        XCTAssertEqual(split("He counted 5. then left."), ["He counted 5. then left."])
    }

    func testHardWrappedLinesAreJoinedWhenTheNextLineStartsLowerCase() {
        XCTAssertEqual(split("About 1,000 people\nmarched in Prague. Police\n  said so."),
                       ["About 1,000 people\nmarched in Prague.", "Police\n  said so."])
    }

    func testALineBreakBeforeACapitalEndsTheSentence() {
        XCTAssertEqual(split("PROTESTS GROW\nAbout 1,000 people marched"), ["PROTESTS GROW", "About 1,000 people marched"])
        XCTAssertEqual(split("a list\n- item one\n2 items"), ["a list", "- item one", "2 items"])
    }

    func testBlankLinesEndSentencesAndAreSkipped() {
        XCTAssertEqual(split("One\n\n\n  \nTwo.\r\n\r\nthree"), ["One", "Two.", "three"])
        XCTAssertEqual(split("\n\n  \n"), [])
        XCTAssertEqual(split(""), [])
    }

    func testRangesAreTrimmedAndStartFromTheGivenOffset() {
        let text = "date 2021-03-08   First one.  Second one.  "
        let bytes = Array(text.utf8)
        let ranges = SentenceSplitter(abbreviations: Shipped.lexicon.abbreviations).split(bytes, from: 15)
        XCTAssertEqual(ranges, [18..<28, 30..<41])
    }

    func testNonASCIIStartsASentence() {
        XCTAssertEqual(split("It ended. Één more."), ["It ended.", "Één more."])
    }
}
