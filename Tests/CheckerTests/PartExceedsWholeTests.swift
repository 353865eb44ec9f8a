import Claims
import XCTest
@testable import Checker

final class PartExceedsWholeTests: XCTestCase {
    let check = ConflictCheck()
    let options = CheckOptions(tolerance: 0.1)

    func testGroupScopeReadsANarrowedCategory() {
        XCTAssertEqual(GroupScope("Kurdish fighters (killed)"), GroupScope(name: "kurdish fighters", category: "killed"))
        XCTAssertEqual(GroupScope("killed"), GroupScope(name: nil, category: "killed"))
        XCTAssertTrue(GroupScope("kurdish fighters (killed)").isPart(of: GroupScope("fighters (killed)")))
        XCTAssertTrue(GroupScope("soldiers (killed)").isPart(of: GroupScope("killed")))
        XCTAssertFalse(GroupScope("soldiers (killed)").isPart(of: GroupScope("injured")))
        XCTAssertFalse(GroupScope("killed").isPart(of: GroupScope("soldiers (killed)")))
        XCTAssertFalse(GroupScope("fighters (killed)").isPart(of: GroupScope("fighters (killed)")))
        XCTAssertFalse(GroupScope("firefighters (killed)").isPart(of: GroupScope("fighters (killed)")))
    }

    func testAPartLargerThanItsWholeConflicts() {
        // "The monitor said two fighters were killed. A commander said the shelling killed at least 29 rebel fighters."
        let whole = claim("casualties", exact(2), quote: "two fighters were killed", date: "2021-03-06", group: "fighters (killed)",
                          source: "the monitor", line: 1)
        let part = claim("casualties", Interval(low: 29, high: nil), quote: "at least 29 rebel fighters", date: "2021-03-06",
                         group: "rebel fighters (killed)", source: "a commander", line: 2)
        let findings = check.run([part, whole], options: options)
        XCTAssertEqual(findings.map(\.message), [
            "[29, ∞) people (a commander) rebel fighters (killed) are more than 2 people (the monitor) fighters (killed), of which they are part; "
                + "both are the casualties on 2021-03-06",
        ])
        XCTAssertEqual(findings.first?.claims, [whole, part])
        XCTAssertEqual(findings.first?.check, "conflict")
    }

    func testARivalUpperBoundIsReadAsItsRivalFloor() {
        // "Officials said 39 people were killed. The army said it killed as many as 550 separatist troops."
        let whole = claim("casualties", exact(39), group: "killed", source: "officials", line: 1)
        var upTo = Interval(low: 0, high: 550, approx: true)
        upTo.rivalLow = 275
        let part = claim("casualties", upTo, group: "separatist troops (killed)", source: "the army", line: 2)
        XCTAssertEqual(check.run([whole, part], options: options).count, 1)
    }

    func testAPartThatFitsAnotherWholeOfItsArticleIsNoConflict() {
        // "State media said eight people died. The monitor said at least 20 were killed. Thirteen of the dead were civilians."
        let eight = claim("casualties", exact(8), group: "killed", source: "state media", line: 1)
        let twenty = claim("casualties", Interval(low: 20, high: nil), group: "killed", source: "the monitor", line: 2)
        let part = claim("casualties", exact(13), group: "civilians (killed)", line: 3)
        // Only the rival tolls conflict; the thirteen fit the monitor's twenty.
        XCTAssertEqual(check.run([eight, twenty, part], options: options).map(\.message), [
            "8 people (state media) and [20, ∞) people (the monitor) do not overlap; both are the casualties (killed) in the same article",
        ])
    }

    func testSameVoiceToleranceAndVagueQuantitiesNeverConflict() {
        let whole = claim("casualties", exact(10), group: "killed", source: "police", line: 1)
        // One voice giving both figures describes two things.
        XCTAssertEqual(check.run([whole, claim("casualties", exact(12), group: "soldiers (killed)", source: "police", line: 2)], options: options), [])
        // About 10 is up to 11: eleven soldiers fit.
        let about10 = claim("casualties", about(10), group: "killed", source: "police", line: 1)
        XCTAssertEqual(check.run([about10, claim("casualties", exact(11), group: "soldiers (killed)", source: "the army", line: 2)], options: options), [])
        var dozens = Interval(low: 24, high: 400, approx: true)
        dozens.vague = true
        XCTAssertEqual(check.run([whole, claim("casualties", dozens, group: "soldiers (killed)", source: "the army", line: 2)], options: options), [])
    }

    func testOtherPlacesAndDatesAreOtherWholes() {
        let whole = claim("casualties", exact(2), place: "Dorvan", group: "killed", source: "police", line: 1)
        let part = claim("casualties", exact(12), place: "Serrat", group: "soldiers (killed)", source: "the army", line: 2)
        XCTAssertEqual(check.run([whole, part], options: options), [])
    }
}
