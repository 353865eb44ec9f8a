import PCRE2
import XCTest

/// What `LiteralAnalyser.startFilter(of:)` says a match can begin with, and that a matcher
/// using it finds exactly the matches of the same pattern without it.
final class StartFilterTests: XCTestCase {
    private let options: Regex.Options = [.utf, .caseless, .dupnames, .extended, .offsetLimit]

    private func filter(_ pattern: String, _ fragments: [(name: String, pattern: String)] = []) -> StartFilter? {
        LiteralAnalyser(fragments: fragments).startFilter(of: pattern)
    }

    func testWordsBeginWithTheirFirstThreeLettersOrTheKelvinSign() {
        XCTAssertEqual(filter(#"\b(?:killed|kills|dead)\s"#)?.summary, #"[\xe2]… dea… kil…"#)
    }

    func testShorterWordsEndOnWhatFollowsThem() {
        XCTAssertEqual(filter(#"\b(?:at|up)\s+(?:least|to)"#)?.summary, #"at[\x09\x0a\x0b\x0c\x0d\x20]… up[\x09\x0a\x0b\x0c\x0d\x20]…"#)
        XCTAssertEqual(filter(#"\d+%"#)?.summary, "[0123456789]…")
    }

    func testOptionalPiecesAndFragmentsAreFollowed() {
        let fragments = [("qualifier", "about|some"), ("number", #"\d+|one|two"#)]
        XCTAssertEqual(filter(#"(?:(?&qualifier)\s+)?(?&number)\s+people"#, fragments)?.summary,
                       #"[0123456789]… [\xc5]… abo… one som… two"#, "the LONG S for s")
    }

    func testACaseSensitiveClassKeepsItsCase() {
        // Outside the group the pattern is caseless again: [a-z] holds both cases (shown as the lower).
        XCTAssertEqual(filter(#"(?-i:[A-Z])[a-z]+\s+said"#)?.summary, "[ABCDEFGHIJKLMNOPQRSTUVWXYZ][abcdefghijklmnopqrstuvwxyz]…")
        XCTAssertEqual(filter(#"(?-i:[A-Z])?the"#)?.summary, "[ABCDEFGHIJKLMNOPQRSTUVWXYZ]th the")
        XCTAssertEqual(filter(#"(?-i)[A-J]x|(?i)[A-J]y"#)?.summary, "[ABCDEFGHIJ]x [abcdefghij]y",
                       "an option set inline holds to the end of its group, across branches")
    }

    func testNoFilterWhereAnyWordCanStartAMatch() {
        XCTAssertNil(filter(#"\w+\s+said"#), "every letter")
        XCTAssertNil(filter(#"[\p{L}-]+\s+said"#), "every letter")
        XCTAssertNil(filter(#"(?:the)?\s*x?"#), "a match may be empty")
        XCTAssertNil(filter(#".said"#), "anything")
        XCTAssertNil(filter(#"\1x"#), "syntax the analysis does not follow")
    }

    func testTheEncodedFormReadsBackAndRejectsDamage() throws {
        let made = try XCTUnwrap(filter(#"\b(?:killed|kills|dead|(?-i:[A-Z]))"#))
        XCTAssertEqual(StartFilter(encoded: made.encoded)?.summary, made.summary)
        XCTAssertEqual(StartFilter(encoded: made.encoded)?.encoded, made.encoded)
        XCTAssertNil(StartFilter(encoded: []))
        XCTAssertNil(StartFilter(encoded: ["0"] + made.encoded.dropFirst()), "another format")
        XCTAssertNil(StartFilter(encoded: [made.encoded[0], "zz"] + made.encoded.dropFirst(2)), "not hex")
        XCTAssertNil(StartFilter(encoded: made.encoded + ["o999"]), "a set that is not there")
        XCTAssertNil(StartFilter(encoded: made.encoded + ["x0"]), "no mark")
    }

    /// The filtered matcher and a plain one agree on texts with the characters the filter must
    /// not lose: the KELVIN SIGN and LONG S that caseless matching equates with k and s,
    /// non-ASCII letters, and matches at the very end of the text.
    func testAFilteredMatcherFindsWhatAPlainOneFinds() throws {
        let patterns = [
            #"\b(?:killed|kills|dead)\b"#,
            #"(?:about\s+)?\d+\s+(?:people|persons)"#,
            #"(?-i:[A-Z])[\p{L}-]+\s+(?:said|says)"#,
            #"\bsix\b|\bten\b"#,
            #"[\s\x{a0}]at\s"#,
        ]
        let texts = [
            "Ten were \u{212A}illed and six dead.", "\u{17F}ix people; about 40 persons, 12 people",
            "Élise Moreau said; Police says; the man said", "killed", "kil", "x k", "ten",
            "at at\u{a0}at ", "Ärzte sagten: 30 people", "",
        ]
        for pattern in patterns {
            let filter = try XCTUnwrap(LiteralAnalyser(fragments: []).startFilter(of: pattern), pattern)
            let (with, without) = try (Matcher(Regex(pattern, options: options, starts: filter)), Matcher(Regex(pattern, options: options)))
            for text in texts {
                try Array(text.utf8).withUnsafeBufferPointer { buffer in
                    XCTAssertEqual(try with.matches(in: buffer), try without.matches(in: buffer), "\(pattern) in \(text)")
                    for start in 0...buffer.count {
                        XCTAssertEqual(try with.firstMatch(in: buffer, from: start)?.range, try without.firstMatch(in: buffer, from: start)?.range,
                                       "\(pattern) in \(text) from \(start)")
                    }
                }
            }
        }
    }

    func testARegexWithoutAnOffsetLimitIgnoresTheFilter() throws {
        let filter = try XCTUnwrap(LiteralAnalyser(fragments: []).startFilter(of: "dead"))
        XCTAssertNil(try Regex("dead", options: [.utf, .caseless], starts: filter).starts)
    }
}
