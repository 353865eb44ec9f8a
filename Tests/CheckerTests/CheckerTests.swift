import Claims
import XCTest
@testable import Checker

final class CheckerTests: XCTestCase {
    let march = [
        claim(exact(40000), place: "Valmont", date: "2021-03-06", source: "organisers", line: 3),
        claim(exact(8000), place: "Valmont", date: "2021-03-06", line: 5),
    ]

    func testRunsAllChecksInReportOrder() {
        let result = Checker().run(march.reversed())
        XCTAssertEqual(result.findings.map(\.check), ["conflict", "unsourced"])
        XCTAssertEqual(result.findings.map { $0.primaryLocation?.line }, [3, 5])
        XCTAssertEqual(result.findings.map(\.severity), [.error, .warning])
    }

    func testSettingsOverrideSeverityOrTurnChecksOff() {
        let checker = Checker(settings: ["conflict": .warning, "unsourced": .off])
        XCTAssertEqual(checker.run(march).findings.map { "\($0.check):\($0.severity)" }, ["conflict:warning"])
    }

    func testToleranceComesFromOptions() {
        let claims = [claim(about(3000), source: "a", line: 1), claim(exact(3250), source: "b", line: 2)]
        XCTAssertEqual(Checker(options: CheckOptions(tolerance: 0.1)).run(claims).findings, [])
        XCTAssertEqual(Checker(options: CheckOptions(tolerance: 0.05)).run(claims).findings.count, 1)
    }

    func testSuppressionSilencesConflictAtEitherClaim() {
        let text = "date 2021-03-06\n\n40,000 marched.\n<!-- claimcheck-disable-next-line conflict, unsourced -->\n8,000, police said.\n"
        let suppressions = Suppression.scan(text, file: "a.md")
        let result = Checker().run(march, suppressions: suppressions)
        XCTAssertEqual(result.findings, [])
        XCTAssertEqual(result.suppressedCount, 2)
    }

    func testSuppressionCoversOnlyPrimaryClaimOfOtherChecks() {
        let suppressions = [Suppression(file: "a.md", line: 2, column: 1, checks: ["unsourced"])]
        let result = Checker().run(march, suppressions: suppressions)
        XCTAssertEqual(result.findings.map(\.check), ["unused-suppression", "conflict", "unsourced"])
        XCTAssertEqual(result.findings.first?.message, "suppression of unsourced matched no finding on line 3")
        XCTAssertEqual(result.findings.first?.severity, .info)
        XCTAssertEqual(result.findings.first?.primaryLocation, SourceLocation(file: "a.md", line: 2, column: 1))
        XCTAssertEqual(result.findings.first?.claims, [])
    }

    func testSuppressionWithoutListCoversEveryCheck() {
        let suppressions = [Suppression(file: "a.md", line: 4, column: 1, checks: [])]
        XCTAssertEqual(Checker().run(march, suppressions: suppressions).findings, [])
    }

    func testSuppressionOfDisabledCheckIsNotReportedUnused() {
        let suppressions = [Suppression(file: "a.md", line: 9, column: 1, checks: ["unsourced"])]
        let checker = Checker(settings: ["unsourced": .off])
        XCTAssertEqual(checker.run([], suppressions: suppressions).findings, [])
        XCTAssertEqual(Checker(settings: ["unused-suppression": .off]).run([], suppressions: suppressions).findings, [])
        XCTAssertEqual(Checker().run([], suppressions: suppressions).findings.map(\.check), ["unused-suppression"])
    }

    func testBaselineDropsKnownFindingsEvenAfterLinesMove() {
        let first = Checker().run(march)
        let baseline = Baseline(findings: first.findings)
        let moved = march.map { claim -> Claim in
            var copy = claim
            copy.line += 20
            copy.start += 900
            copy.end += 900
            return copy
        }
        let extra = claim(exact(12), quote: "12 people", line: 40)
        let result = Checker().run(moved + [extra], baseline: baseline)
        XCTAssertEqual(result.findings.map(\.message), ["crowd figure 12 people has no named source"])
        // Each entry absorbs one finding: the same figure added again is new (a second
        // conflict and a second unsourced finding with the baselined fingerprints).
        let again = Checker().run(moved + [march[1]], baseline: baseline)
        XCTAssertEqual(again.findings.map(\.check), ["conflict", "unsourced"])
        XCTAssertEqual(again.baselinedCount, 2)
        XCTAssertEqual(result.baselinedCount, 2)
        XCTAssertEqual(result.unbaselined.count, result.findings.count + 2)
    }

    func testFailThresholds() {
        let warning = Finding(check: "unsourced", severity: .warning, message: "", claims: [], fingerprint: "")
        XCTAssertFalse(FailThreshold.error.fails([warning]))
        XCTAssertTrue(FailThreshold.warning.fails([warning]))
        XCTAssertTrue(FailThreshold.info.fails([warning]))
        XCTAssertFalse(FailThreshold.never.fails([warning]))
        XCTAssertFalse(FailThreshold.info.fails([]))
    }

    func testOutputIsDeterministic() {
        var claims = march
        claims.append(claim(exact(9000), place: "Valmont", date: "2021-03-06", file: "b.md", line: 1))
        claims.append(claim("vote_share", exact(54), unit: "percent", group: "Arden", line: 8))
        claims.append(claim("vote_share", exact(51), unit: "percent", group: "Dorsey", line: 9))
        let expected = Checker().run(claims).findings
        for seed in 1...5 {
            var generator = SeededGenerator(state: UInt64(seed))
            XCTAssertEqual(Checker().run(claims.shuffled(using: &generator)).findings, expected)
        }
    }
}

struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }
}
