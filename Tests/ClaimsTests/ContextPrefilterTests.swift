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

