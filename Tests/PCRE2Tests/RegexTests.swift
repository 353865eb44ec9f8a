import PCRE2
import XCTest

final class RegexTests: XCTestCase {
    func testJITIsOn() throws {
        XCTAssertTrue(try Regex(#"\d+"#).isJITCompiled)
        XCTAssertTrue(try Regex("(?<value>a)|(?<value>b)", options: [.utf, .dupnames, .caseless, .extended]).isJITCompiled)
    }

    func testADeferredPatternIsInterpretedThenJITCompiled() throws {
        let regex = try Regex(#"\d+"#, jit: nil)
        let matcher = Matcher(regex)
        let early = Matcher(regex)
        let subject = Array("x 345".utf8)
        func first(_ matcher: Matcher) throws -> Range<Int>? {
            try subject.withUnsafeBufferPointer { try matcher.firstMatch(in: $0, from: 0)?.range }
        }
        for _ in 0..<Matcher.interpretedMatches {
            XCTAssertEqual(try first(matcher), 2..<5)
        }
        XCTAssertEqual(try first(early), 2..<5)
        XCTAssertFalse(regex.isJITCompiled, "interpreted so far")
        XCTAssertEqual(try first(matcher), 2..<5)
        XCTAssertTrue(regex.isJITCompiled)
        // Another matcher still interprets its own first matches, then uses the JIT code.
        for _ in 0..<Matcher.interpretedMatches + 1 {
            XCTAssertEqual(try first(early), 2..<5)
        }
        XCTAssertFalse(try Regex(#"\d+"#, jit: false).compileJIT())
    }

    func testCaptureCountAndPatternAreKept() throws {
        let regex = try Regex(#"(a)(?:b)(?<c>c)"#)
        XCTAssertEqual(regex.captureCount, 2)
        XCTAssertEqual(regex.pattern, #"(a)(?:b)(?<c>c)"#)
        XCTAssertEqual(regex.groupNumbers, ["c": [2]])
    }

    func testDefaultLimits() throws {
        let regex = try Regex("a")
        XCTAssertEqual(regex.limits.match, 5_000_000)
        XCTAssertEqual(regex.limits.depth, 100_000)
    }

    func testMatchesConvenience() throws {
        XCTAssertTrue(try Regex(#"\d"#).matches("abc 1"))
        XCTAssertFalse(try Regex(#"\d"#).matches("abc"))
        XCTAssertTrue(try Regex("").matches(""))
    }

    func testCaselessOption() throws {
        XCTAssertFalse(try Regex("minsk").matches("MINSK"))
        XCTAssertTrue(try Regex("minsk", options: [.utf, .caseless]).matches("MINSK"))
        // Caseless in UTF mode folds non-ASCII letters too.
        XCTAssertTrue(try Regex("école", options: [.utf, .caseless]).matches("ÉCOLE"))
    }

    func testExtendedOptionIgnoresSpacesAndComments() throws {
        let regex = try Regex("a b  # a comment\n c", options: [.utf, .extended])
        XCTAssertTrue(try regex.matches("abc"))
        XCTAssertFalse(try regex.matches("a b c"))
        XCTAssertTrue(try Regex(#"a\ b"#, options: [.utf, .extended]).matches("a b"))
    }

    func testMultilineOption() throws {
        XCTAssertFalse(try Regex("^b").matches("a\nb"))
        XCTAssertTrue(try Regex("^b", options: [.utf, .multiline]).matches("a\nb"))
    }

    func testUTFModeMatchesWholeCharacters() throws {
        let regex = try Regex("^.$")
        XCTAssertTrue(try regex.matches("é"))
        XCTAssertTrue(try Regex(#"^\p{L}+$"#).matches("Мінск"))
    }
}
