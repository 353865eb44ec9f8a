import Foundation
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
