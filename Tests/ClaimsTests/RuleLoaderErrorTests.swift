import Foundation
import XCTest
@testable import Claims

/// Bad rule files give exact, located diagnostics. Each test writes its files into a fresh
/// directory layered over the shipped rules (which supply the lexicon's units).
final class RuleLoaderErrorTests: XCTestCase {
    private func load(_ files: [String: String]) throws -> (directory: String, rules: RuleSet, messages: [String]) {
        let directory = try temporaryDirectory(self)
        for (name, text) in files { try write(text, to: name, in: directory) }
        let (rules, diagnostics) = RuleLoader(directories: [shippedRulesDirectory, directory.path]).load()
        return (directory.path, rules, diagnostics.map(\.description))
    }

    private let goodRule = """
        kind: crowd
        unit: people
        rules:
          - id: test.geese
            pattern: '(?<value>\\d+)\\s+geese'

        """

    func testAGoodFileLoads() throws {
        let (_, rules, messages) = try load(["geese.yml": goodRule])
        XCTAssertEqual(messages, [])
        XCTAssertTrue(rules.claimRules.contains { $0.id == "test.geese" })
    }

    func testMalformedYAMLIsReportedAtFileLineColumn() throws {
        let (dir, _, messages) = try load(["bad.yml": """
            kind: crowd
            unit: people
            rules:
              - id: test.a
                pattern: x
               examples: []

            """])
        XCTAssertEqual(messages, [
            "\(dir)/bad.yml:6:4: error: invalid YAML: while parsing a block collection: did not find expected '-' indicator",
        ])
    }

    func testUnclosedFlowSequence() throws {
        let (dir, _, messages) = try load(["bad.yml": "kind: crowd\nunit: people\nrules:\n  - id: a\n    pattern: [x\n    examples: []\n"])
        XCTAssertEqual(messages, [
            "\(dir)/bad.yml:6:13: error: invalid YAML: while parsing a flow sequence: did not find expected ',' or ']'",
        ])
    }

    func testInheritTakesLedeOrParagraphAndOnlyOnPlaceAndDateRules() throws {
        let (dir, rules, messages) = try load(["where.yml": """
            context: place
            rules:
              - id: test.scope
                inherit: paragraph
                dateline: true
                pattern: '\\bacross\\s+(?<place>the\\s+land)\\b'
              - id: test.bad
                inherit: everywhere
                pattern: '\\bin\\s+(?<place>Zed)\\b'

            """, "who.yml": """
            context: source
            rules:
              - id: test.who
                inherit: paragraph
                pattern: '(?<source>Zed)\\s+said'

            """])
        XCTAssertEqual(messages, [
            "\(dir)/where.yml:8:14: error: rule test.bad: inherit must be lede or paragraph",
            "\(dir)/who.yml:4:14: error: rule test.who: only place and date rules have 'inherit'",
        ])
        let scope = try XCTUnwrap(rules.contextRules.first { $0.id == "test.scope" })
        XCTAssertFalse(scope.inheritedFromLede)
        XCTAssertTrue(scope.dateline)
        XCTAssertEqual(rules.contextRules.first { $0.id == "place.in" }?.inheritedFromLede, true)
    }

    func testEventsAndPlaceReferencesAreChecked() throws {
        let (dir, rules, messages) = try load(["where.yml": """
            context: place
            rules:
              - id: test.event
                event: true
                pattern: '\\b(?<place>Zed)\\s+attack\\b'
              - id: test.reference
                refers-back: true
                groups: [killed]
                pattern: '\\bthe\\s+(?<place>attack)\\b'
              - id: test.both
                event: true
                refers-back: true
                pattern: '\\b(?<place>Zod)\\b'

            """, "when.yml": """
            context: date
            rules:
              - id: test.when
                refers-back: true
                pattern: '\\b(?<date>Monday)\\b'

            """, "who.yml": """
            context: source
            rules:
              - id: test.who
                event: true
                pattern: '(?<source>Zed)\\s+said'

            """])
        XCTAssertEqual(messages, [
            "\(dir)/when.yml:4:18: error: rule test.when: only source and place rules can refer back",
            "\(dir)/where.yml:11:12: error: rule test.both: an event names what a refers-back mention stands for; it cannot refer back itself",
            "\(dir)/who.yml:4:12: error: rule test.who: only place and date rules have 'event'",
        ])
        XCTAssertEqual(rules.contextRules.first { $0.id == "test.event" }?.event, true)
        XCTAssertEqual(rules.contextRules.first { $0.id == "test.reference" }?.groups, ["killed"])
        XCTAssertEqual(rules.contextRules.first { $0.id == "place.in" }?.event, false)
    }

    func testUnknownKeyWithADidYouMeanHint() throws {
        let (dir, _, messages) = try load(["key.yml": """
            kind: crowd
            unit: people
            rules:
              - id: test.key
                pattren: '(?<value>\\d+) geese'

            """])
        XCTAssertEqual(messages, [
            "\(dir)/key.yml:5:5: error: unknown key 'pattren' in rule (did you mean 'pattern'?); known keys: compare, description, examples, excludes, id, one-quantity, pattern, prefilter, priority, refers-back, requires, revises, set, unit",
            "\(dir)/key.yml:4:5: error: rule test.key: missing 'pattern'",
        ])
    }

    func testUnknownTopLevelKeyWithoutACloseMatchHasNoHint() throws {
        let (dir, _, messages) = try load(["top.yml": goodRule + "colour: blue\n"])
        XCTAssertEqual(messages, [
            "\(dir)/top.yml:6:1: error: unknown key 'colour' in rule file; known keys: bounds, compare, context, define, description, kind, lexicon, one-quantity, prefilter, priority, rules, shares-of, unit",
        ])
    }

    func testDidYouMeanPicksTheClosestKey() {
        XCTAssertEqual(Suggestion.closest(to: "pattren", in: ["pattern", "priority", "prefilter"]), "pattern")
        XCTAssertEqual(Suggestion.closest(to: "exampels", in: ["examples", "excludes"]), "examples")
        XCTAssertEqual(Suggestion.closest(to: "refers_back", in: ["refers-back"]), "refers-back")
        XCTAssertNil(Suggestion.closest(to: "colour", in: ["kind", "unit", "rules"]))
    }

    func testDuplicateRuleIdsInOneDirectoryNameBothPlaces() throws {
        let (dir, rules, messages) = try load([
            "a.yml": goodRule,
            "b.yml": """
                kind: crowd
                unit: people
                rules:
                  - id: test.ducks
                    pattern: '(?<value>\\d+)\\s+ducks'
                  - id: test.geese
                    pattern: '(?<value>\\d+)\\s+swans'

                """,
        ])
        XCTAssertEqual(messages, [
            "\(dir)/b.yml:6: error: duplicate rule id 'test.geese' (first defined at \(dir)/a.yml:4)",
        ])
        let geese = rules.claimRules.filter { $0.id == "test.geese" }
        XCTAssertEqual(geese.map(\.file), ["\(dir)/a.yml"], "the first definition is kept")
    }

    func testDuplicateIdsAcrossSubdirectoriesOfOneLayer() throws {
        let (dir, _, messages) = try load(["a.yml": goodRule, "sub/c.yml": goodRule])
        XCTAssertEqual(messages, [
            "\(dir)/sub/c.yml:4: error: duplicate rule id 'test.geese' (first defined at \(dir)/a.yml:4)",
        ])
    }

    func testALaterLayerOverridesAnIdSilently() throws {
        let first = try temporaryDirectory(self)
        let second = try temporaryDirectory(self)
        try write(goodRule, to: "geese.yml", in: first)
        let override = goodRule.replacingOccurrences(of: "geese'", with: "swans'")
        try write(override, to: "geese.yml", in: second)
        let (rules, diagnostics) = RuleLoader(directories: [shippedRulesDirectory, first.path, second.path]).load()
        XCTAssertEqual(diagnostics, [])
        let geese = rules.claimRules.filter { $0.id == "test.geese" }
        XCTAssertEqual(geese.count, 1)
        XCTAssertEqual(geese.first?.file, second.appendingPathComponent("geese.yml").path)
        let claims = Extractor(rules: rules).extract(Document(path: "t", text: "We saw 12 geese and 3 swans.")).claims
        XCTAssertEqual(claims.filter { $0.rule == "test.geese" }.map(\.quote), ["3 swans"])
    }

    func testALayerCanReplaceAShippedRule() throws {
        let (_, rules, messages) = try load(["crowd.yml": """
            kind: crowd
            unit: people
            rules:
              - id: crowd.count
                pattern: '(?<value>\\d+)\\s+llamas'

            """])
        XCTAssertEqual(messages, [])
        XCTAssertEqual(rules.claimRules.filter { $0.id == "crowd.count" }.count, 1)
        let claims = Extractor(rules: rules).extract(Document(path: "t", text: "About 300 people and 4 llamas marched.")).claims
        XCTAssertEqual(claims.map(\.quote), ["4 llamas"])
    }

    func testARegexThatDoesNotCompileShowsOffsetAndCaret() throws {
        let (dir, _, messages) = try load(["re.yml": """
            kind: crowd
            unit: people
            rules:
              - id: test.re
                pattern: '(?<value>(?&numbr))\\s+geese'

            """])
        XCTAssertEqual(messages, [
            """
            \(dir)/re.yml:5:14: error: rule test.re: pattern does not compile: reference to non-existent subpattern at offset 12
                (?<value>(?&numbr))\\s+geese
                            ^
            """,
        ])
    }

    func testACorrectionPatternMustCaptureTheReplacedNumber() throws {
        let (_, rules, messages) = try load(["more.yml": """
            lexicon:
              corrections: ['\\s*,\\s+not\\s+(?&number)']

            """])
        XCTAssertEqual(messages, [
            "lexicon.corrections: error: pattern '\\s*,\\s+not\\s+(?&number)' must capture (?<corrects>...)",
        ])
        XCTAssertNotNil(rules.correction, "the shipped corrections still load")
    }

    func testCaretIsOnTheRightLineOfAMultiLinePattern() throws {
        let (dir, _, messages) = try load(["re.yml": """
            kind: crowd
            unit: people
            rules:
              - id: test.multi
                pattern: |-
                  (?<value>\\d+)
                  \\s+gee**se

            """])
        XCTAssertEqual(messages, [
            """
            \(dir)/re.yml:5:14: error: rule test.multi: pattern does not compile: quantifier does not follow a repeatable item at offset 21
                \\s+gee**se
                       ^
            """,
        ])
    }

    func testABrokenFragmentIsNamed() throws {
        let (dir, _, messages) = try load(["frag.yml": """
            kind: crowd
            unit: people
            define:
              bird: 'geese|(swans'
            rules:
              - id: test.frag
                pattern: '(?<value>\\d+)\\s+(?&bird)'

            """])
        XCTAssertEqual(messages.first?.hasPrefix("\(dir)/frag.yml:4:9: error: fragment 'bird': pattern does not compile: missing closing parenthesis"), true,
                       messages.joined(separator: "\n"))
        XCTAssertEqual(messages.count, 2, "the rule calling the removed fragment fails too")
    }

    func testAClaimRuleMustCaptureValueOrLowAndHigh() throws {
        let (dir, _, messages) = try load(["g.yml": """
            kind: crowd
            unit: people
            rules:
              - id: test.nogroups
                pattern: '\\d+ geese'
              - id: test.lowonly
                pattern: '(?<low>\\d+) geese'

            """])
        XCTAssertEqual(messages, [
            "\(dir)/g.yml:5:14: error: rule test.nogroups: pattern must capture (?<value>...) or both (?<low>...) and (?<high>...)",
            "\(dir)/g.yml:7:14: error: rule test.lowonly: pattern must capture (?<value>...) or both (?<low>...) and (?<high>...)",
        ])
    }

    func testAClaimRuleWithoutAUnitMustCaptureOne() throws {
        let (dir, _, messages) = try load(["u.yml": """
            kind: crowd
            rules:
              - id: test.nounit
                pattern: '(?<value>\\d+) geese'

            """])
        XCTAssertEqual(messages, [
            "\(dir)/u.yml:4:14: error: rule test.nounit: no 'unit' in the file or rule, so the pattern must capture (?<unit>...) (or the rule must refer back)",
        ])
    }

    func testUnknownUnit() throws {
        let (dir, _, messages) = try load(["u.yml": """
            kind: crowd
            unit: parsecs
            rules:
              - id: test.unit
                pattern: '(?<value>\\d+) geese'
              - id: test.unit2
                unit: furlongs
                pattern: '(?<value>\\d+) ducks'

            """])
        XCTAssertEqual(messages, [
            "\(dir)/u.yml:2:7: error: unknown unit 'parsecs'; the lexicon defines: m, people, percent",
            "\(dir)/u.yml:7:11: error: unknown unit 'furlongs'; the lexicon defines: m, people, percent",
        ])
    }

    func testAFileWithNeitherKindContextNorLexicon() throws {
        let (dir, _, messages) = try load(["n.yml": "description: nothing here\nrules: []\n"])
        XCTAssertEqual(messages, [
            "\(dir)/n.yml:1:1: error: not a rule file: expected a top-level 'kind', 'context' or 'lexicon' key",
            "\(dir)/n.yml:2:8: error: 'rules' needs a top-level 'kind' or 'context' in the same file",
        ])
    }

    func testKindAndContextTogether() throws {
        let (dir, _, messages) = try load(["both.yml": "kind: crowd\ncontext: place\nrules: []\n"])
        XCTAssertEqual(messages, [
            "\(dir)/both.yml:2:10: error: a file has either 'kind' (claim rules) or 'context' (context rules), not both",
        ])
    }

    func testAContextRuleMustCaptureItsRole() throws {
        let (dir, _, messages) = try load(["ctx.yml": """
            context: place
            rules:
              - id: test.where
                pattern: 'in (?<where>[A-Z]\\w+)'

            """])
        XCTAssertEqual(messages, ["\(dir)/ctx.yml:4:14: error: rule test.where: a place rule must capture (?<place>...)"])
    }

    func testUnknownContextRole() throws {
        let (dir, _, messages) = try load(["ctx.yml": "context: weather\nrules: []\n"])
        XCTAssertEqual(messages, [
            "\(dir)/ctx.yml:1:10: error: unknown context 'weather'; expected place, date, group or source",
        ])
    }

    func testMissingDirectoryAndEmptyDirectory() throws {
        let empty = try temporaryDirectory(self)
        let missing = empty.appendingPathComponent("nope").path
        let (_, diagnostics) = RuleLoader(directories: [shippedRulesDirectory, missing, empty.path]).load()
        XCTAssertEqual(diagnostics.map(\.description), [
            "\(missing): error: rules directory not found",
            "\(empty.path): warning: no .yml rule files in this directory",
        ])
    }

    func testNoClaimRulesAtAll() throws {
        let directory = try temporaryDirectory(self)
        try write("lexicon:\n  numbers: {one: 1}\n", to: "lexicon.yml", in: directory)
        let (rules, diagnostics) = RuleLoader(directories: [directory.path]).load()
        XCTAssertEqual(diagnostics.map(\.description), ["\(directory.path): error: no claim rules found"])
        XCTAssertEqual(rules.lexicon.numbers, ["one": 1])
    }

    func testDiagnosticDescriptionOmitsWhatIsUnknown() {
        XCTAssertEqual(Diagnostic(.error, "boom").description, "error: boom")
        XCTAssertEqual(Diagnostic(.warning, file: "f", "w").description, "f: warning: w")
        XCTAssertEqual(Diagnostic(.error, file: "f", line: 3, "m").description, "f:3: error: m")
        XCTAssertEqual(Diagnostic(.info, file: "f", line: 3, column: 9, "m", detail: ["  x", "  ^"]).description,
                       "f:3:9: note: m\n  x\n  ^")
        XCTAssertEqual(Diagnostic(.error, file: "f", line: 0, column: 9, "m").description, "f:0: error: m")
        XCTAssertLessThan(Severity.info, .warning)
        XCTAssertLessThan(Severity.warning, .error)
    }
}
