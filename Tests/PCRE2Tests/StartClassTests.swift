import PCRE2
import XCTest

/// The start class read from PCRE2's analysis, and the lookahead it becomes.
final class StartClassTests: XCTestCase {
    let options: Regex.Options = [.utf, .caseless, .extended]

    func testLiteralAlternationGivesItsFirstLetters() {
        XCTAssertEqual(Regex.startClass(of: #"\b(?:toll|dead)"#, options: [.utf]), #"[\x{64}\x{74}]"#)
        // Caseless: both cases, and the long s (U+017F, lead byte C5) that folds to "s".
        XCTAssertEqual(Regex.startClass(of: "say", options: options), #"[\x{53}\x{73}\x{140}-\x{17f}]"#)
    }

    func testNoClassWhenTheStartIsUnknownOrEmpty() {
        XCTAssertNil(Regex.startClass(of: "(?&n)(?(DEFINE)(?<n>\\d))", options: options), "a call hides the start")
        XCTAssertNil(Regex.startClass(of: "a?", options: options), "can match empty")
        XCTAssertNil(Regex.startClass(of: "(?m)^a", options: options), "after any newline")
        XCTAssertNil(Regex.startClass(of: "[^a]", options: [.utf]), "too wide to help")
        XCTAssertNil(Regex.startClass(of: "(", options: options), "does not compile")
    }

    func testNonASCIIStartBecomesCodePointRanges() {
        XCTAssertEqual(Regex.startClass(of: "é", options: [.utf]), #"[\x{c0}-\x{ff}]"#)
        XCTAssertEqual(Regex.startClass(of: "–", options: [.utf]), #"[\x{2000}-\x{2fff}]"#)
    }

    func testHintedPatternMatchesExactlyAsBefore() throws {
        let pattern = #"(?<![\d.,])(?:(?&q)\s+)?(?<value>(?&n))(?(DEFINE)(?<n>\d+|dozens)(?<q>about|some))"#
        let plain = try Regex(pattern, options: options)
        let hinted = try Regex(pattern, options: options, startClass: #"[\x{30}-\x{39}\x{41}\x{44}\x{53}\x{61}\x{64}\x{73}]"#)
        XCTAssertNil(plain.startClass)
        XCTAssertNotNil(hinted.startClass)
        XCTAssertEqual(hinted.pattern, pattern)
        XCTAssertEqual(hinted.groupNumbers, plain.groupNumbers)
        let text = "About 40 came, some 1.5 left, dozens more; 7,000 (about 12)"
        XCTAssertEqual(try allMatches(hinted, in: text), try allMatches(plain, in: text))
        XCTAssertEqual(try allMatches(hinted, in: text), [0..<8, 15..<21, 30..<36, 43..<44, 50..<58])
    }

    func testAHintThatDoesNotCompileIsDropped() throws {
        let regex = try Regex("a|b", startClass: "[")
        XCTAssertNil(regex.startClass)
        XCTAssertTrue(try regex.matches("b"))
    }

    func testCheckOnlyPatternsAreNotJITCompiled() throws {
        XCTAssertFalse(try Regex(#"\d+"#, jit: false).isJITCompiled)
        XCTAssertTrue(try Regex(#"\d+"#, jit: false).matches("a 1"))
    }
}
