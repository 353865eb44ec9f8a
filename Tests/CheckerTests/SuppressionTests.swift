import XCTest
@testable import Checker

final class SuppressionTests: XCTestCase {
    func testScanFindsDirectivesAndIdLists() {
        let text = """
        Intro line.
          <!-- claimcheck-disable-next-line conflict, unsourced -->
        The   police said 8,000.
        <!-- claimcheck-disable-next-line -->
        Organisers said 40,000.
        <!-- an ordinary comment --> <!--claimcheck-disable-next-line share-sum conflict-->
        <!-- claimcheck-disable-next-lines conflict -->
        """
        XCTAssertEqual(Suppression.scan(text, file: "a.md"), [
            Suppression(file: "a.md", line: 2, column: 3, checks: ["conflict", "unsourced"], targetText: "The police said 8,000."),
            Suppression(file: "a.md", line: 4, column: 1, checks: [], targetText: "Organisers said 40,000."),
            Suppression(file: "a.md", line: 6, column: 30, checks: ["share-sum", "conflict"],
                        targetText: "<!-- claimcheck-disable-next-lines conflict -->"),
        ])
    }

    func testCRLFLinesAndUnclosedComments() {
        let text = "<!-- claimcheck-disable-next-line unsourced -->\r\nNext.\r\n<!-- claimcheck-disable-next-line\n"
        let found = Suppression.scan(text, file: "b.txt")
        XCTAssertEqual(found.map(\.targetLine), [2])
        XCTAssertEqual(found.first?.targetText, "Next.")
    }

    func testCoversNamedChecksOrAll() {
        XCTAssertTrue(Suppression(file: "a", line: 1, column: 1, checks: []).covers(check: "conflict"))
        XCTAssertTrue(Suppression(file: "a", line: 1, column: 1, checks: ["conflict"]).covers(check: "conflict"))
        XCTAssertFalse(Suppression(file: "a", line: 1, column: 1, checks: ["unsourced"]).covers(check: "conflict"))
    }
}
