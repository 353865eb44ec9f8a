import PCRE2
import XCTest

/// What `LiteralAnalyser` may claim every match contains. Its one duty is never to name a
/// literal a match can lack, so most cases here are the syntax that must give up.
final class LiteralAnalyserTests: XCTestCase {
    private func literals(_ pattern: String, _ fragments: [(name: String, pattern: String)] = []) -> [String]? {
        LiteralAnalyser(fragments: fragments).literals(of: pattern)
    }

    func testAlternationOfWordsIsTheSetOfWords() {
        XCTAssertEqual(literals(#"\b(?:killed|died|Dead)\b"#), ["dead", "died", "killed"])
    }

    func testTheLongestRequiredPieceOfASequenceWins() {
        XCTAssertEqual(literals(#"\bturnout\s+of\s+\d+"#), ["turnout"])
        XCTAssertEqual(literals(#"(?&n)\s+people\s+marched"#, [("n", #"\d+"#)]), ["marched"])
    }

    func testShortClassesAndOptionalsMultiplyOut() {
        XCTAssertEqual(literals("dr[ae]w"), ["draw", "drew"])
        XCTAssertEqual(literals("organi[sz]ers?"), ["organisers", "organizers"].map { String($0.dropLast()) })
        XCTAssertEqual(literals("march(?:es|ed)?"), ["march"])
    }

    func testARequirementInsideAnOptionalPartIsNone() {
        XCTAssertNil(literals(#"(?:killed)?\d+"#))
        XCTAssertNil(literals(#"(?:killed|)\s"#))
        XCTAssertNil(literals(#"(?:killed)*\d"#))
        XCTAssertNil(literals(#"(?:killed){0,2}\d"#))
    }

    func testRepeatsKeepTheirRequirement() {
        XCTAssertEqual(literals(#"(?:killed\s)+"#), ["killed"])
        XCTAssertEqual(literals(#"(?:ab){2}c"#), ["ababc"])
        XCTAssertEqual(literals(#"x(?:killed){1,3}"#), ["killed"])
    }

    func testLookaroundsAndAssertionsRequireNothing() {
        XCTAssertEqual(literals(#"(?<!not\s)(?=people)people(?!\swho)"#), ["people"])
        XCTAssertNil(literals(#"(?<=killed\s)\d+"#))
        XCTAssertNil(literals(#"\d+(?=\skilled)"#))
        XCTAssertEqual(literals(#"^\Gtoll\K\s\d+$"#), ["toll"])
    }

    func testFragmentsAreFollowedAndRecursionGivesUp() {
        let fragments = [("verb", "said|says|told"), ("loop", "a(?&loop)?b"), ("deep", "(?&verb)\\s")]
        XCTAssertEqual(literals(#"police\s(?&verb)"#, fragments), ["police"])
        XCTAssertEqual(literals(#"\s(?&deep)\s"#, fragments), ["said", "says", "told"])
        XCTAssertNil(literals(#"\d(?&loop)"#, fragments))
        XCTAssertNil(literals(#"\d(?&missing)"#, fragments))
        // A digit right before the verb is part of what every match holds.
        XCTAssertEqual(literals(#"\d(?P>verb)"#, fragments), ["said", "says", "told"].map { LiteralAnalyser.digit + $0 })
    }

    func testCharactersItCannotFoldBreakTheLiteral() {
        // "’" is not ASCII: the literal stops there, so only what is certainly ASCII counts.
        XCTAssertEqual(literals("organisers’"), ["organisers"])
        XCTAssertEqual(literals("caf[eé]s"), ["caf"], "a class with a non-ASCII member is unknown")
        XCTAssertEqual(literals("écoles"), ["coles"])
        XCTAssertNil(literals(#"\x{e9}t\x41"#))
    }

    func testEscapedPunctuationAndQuotedTextAreLiterals() {
        XCTAssertEqual(literals(#"per\ cent"#), ["per cent"])
        XCTAssertEqual(literals(#"\Q-strong\E\b"#), ["-strong"])
        XCTAssertEqual(literals(#"u\.n\."#), ["u.n."])
    }

    func testExtendedModeSpacesAndCommentsAreIgnored() {
        XCTAssertEqual(literals("kil led  # the verb\n | dead"), ["dead", "killed"])
        XCTAssertEqual(literals("[ ]"), nil, "one character, below the minimum length")
    }

    func testAShortLiteralCountsOnlyWithASignTextSeldomHolds() {
        XCTAssertEqual(literals(#"\d+\s*(?:%|pct|per\s*cent)"#), ["%", "pct", "cent"])
        XCTAssertEqual(literals(#"\$\d+"#), ["$"])
        XCTAssertNil(literals(#"\d+\s*(?:%|at)"#), "\"at\" is in most sentences")
        XCTAssertNil(literals(#"\d+(?:\.|-)\d"#), "punctuation of every sentence")
    }

    func testADigitIsRequiredButNeverSelective() {
        let digit = LiteralAnalyser.digit
        XCTAssertEqual(literals(#"\d+\s+killed"#), ["killed"], "a word wins over a digit")
        let analyser = LiteralAnalyser(fragments: [("n", #"\d+|one|two"#)])
        XCTAssertEqual(analyser.requirement(of: #"(?&n)(?=\s+marched)"#).bound, [digit, "one", "two"])
        XCTAssertNil(analyser.requirement(of: #"(?&n)(?=\s+marched)"#).literals, "not worth a gate of its own")
        XCTAssertEqual(LiteralAnalyser(fragments: []).requirement(of: #"\d\d"#).bound, [digit + digit])
        // A raw U+0001 in a pattern is itself, not a digit: it gives no literal.
        XCTAssertEqual(LiteralAnalyser(fragments: []).requirement(of: "\u{1}abc").bound, ["abc"])
        XCTAssertNil(LiteralAnalyser(fragments: []).requirement(of: #"[\d.]"#).bound, "a class is not read")
    }

    func testWhatPCRE2SkipsOrReadsAsAnAssertionIsNoLiteral() {
        // Extended UTF mode skips U+0085, U+200E, U+200F, U+2028, U+2029 like a space.
        XCTAssertEqual(literals("officials\u{200E}?\\s+said"), ["official"])
        XCTAssertEqual(literals("agency\u{2028}*"), ["agenc"])
        XCTAssertEqual(literals("polic\u{85}e"), ["police"])
        // "[[:<:]]" and "[[:>:]]" are word boundaries.
        XCTAssertEqual(literals(#"[[:<:]](?:police|army)[[:>:]]"#), ["army", "police"])
        // A class holding U+0001 is not read (in a literal that byte stands for a digit).
        XCTAssertEqual(LiteralAnalyser(fragments: []).requirement(of: "[\u{1}]said").bound, ["said"])
        XCTAssertEqual(LiteralAnalyser(fragments: []).requirement(of: "[\u{0}-\u{2}]said").bound, ["said"])
        // "{,3}" is a quantifier from PCRE2 10.43 on (up to three "d"s), literal text before.
        XCTAssertNil(literals("killed{,3}"))
        XCTAssertNil(literals("killed{ 1, 3 }"))
        XCTAssertEqual(literals("killed{1,3}"), ["kille"], "the quantifier takes the d")
        XCTAssertEqual(literals(#"killed\{x}"#), ["killed{x}"])
    }

    func testSyntaxItDoesNotFollowGivesNoLiterals() {
        XCTAssertNil(literals(#"(people)\1"#), "back reference")
        XCTAssertNil(literals("(?-x:people marched)"), "extended mode switched off makes spaces count")
        XCTAssertNil(literals("(?(?=x)people|crowd)"), "conditional")
        XCTAssertNil(literals("people(*ACCEPT)marched"), "a match may end early")
        XCTAssertNil(literals("(?:people"), "unbalanced")
        XCTAssertNil(literals(#"\cApeople"#))
    }

    func testOptionGroupsKeepTheirContents() {
        XCTAssertEqual(literals("(?-i:Rally)"), ["rally"])
        XCTAssertEqual(literals("(?i)rally"), ["rally"])
        XCTAssertEqual(literals("(?|rally|march)"), ["march", "rally"])
        XCTAssertEqual(literals("(?<name>rally)(?'n2'ies)"), ["rallyies"])
    }

    func testLiteralsContainingAnotherAreDropped() {
        XCTAssertEqual(literals("kill|killed|killing|dead"), ["dead", "kill"])
    }

    func testShortLiteralsAreNotWorthAGate() {
        XCTAssertNil(literals(#"\bat\s"#))
        XCTAssertNil(literals("at|crowd"))
    }

    func testHostileShapesGiveUpInsteadOfCrashingOrCrawling() {
        // 5,000 levels of parentheses (PCRE2 refuses more than 250 later; the analysis runs first).
        let deep = String(repeating: "(?:", count: 5_000) + "killed" + String(repeating: ")", count: 5_000)
        XCTAssertNil(literals(deep))
        XCTAssertEqual(literals(String(repeating: "(?:", count: 20) + "killed" + String(repeating: ")", count: 20)), ["killed"])
        // A chain of 2,000 fragments, each calling the next.
        let chain = (0..<2_000).map { (name: "f\($0)", pattern: $0 == 1_999 ? "killed" : "(?&f\($0 + 1))") }
        XCTAssertNil(literals("(?&f0)", chain))
        XCTAssertEqual(literals("(?&f1990)", chain), ["killed"])
        // A 200 KB literal: literals stop growing at 32 bytes, so this is quick.
        let long = String(repeating: "abcdefghij", count: 20_000)
        XCTAssertEqual(literals(long)?.first?.utf8.count, 32)
    }

    // The cases a hostile review found (each was a match the gate would have lost).

    func testAQuantifierAfterQuotedOrIgnoredTextGivesUp() {
        // PCRE2 repeats the last quoted character, or the item before one it ignores.
        XCTAssertNil(literals(#"xyz\Q\E{2}abc"#))
        XCTAssertNil(literals(#"xyz\E{2}abc"#))
        XCTAssertNil(literals("xyz(?#c){2}abc"))
        XCTAssertNil(literals("xyz(?i)?abc"))
        XCTAssertNil(literals(#"xyz\Qabc\E?def"#))
        XCTAssertNil(literals(#"xyz\Qabc\E{2}"#))
        XCTAssertEqual(literals(#"(?:xyz\Qabc\E)?def"#), ["def", "xyzabcdef"], "a quantifier after a group repeats the group")
    }

    func testALazyOrPossessiveMarkMayFollowWhiteSpace() {
        XCTAssertEqual(literals(#"\d+ ?defg"#), ["defg"])
        XCTAssertEqual(literals("xyz+ +abc"), ["abc"])
        XCTAssertEqual(literals("xyz{2} ?abc"), ["xyzzabc"])
        XCTAssertEqual(literals("xyz+ # note\n ?abc"), ["abc"])
    }

    func testNonAtomicLookbehindConsumesNothing() {
        XCTAssertNil(literals(#"(?<*a|>abcd)\d"#))
        XCTAssertNil(literals(#"(?<1x>a)\d"#), "not a group name PCRE2 accepts: give up")
    }

    func testACallToANameAGroupAlsoHasIsUnknown() {
        // PCRE2 calls the first group of a name: the pattern's own, or one inside a fragment.
        XCTAssertNil(literals(#"(?<w>z)?\d\s(?&w)"#, [("w", "kilometres")]))
        XCTAssertNil(literals(#"\s(?&h)?(?&hq)"#, [("h", "(?'hq'q)"), ("hq", "kilograms")]))
        XCTAssertEqual(literals(#"\s(?&w)"#, [("w", "kilometres")]), ["kilometres"])
    }

    func testOnlyAnExactPosixFormIsAPosixClass() {
        // "[[:x]" is a class of "[", ":" and "x"; then "|x:]]" is a second alternative.
        XCTAssertEqual(literals("abcdef[[:x]|x:]]"), ["x:]]", "abcdef:", "abcdef[", "abcdefx"])
        XCTAssertEqual(literals("abc[[:alpha:]]def"), ["abc"])
        XCTAssertNil(literals("[[.x.]]"))
    }

    func testAFragmentThatBreaksOutOfItsGroupDisablesTheFile() {
        // In the DEFINE block "z)(?-x)(?:" closes its group and turns extended mode off for "g".
        let fragments = [("f", "z)(?-x)(?:"), ("g", "kilo metres|xyzzy")]
        XCTAssertNil(literals(#"\s(?&g)(?&f)?"#, fragments))
        XCTAssertNil(literals("killed", fragments))
        XCTAssertFalse(LiteralAnalyser(fragments: fragments).callsMeanFragments(in: "(?&g)"))
        XCTAssertTrue(LiteralAnalyser(fragments: [("g", #"a(b)[)]\)(?#note)x"#)]).callsMeanFragments(in: "(?&g)"))
    }

    func testHugeRepeatCountsAreQuick() {
        XCTAssertEqual(literals("killed{9999999999}"), ["kille"])
        XCTAssertNil(literals("(?:x{65535}){1000}"))
    }

    func testQuantifierBracesThatAreNotAQuantifierAreLiteral() {
        XCTAssertEqual(literals("toll{x}"), ["toll{x}"])
        XCTAssertEqual(literals("tol{2}"), ["toll"])
    }
}

final class LiteralGateTests: XCTestCase {
    private func possible(_ gate: LiteralGate, _ text: String) -> [Bool] {
        let bytes = Array(text.utf8)
        var words: [UInt64] = []
        bytes.withUnsafeBufferPointer { gate.scan($0, 0..<$0.count, into: &words) }
        return (0..<gate.count).map { LiteralGate.allows($0, words) }
    }

    func testMarksEveryPatternOneOfWhoseLiteralsOccurs() {
        let gate = LiteralGate(literals: [["killed", "dead"], ["marched"], ["toll"], ["ead"]])
        XCTAssertEqual(possible(gate, "Five were KILLED."), [true, false, false, false])
        XCTAssertEqual(possible(gate, "the dead marched"), [true, true, false, true])
        XCTAssertEqual(possible(gate, "tolls rose"), [false, false, true, false])
        XCTAssertEqual(possible(gate, ""), [false, false, false, false])
    }

    func testOverlappingLiteralsAreAllFound() {
        // "she" inside "ushers", "hers" overlapping it: the classic Aho–Corasick case.
        let gate = LiteralGate(literals: [["he"], ["she"], ["his"], ["hers"]])
        XCTAssertEqual(possible(gate, "ushers"), [true, true, false, true])
    }

    func testOnlyTheScannedRangeCounts() {
        let gate = LiteralGate(literals: [["toll"]])
        let bytes = Array("toll. Five died.".utf8)
        var words: [UInt64] = []
        bytes.withUnsafeBufferPointer { gate.scan($0, 6..<$0.count, into: &words) }
        XCTAssertFalse(LiteralGate.allows(0, words))
        XCTAssertTrue(LiteralGate.allows(nil, words), "an ungated pattern always runs")
    }

    func testKelvinSignAndLongSCountAsTheirAsciiLetters() throws {
        // Caseless UTF matching equates them, so the gate must too.
        let regex = try Regex("killed|lost", options: [.utf, .caseless])
        let gate = LiteralGate(literals: [["killed"], ["lost"]])
        for text in ["\u{212A}illed", "lo\u{17F}t"] {
            XCTAssertTrue(try regex.matches(text), text)
        }
        XCTAssertEqual(possible(gate, "\u{212A}illed"), [true, false])
        XCTAssertEqual(possible(gate, "lo\u{17F}t"), [false, true])
    }

    func testLiteralsTheGateCannotJudgeLeaveThePatternAlwaysPossible() {
        let gate = LiteralGate(literals: [["café"], [""], ["toll"], []])
        XCTAssertEqual(possible(gate, "nothing here"), [true, true, false, false])
    }

    func testEndsAreJustAfterEachPatternsLastLiteral() {
        let gate = LiteralGate(literals: [["killed", "dead"], ["toll"], ["café"], ["marched"]])
        let bytes = Array("x dead, KILLED; toll. dead".utf8)
        var words: [UInt64] = []
        var ends: [Int] = []
        bytes.withUnsafeBufferPointer { gate.scan($0, 0..<20, into: &words, ends: &ends) }
        XCTAssertEqual((0..<gate.count).map { LiteralGate.allows($0, words) }, [true, true, true, false])
        XCTAssertEqual(ends[0], 14, "after KILLED; the later dead is outside the range")
        XCTAssertEqual(ends[1], 20)
        // A match must contain a literal, so it starts no later than the literal's last byte.
        XCTAssertEqual(LiteralGate.limit(0, ends), 13)
        XCTAssertEqual(LiteralGate.limit(1, ends), 19)
        XCTAssertNil(LiteralGate.limit(2, ends), "a pattern the gate cannot judge has no limit")
        XCTAssertNil(LiteralGate.limit(nil, ends))
        XCTAssertNil(LiteralGate.limit(-1, ends))
    }

    func testAnyDigitOfTheTextReadsAsTheDigitOfALiteral() {
        let digit = LiteralAnalyser.digit
        let gate = LiteralGate(literals: [[digit + "th"], ["g7"], ["toll"]])
        XCTAssertEqual(possible(gate, "the 5th day"), [true, false, false])
        XCTAssertEqual(possible(gate, "the fifth day, the G8"), [false, true, false], "a literal's own digit widens to any digit")
        XCTAssertEqual(possible(gate, "\u{1}th toll"), [false, false, true], "U+0001 is no digit")
        let bytes = Array("9th, 10th and the rest".utf8)
        var words: [UInt64] = []
        var ends: [Int] = []
        bytes.withUnsafeBufferPointer { gate.scan($0, 0..<$0.count, into: &words, ends: &ends) }
        XCTAssertEqual(LiteralGate.limit(0, ends), 8)
    }

    func testOneByteLiteralsAreFoundBesideLongerOnes() {
        let digit = LiteralAnalyser.digit
        let gate = LiteralGate(literals: [["%", "pct"], ["a"], [digit, "one"], ["%"], ["k"]])
        let bytes = Array("one of 5 took PCT, a 7% rise; one".utf8)
        var words: [UInt64] = []
        var ends: [Int] = []
        bytes.withUnsafeBufferPointer { gate.scan($0, 0..<$0.count, into: &words, ends: &ends) }
        XCTAssertEqual((0..<gate.count).map { LiteralGate.allows($0, words) }, [true, true, true, true, true], "the k of took")
        XCTAssertEqual(ends[0], 23, "after the %, later than PCT")
        XCTAssertEqual(ends[1], 20, "after the a; \"rise\" holds none")
        XCTAssertEqual(ends[2], bytes.count, "the last one, after the last digit")
        XCTAssertEqual(ends[3], 23)
        XCTAssertEqual(ends[4], 13)
        bytes.withUnsafeBufferPointer { gate.scan($0, 0..<8, into: &words, ends: &ends) }
        XCTAssertEqual((0..<gate.count).map { LiteralGate.allows($0, words) }, [false, false, true, false, false])
        XCTAssertEqual(ends[2], 8, "the digit 5 ends the range")
    }

    func testManyPatternsSpanSeveralWords() {
        let gate = LiteralGate(literals: (0..<130).map { ["word\($0)x"] })
        XCTAssertEqual(gate.words, 3)
        let found = possible(gate, "a word129x and word64x")
        XCTAssertEqual(found.indices.filter { found[$0] }, [64, 129])
    }
}
