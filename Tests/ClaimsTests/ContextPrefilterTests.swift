import Foundation
import XCTest
@testable import Claims

/// A context rule's `prefilter` is a sentence test: the pattern runs only where it matches.
final class ContextPrefilterTests: XCTestCase {
    private func rules(prefilter: String) throws -> RuleSet {
        let directory = try temporaryDirectory(self)
        try write("""
            context: place
            rules:
              - id: place.test-harbour
                prefilter: '\(prefilter)'
                pattern: '\\bby\\s+the\\s+(?<place>quayside)\\b'

            """, to: "harbour.yml", in: directory)
        let (rules, diagnostics) = RuleLoader(directories: [shippedRulesDirectory, directory.path]).load()
        XCTAssertEqual(diagnostics, [])
        return rules
    }

    private func place(_ text: String, _ rules: RuleSet) -> String? {
        Extractor(rules: rules).extract(Document(path: "t.txt", text: text), dateOverride: "2021-03-08").claims.first?.context.place
    }

    func testThePatternRunsOnlyWhereThePrefilterMatches() throws {
        let text = "About 3,000 people rallied by the quayside on Saturday."
        XCTAssertEqual(place(text, try rules(prefilter: "\\brallied\\b")), "quayside")
        XCTAssertNil(place(text, try rules(prefilter: "\\bmarched\\b")))
    }
}

/// A source's voice comes from the lexicon: possessive endings and joining words.
final class VoiceTests: XCTestCase {
    func testVoicesUseTheLexicon() {
        let normalizer = ContextNormalizer(lexicon: Shipped.lexicon)
        XCTAssertEqual(normalizer.voice("the city electoral commission"), "commission")
        XCTAssertEqual(normalizer.voice("Marek’s office"), "office")
        XCTAssertEqual(normalizer.voice("the organisers'"), "organisers")
        XCTAssertEqual(normalizer.voice("monitors and state media"), "monitors and state media")
        XCTAssertEqual(Attribution(kind: .anonymous, text: "estimates ranged", rule: "r").voice, "anonymous")
    }
}

/// A pattern is compiled with only the fragments it calls, directly or through others.
final class DefineBlockTests: XCTestCase {
    func testOnlyCalledFragmentsAreDefined() {
        let fragments = [(name: "a", pattern: "x(?&b)"), (name: "b", pattern: "y"), (name: "c", pattern: "z")]
        XCTAssertEqual(Fragments.calls(in: "(?&a)|(?&zz)"), ["a", "zz"])
        XCTAssertEqual(Fragments.defineBlock(fragments, calledFrom: "q(?&a)"), "(?(DEFINE)(?<a>x(?&b)\n)(?<b>y\n))")
        XCTAssertEqual(Fragments.defineBlock(fragments, calledFrom: "plain"), "")
    }
}
