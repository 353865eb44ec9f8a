import XCTest
@testable import Claims

final class GlobTests: XCTestCase {
    func testStarStaysInOneSegment() {
        XCTAssertTrue(Glob.matches("*.md", "a.md"))
        XCTAssertTrue(Glob.matches("*.md", ".md"))
        XCTAssertFalse(Glob.matches("*.md", "dir/a.md"))
        XCTAssertFalse(Glob.matches("*.md", "a.txt"))
        XCTAssertTrue(Glob.matches("drafts/*", "drafts/a.txt"))
        XCTAssertFalse(Glob.matches("drafts/*", "drafts/old/a.txt"))
        XCTAssertTrue(Glob.matches("a*b*c", "axxbyyc"))
    }

    func testDoubleStarCrossesSegments() {
        XCTAssertTrue(Glob.matches("**/*.md", "a.md"), "**/ may match nothing")
        XCTAssertTrue(Glob.matches("**/*.md", "x/y/a.md"))
        XCTAssertTrue(Glob.matches("drafts/**", "drafts/a/b.txt"))
        XCTAssertTrue(Glob.matches("**", "anything/at/all"))
        XCTAssertTrue(Glob.matches("a/**/b.txt", "a/b.txt"))
        XCTAssertTrue(Glob.matches("a/**/b.txt", "a/x/y/b.txt"))
        XCTAssertFalse(Glob.matches("a/**/b.txt", "c/x/b.txt"))
    }

    func testQuestionMarkIsOneCharacterButNotASlash() {
        XCTAssertTrue(Glob.matches("?.txt", "a.txt"))
        XCTAssertTrue(Glob.matches("?.txt", "é.txt"))
        XCTAssertFalse(Glob.matches("?.txt", "ab.txt"))
        XCTAssertFalse(Glob.matches("a?c", "a/c"))
    }

    func testLiteralPaths() {
        XCTAssertTrue(Glob.matches("Fixtures/a.txt", "Fixtures/a.txt"))
        XCTAssertFalse(Glob.matches("Fixtures/a.txt", "Fixtures/a.txt.bak"))
        XCTAssertFalse(Glob.matches("Fixtures/a.txt", "Fixtures/a.tx"))
        XCTAssertTrue(Glob.matches("", ""))
        XCTAssertFalse(Glob.matches("", "a"))
    }

}

final class GlobCostTests: XCTestCase {
    /// Backtracking took 18 s on this; the position-set matcher is linear in the name.
    func testManyStarsDoNotBacktrackExponentially() {
        let name = String(repeating: "a", count: 40)
        let started = Date()
        XCTAssertFalse(Glob.matches("*a*a*a*a*a*a*a*a*b", name))
        XCTAssertTrue(Glob.matches("*a*a*a*a*a*a*a*a*", name))
        XCTAssertFalse(Glob.matches("**a**a**a**a**a**a**a**a**b", name + "/" + name))
        XCTAssertFalse(Glob.matches(String(repeating: "*a", count: 200) + "b", String(repeating: "a", count: 5000)))
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testStarsAfterGlobstarAndMixedPatterns() {
        XCTAssertTrue(Glob.matches("***", "a/b"), "** then * still crosses segments")
        XCTAssertTrue(Glob.matches("a/**", "a/"))
        XCTAssertTrue(Glob.matches("**/b.txt", "a/xb.txt"), "**/ is ** that may also match nothing")
        XCTAssertFalse(Glob.matches("*/b", "b"))
        XCTAssertTrue(Glob.matches("*/b", "a/b"))
        XCTAssertTrue(Glob.matches("*.draft.*", "x.draft.md"))
        XCTAssertFalse(Glob.matches("a*", "b/a"))
    }
}
