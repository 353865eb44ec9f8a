import XCTest
@testable import Claims

/// Datelines (`dateline: true` rules), places that bind only their own paragraph (`inherit:
/// paragraph`), and which figures count as undated (`Claim.articleDated`).
final class DatelineTests: XCTestCase {
    func testABareDatelineIsTheStorysPlace() {
        let claims = extract("VALMONT Police said 300 people were killed on Sunday.\n\nOfficials met.\n\nAnother 40 people were killed.")
        XCTAssertEqual(claims.map(\.context.place), ["VALMONT", "VALMONT"])
    }

    func testTheDatelineIsNoPartOfTheSource() throws {
        let claim = try XCTUnwrap(extract("VALMONT Police said 300 people were killed on Sunday.").first)
        XCTAssertEqual(claim.context.place, "VALMONT")
        XCTAssertEqual(claim.source, "Police")
        XCTAssertEqual(claim.voice, "police")
    }

    func testAnyOtherPlaceInTheSentenceBeatsTheDateline() {
        XCTAssertEqual(extract("BEIRUT Bombs killed nearly 150 people in Jableh on Monday.").map(\.context.place), ["Jableh"])
        XCTAssertEqual(extract("VALMONT, Dorvania - Bombs killed 150 people in Jableh on Monday.").map(\.context.place), ["Jableh"])
    }

    func testAStoryHasOneDateline() {
        // Without the rule the second sentence's "CRESSAC" would be the claim's own place.
        XCTAssertEqual(extract("VALMONT Police fired tear gas on Sunday. CRESSAC Guards said 300 people were killed.")
            .map(\.context.place), ["VALMONT"])
    }

    func testADatelineIsLookedForOnlyAtTheStart() {
        XCTAssertEqual(extract("It rained. It was cold. It was late. VALMONT Guards said 300 people were killed.")
            .map(\.context.place), [nil])
    }

    func testANationwideScopeIsNotInheritedFromTheLede() {
        XCTAssertEqual(extract("Police raided homes across the country on Sunday. About 3,000 people were detained.")
            .map(\.context.place), ["country"])
        XCTAssertEqual(extract("Police raided homes across the country on Sunday.\n\nOfficials met.\n\nAbout 3,000 people were detained.")
            .map(\.context.place), [nil])
        // Nor is the dateline before it: the later figures may be the nation's.
        XCTAssertEqual(extract("VALMONT Police raided homes across the country on Sunday.\n\nOfficials met.\n\nAbout 3,000 people were detained.")
            .map(\.context.place), [nil])
        XCTAssertEqual(extract("VALMONT Police raided homes on Sunday.\n\nOfficials met.\n\nAbout 3,000 people were detained.")
            .map(\.context.place), ["VALMONT"])
    }

    func testSlugsOrganisationsAndHeadlinesAreNoDateline() {
        for text in ["UPDATE Police said 300 people were killed.", "NATO Officials said 300 people were killed.",
                     "FLOODS HIT VALMONT Police said 300 people were killed.", "GENERAL MOTORS Officials said 300 people were killed."] {
            XCTAssertEqual(extract(text).map(\.context.place), [nil], text)
        }
    }

    func testOnlyAnUndatedFigureIsLooselyDated() {
        // The lede's day carried into a later paragraph dates the figure like any other.
        let lede = extract("Police raided homes in Valmont on Monday.\n\nOn Sunday 3 people were killed in Valmont.\n\n"
            + "Some 24 people were wounded.")
        XCTAssertEqual(lede.map(\.context.date), ["2021-03-07", "2021-03-08"])
        XCTAssertEqual(lede.map(\.articleDated), [false, false])
        XCTAssertEqual(extract("Some 24 people were wounded in Valmont.").map(\.articleDated), [true])
    }
}
