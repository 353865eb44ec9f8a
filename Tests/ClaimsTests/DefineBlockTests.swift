import Foundation
import PCRE2
import XCTest
@testable import Claims

/// A pattern is compiled with only the fragments it calls, directly or through others.
final class DefineBlockTests: XCTestCase {
    func testOnlyCalledFragmentsAreDefined() {
        let fragments = [(name: "a", pattern: "x(?&b)"), (name: "b", pattern: "y"), (name: "c", pattern: "z")]
        XCTAssertEqual(Fragments.calls(in: "(?&a)|(?&zz)"), ["a", "zz"])
        XCTAssertEqual(Fragments.defineBlock(fragments, calledFrom: "q(?&a)"), "(?(DEFINE)(?<a>x(?&b)\n)(?<b>y\n))")
        XCTAssertEqual(Fragments.defineBlock(fragments, calledFrom: "plain"), "")
    }

    func testEveryNamedCaptureFormMakesAFragmentAMacro() {
        // A capture inside a called group is lost when the call returns, so these are pasted.
        for pattern in ["(?<value>\\d+)", "(?P<value>\\d+)", "(?'value'\\d+)"] {
            XCTAssertTrue(RuleCompiler.capturesByName(pattern), pattern)
        }
        for pattern in ["(?:\\d+)", "(?<=at\\s)\\d", "(?<!no\\s)\\d", "(?=x)"] {
            XCTAssertFalse(RuleCompiler.capturesByName(pattern), pattern)
        }
    }
}

/// Stand-ins for fragment calls let PCRE2 see where a rule can start.
final class StartAnalyserTests: XCTestCase {
    let fragments = [(name: "number", pattern: #"\d+|(?&word)"#), (name: "word", pattern: "one|two"),
                     (name: "maybe", pattern: "(?:about\\s+)?"), (name: "loop", pattern: "x(?&loop)?"),
                     (name: "behind", pattern: "(?<!no\\s)(?<!\\d)")]

    func testCallsAreSeenThrough() {
        let analyser = StartAnalyser()
        XCTAssertEqual(analyser.startClass(of: #"\b(?&number)\s+people"#, fragments),
                       #"[\x{30}\x{31}\x{32}\x{33}\x{34}\x{35}\x{36}\x{37}\x{38}\x{39}\x{4f}\x{54}\x{6f}\x{74}]"#)
        XCTAssertEqual(analyser.startClass(of: "(?&loop)", fragments), #"[\x{58}\x{78}]"#)
    }

    func testAFragmentThatCanMatchEmptyBecomesOptional() {
        // (?&maybe) is "about " or nothing: a match starts with "a" or with a number (the \x01
        // that marks "can be empty" stays in the class; no text starts with it).
        XCTAssertEqual(StartAnalyser().startClass(of: "(?&maybe)(?&number)", fragments),
                       #"[\x{1}\x{30}\x{31}\x{32}\x{33}\x{34}\x{35}\x{36}\x{37}\x{38}\x{39}\x{41}\x{4f}\x{54}\x{61}\x{6f}\x{74}]"#)
        XCTAssertEqual(StartAnalyser().startClass(of: "(?&behind)x", fragments), #"[\x{1}\x{58}\x{78}]"#)
    }

    func testAnUnknownStartGivesNoClass() {
        XCTAssertNil(StartAnalyser().startClass(of: "(?&unknown)a", fragments))
        XCTAssertNil(StartAnalyser().startClass(of: "(?&word)?[^a]", fragments))
    }

    func testReplacingCallsKeepsEverythingElse() {
        XCTAssertEqual(Fragments.replacingCalls(in: "a(?&x)b(?&y)(?&(?&x)", { $0 == "x" ? "X" : nil }), "a" + "Xb(?&y)(?&X")
        XCTAssertEqual(Fragments.calls(in: "(?&a)(?& b)(?&c"), ["a"])
    }
}

/// Lexicon phrase lists become alternations grouped by first letter, longest first within one.
final class AlternationTests: XCTestCase {
    func testPhrasesAreGroupedByFirstLetterKeepingTheirOrder() throws {
        let pattern = Fragments.alternation(["about", "more", "more than", "around", "up to", "a"])
        XCTAssertEqual(pattern, #"m(?:ore\s+than\b|ore\b)|a(?:round\b|bout\b|\b)|up\s+to\b"#)
        let regex = try PCRE2.Regex("^(?:" + pattern + ")", options: RuleCompiler.patternOptions)
        let matcher = PCRE2.Matcher(regex)
        for (text, matched) in [("more than 5", "more than"), ("More 5", "More"), ("around 5", "around"), ("a 5", "a"),
                                ("up to 5", "up to")] {
            let bytes = Array(text.utf8)
            let range = try bytes.withUnsafeBufferPointer { try matcher.firstMatch(in: $0, from: 0)?.range }
            XCTAssertEqual(range.map { String(decoding: bytes[$0], as: UTF8.self) }, matched, text)
        }
    }

    func testPhrasesNotStartingWithALowerCaseAsciiLetterAreLeftAsTheyAre() {
        XCTAssertEqual(Fragments.alternation(["½", "half", "a half"]), #"a\s+half\b|half\b|½\b"#)
        XCTAssertEqual(Fragments.alternation(["one", "two"]), #"one\b|two\b"#, "two phrases: nothing to save")
    }
}
