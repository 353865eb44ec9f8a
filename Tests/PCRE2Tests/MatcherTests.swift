import PCRE2
import XCTest

final class MatcherTests: XCTestCase {
    func testForEachMatchFindsAllNonOverlappingMatches() throws {
        let regex = try Regex(#"\d+"#)
        XCTAssertEqual(try allMatches(regex, in: "1 22 333 x"), [0..<1, 2..<4, 5..<8])
        XCTAssertEqual(try allMatches(regex, in: "aaa"), [])
        XCTAssertEqual(try allMatches(try Regex("aa"), in: "aaaaa"), [0..<2, 2..<4])
    }

    func testForEachMatchStartsAtTheGivenOffset() throws {
        let regex = try Regex(#"\d+"#)
        XCTAssertEqual(try allMatches(regex, in: "12 34 56", from: 3), [3..<5, 6..<8])
        // Starting mid-number finds the rest of it.
        XCTAssertEqual(try allMatches(regex, in: "12 34 56", from: 4), [4..<5, 6..<8])
    }

    func testAnOffsetLimitBoundsWhereMatchesStartNotWhereTheyEnd() throws {
        let regex = try Regex(#"\bkilled\b"#, options: [.utf, .offsetLimit])
        let text = "killed, killed and killed"
        XCTAssertEqual(try allMatches(regex, in: text), [0..<6, 8..<14, 19..<25])
        XCTAssertEqual(try allMatches(regex, in: text, limit: 8), [0..<6, 8..<14])
        XCTAssertEqual(try allMatches(regex, in: text, limit: 7), [0..<6])
        XCTAssertEqual(try allMatches(regex, in: text, from: 9, limit: 8), [])
        // One matcher, the limit changed between calls, and lifted again.
        let matcher = Matcher(regex)
        try Array(text.utf8).withUnsafeBufferPointer { buffer in
            XCTAssertNil(try matcher.firstMatch(in: buffer, from: 1, limit: 7))
            XCTAssertEqual(try matcher.firstMatch(in: buffer, from: 1, limit: 8)?.range, 8..<14)
            XCTAssertEqual(try matcher.firstMatch(in: buffer, from: 15)?.range, 19..<25)
        }
    }

    func testARegexCompiledWithoutOffsetLimitsIgnoresTheLimit() throws {
        XCTAssertEqual(try allMatches(try Regex("ab"), in: "ab ab", limit: 0), [0..<2, 3..<5])
    }

    func testLookbehindSeesTextBeforeTheStartOffset() throws {
        let regex = try Regex(#"(?<=a)b"#)
        XCTAssertEqual(try allMatches(regex, in: "ab", from: 1), [1..<2])
    }

    func testEmptyMatchesAdvanceByOneByteInASCII() throws {
        XCTAssertEqual(try allMatches(try Regex("x*"), in: "ab"), [0..<0, 1..<1, 2..<2])
        XCTAssertEqual(try allMatches(try Regex("x*"), in: "axb"), [0..<0, 1..<2, 2..<2, 3..<3])
        XCTAssertEqual(try allMatches(try Regex("x*"), in: ""), [0..<0])
    }

    func testEmptyMatchesAdvanceByAWholeUTF8Character() throws {
        // "é" is C3 A9: the next attempt must start at 2, not inside the character.
        XCTAssertEqual(try allMatches(try Regex("x*"), in: "é"), [0..<0, 2..<2])
        // "€" is three bytes, "𝄞" four.
        XCTAssertEqual(try allMatches(try Regex("x*"), in: "€𝄞"), [0..<0, 3..<3, 7..<7])
    }

    func testWordBoundariesAreASCIIOnly() throws {
        // Without PCRE2_UCP, \w is ASCII: "é" is not a word character, so the only
        // boundaries in "é a" are around "a".
        XCTAssertEqual(try allMatches(try Regex(#"\b"#), in: "é a"), [3..<3, 4..<4])
        XCTAssertFalse(try Regex(#"^\w$"#).matches("é"))
        XCTAssertTrue(try Regex(#"^\p{L}$"#).matches("é"))
    }

    func testInvalidUTF8SubjectStillMatches() throws {
        let regex = try Regex(#"\d+"#, options: [.utf])
        XCTAssertEqual(try allMatches(regex, in: [0x66, 0xFF, 0x31, 0x32]), [2..<4])
        // A truncated multibyte sequence in the middle is skipped over too.
        XCTAssertEqual(try allMatches(regex, in: [0x31, 0xE2, 0x82, 0x20, 0x32]), [0..<1, 4..<5])
    }

    func testEmptyMatchesOverInvalidUTF8Terminate() throws {
        let found = try allMatches(try Regex("x*"), in: [0xFF, 0xFE, 0x61])
        XCTAssertEqual(found.first, 0..<0)
        XCTAssertEqual(found.last, 3..<3)
        XCTAssertLessThanOrEqual(found.count, 4)
    }

    func testFirstMatchReturnsNilWhenNothingMatches() throws {
        let matcher = Matcher(try Regex("z"))
        let bytes = Array("abc".utf8)
        try bytes.withUnsafeBufferPointer { buffer in
            XCTAssertNil(try matcher.firstMatch(in: buffer, from: 0))
        }
    }

    func testMatchingAnEmptyBuffer() throws {
        let matcher = Matcher(try Regex("^$"))
        let empty: [UInt8] = []
        try empty.withUnsafeBufferPointer { buffer in
            XCTAssertEqual(try matcher.firstMatch(in: buffer, from: 0)?.range, 0..<0)
        }
    }

    func testMatcherIsReusableAcrossSubjects() throws {
        let matcher = Matcher(try Regex(#"(?<n>\d+)"#))
        for (text, expected) in [("a1", 1..<2), ("bb22", 2..<4), ("333", 0..<3)] {
            let bytes = Array(text.utf8)
            try bytes.withUnsafeBufferPointer { buffer in
                XCTAssertEqual(try matcher.firstMatch(in: buffer, from: 0)?.range(ofGroup: "n"), expected)
            }
        }
    }

    func testBodyErrorsPropagate() throws {
        struct Stop: Error {}
        let matcher = Matcher(try Regex("a"))
        let bytes = Array("aaa".utf8)
        var calls = 0
        XCTAssertThrowsError(try bytes.withUnsafeBufferPointer { buffer in
            try matcher.forEachMatch(in: buffer) { _ in
                calls += 1
                throw Stop()
            }
        }) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(calls, 1)
    }
}
