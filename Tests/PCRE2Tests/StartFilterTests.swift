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
        // (The caseless [a-z] also holds the KELVIN SIGN and LONG S: a lead byte, then anything.)
        XCTAssertEqual(filter(#"(?-i:[A-Z])[a-z]+\s+said"#)?.summary,
                       #"[ABCDEFGHIJKLMNOPQRSTUVWXYZ][\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef\xf0\xf1\xf2\xf3\xf4]… [ABCDEFGHIJKLMNOPQRSTUVWXYZ][abcdefghijklmnopqrstuvwxyz]…"#)
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

    /// The cases a hostile review (docs/fuzzing.md) found the filter losing matches on, each
    /// with the text a plain matcher finds a match in: the filtered one must find it too.
    func testTheReviewedCasesKeepTheirMatches() throws {
        let cases: [(pattern: String, fragments: [(name: String, pattern: String)], text: String)] = [
            // A "(?-i:…)" group's case setting leaked past its end.
            (#"(?-i:[A-Z])[a-z]+\s+said"#, [], "XY said"),
            (#"(?-i:x)\w[b-d]"#, [], "xaD"),
            (#"(?-i:(?i:x))[a-z]+y"#, [], "x\u{212A}y"),
            (#"(?-i)(?i:x)[^a]b"#, [], "xAb"),
            // The KELVIN SIGN and LONG S written as escapes or in a class match k and s.
            (#"\x{212A}ey"#, [], "key"),
            (#"[\x{212A}]ey"#, [], "KEY"),
            ("[\u{212A}]ey", [], "key"),
            (#"[ſ]ix"#, [], "six"),
            (#"[t-\x{17F}]ix"#, [], "six"),
            (#"(?&k)ey"#, [("k", #"\x{212A}"#)], "key"),
            // A property read as every letter may not be complemented.
            (#"[^\p{Lu}]x"#, [], "xx"),
            (#"[^\p{Nl}]x"#, [], "9x"),
            (#"(?&u)x"#, [("u", #"[^\p{Lu}]"#)], "lx"),
        ]
        for (pattern, fragments, text) in cases {
            let define = fragments.isEmpty ? "" : "(?(DEFINE)" + fragments.map { "(?<\($0.name)>\($0.pattern)\n)" }.joined() + ")"
            let compiled = "(?:" + pattern + "\n)" + define
            let filter = LiteralAnalyser(fragments: fragments).startFilter(of: pattern)
            let (with, without) = try (Matcher(Regex(compiled, options: options, starts: filter)), Matcher(Regex(compiled, options: options)))
            try Array(text.utf8).withUnsafeBufferPointer { buffer in
                let plain = try without.matches(in: buffer)
                XCTAssertFalse(plain.isEmpty, "\(pattern) should match \(text)")
                XCTAssertEqual(try with.matches(in: buffer), plain, "\(pattern) in \(text), filter \(filter?.summary ?? "none")")
            }
        }
    }

    func testNoFilterForAnchorsAtTheStartOffsetOrVerbs() {
        XCTAssertNil(filter(#"\Gab"#))
        XCTAssertNil(filter(#"ab\Kcd"#))
        XCTAssertNil(filter(#"ab(*COMMIT)cd"#))
        XCTAssertNil(filter(#"(?&g)cd"#, [("g", #"\G"#)]), "through a fragment too")
        XCTAssertNotNil(filter(#"abcd"#))
    }

    func testARegexWithoutAnOffsetLimitIgnoresTheFilter() throws {
        let filter = try XCTUnwrap(LiteralAnalyser(fragments: []).startFilter(of: "dead"))
        XCTAssertNil(try Regex("dead", options: [.utf, .caseless], starts: filter).starts)
    }
}
