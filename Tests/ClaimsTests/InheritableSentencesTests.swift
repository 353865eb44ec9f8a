import XCTest
@testable import Claims

/// Which sentences' places and dates the extractor searches: only those a claim can take
/// them from (its own, earlier ones in its paragraph, the lede).
final class InheritableSentencesTests: XCTestCase {
    func testOwnSentenceEarlierInItsParagraphAndTheLede() {
        // Sentences 0-1 headline (-1), 2-3 lede, 4-5 paragraph 1, 6-8 paragraph 2, 9 paragraph 3.
        let paragraphs = [-1, -1, 0, 0, 1, 1, 2, 2, 2, 3]
        XCTAssertEqual(Extractor.inheritable(from: [7], paragraphs: paragraphs),
                       [false, false, true, true, false, false, true, true, false, false])
        XCTAssertEqual(Extractor.inheritable(from: [1, 5], paragraphs: paragraphs),
                       [true, true, true, true, true, true, false, false, false, false])
    }

    func testAClaimInTheLedeReachesTheWholeLedeBeforeIt() {
        XCTAssertEqual(Extractor.inheritable(from: [2], paragraphs: [0, 0, 0, 1]), [true, true, true, false])
        XCTAssertEqual(Extractor.inheritable(from: [], paragraphs: [0, 1]), [false, false])
    }

    func testContextAfterTheLastClaimOrInOtherParagraphsIsNotNeeded() {
        // The place in sentence 1 (paragraph 1) cannot reach a claim in paragraph 2.
        let text = "Police were calm.\n\nProtesters gathered in Portbury on Saturday.\n\nAbout 3,000 people marched in Dorvan."
        XCTAssertEqual(extract(text).map(\.context.place), ["Dorvan"])
    }
}
