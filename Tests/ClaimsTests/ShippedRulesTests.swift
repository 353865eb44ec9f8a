import XCTest
@testable import Claims

/// Guards the rule files: they load cleanly and every embedded example passes.
final class ShippedRulesTests: XCTestCase {
    func testShippedRulesLoadWithoutDiagnostics() {
        XCTAssertEqual(Shipped.loaded.1.map(\.description), [])
        XCTAssertFalse(Shipped.rules.claimRules.isEmpty)
        XCTAssertFalse(Shipped.rules.contextRules.isEmpty)
    }

    func testEveryShippedKindIsPresent() {
        let kinds = Set(Shipped.rules.claimRules.map(\.kind))
        for kind in ["crowd", "vote_share", "distance", "casualties", "turnout", "percent", "figure"] {
            XCTAssertTrue(kinds.contains(kind), kind)
        }
        let roles = Set(Shipped.rules.contextRules.map(\.role))
        XCTAssertEqual(roles, [.place, .date, .group, .source])
    }

    func testRuleIdsAreUnique() {
        let ids = Shipped.rules.claimRules.map(\.id) + Shipped.rules.contextRules.map(\.id)
        XCTAssertEqual(ids.count, Set(ids).count)
    }

    func testAllExamplesPass() {
        let (count, failures) = RuleTester(rules: Shipped.rules).run()
        let declared = Shipped.rules.claimRules.map(\.examples.count).reduce(0, +)
            + Shipped.rules.contextRules.map(\.examples.count).reduce(0, +)
        XCTAssertEqual(count, declared, "every declared example ran")
        XCTAssertEqual(failures.map(\.description), [])
    }

    func testEveryRuleHasAnExample() {
        for rule in Shipped.rules.claimRules {
            XCTAssertTrue(rule.examples.contains { $0.shouldMatch }, "\(rule.id) has no match example")
        }
        for rule in Shipped.rules.contextRules {
            XCTAssertTrue(rule.examples.contains { $0.shouldMatch }, "\(rule.id) has no match example")
        }
    }

    func testRuleTesterReportsAFailingExample() throws {
        let directory = try temporaryDirectory(self)
        let path = try write("""
            kind: crowd
            unit: people
            rules:
              - id: crowd.test-wrong
                pattern: '(?<value>\\d+)\\s+geese'
                examples:
                  match:
                    - text: "We saw 12 geese."
                      low: 13
                    - text: "No birds."
                  no-match:
                    - "Then 4 geese."
            """, to: "wrong.yml", in: directory)
        let (rules, diagnostics) = RuleLoader(directories: [shippedRulesDirectory, directory.path]).load()
        XCTAssertEqual(diagnostics, [])
        let failures = RuleTester(rules: rules).run().failures
        XCTAssertEqual(failures.map(\.description), [
            "\(path):8: crowd.test-wrong: low: expected 13, got 12 in \"We saw 12 geese.\"",
            "\(path):10: crowd.test-wrong: expected a match in \"No birds.\", got none",
            "\(path):12: crowd.test-wrong: expected no match in \"Then 4 geese.\", got \"4 geese\" 4",
        ])
    }
}
