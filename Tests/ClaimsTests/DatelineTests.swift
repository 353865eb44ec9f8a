import XCTest
@testable import Claims

/// Datelines (`dateline: true` rules), places that bind only their own paragraph (`inherit:
/// paragraph`), and dates that only loosely date a claim (`Claim.articleDated`).
final class DatelineTests: XCTestCase {
    func testABareDatelineIsTheStorysPlace() {
        let claims = extract("VALMONT Police said 300 people were killed on Sunday.\n\nOfficials met.\n\nAnother 40 people were killed.")
        XCTAssertEqual(claims.map(\.context.place), ["VALMONT", "VALMONT"])
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
        // Skipped, the scope leaves the dateline as the lede's place.
        XCTAssertEqual(extract("VALMONT Police raided homes across the country on Sunday.\n\nOfficials met.\n\nAbout 3,000 people were detained.")
            .map(\.context.place), ["VALMONT"])
    }

    func testSlugsOrganisationsAndHeadlinesAreNoDateline() {
        for text in ["UPDATE Police said 300 people were killed.", "NATO Officials said 300 people were killed.",
                     "FLOODS HIT VALMONT Police said 300 people were killed.", "GENERAL MOTORS Officials said 300 people were killed."] {
            XCTAssertEqual(extract(text).map(\.context.place), [nil], text)
        }
    }

    func testTheLedesDayOfPublicationLooselyDatesALaterParagraphOfAStoryOfTwoDays() throws {
        // The article date is Monday 2021-03-08.
        let twoDays = extract("Police raided homes in Valmont on Monday.\n\nOn Sunday 3 people were killed in Valmont.\n\n"
            + "Some 24 people were wounded.")
        XCTAssertEqual(twoDays.map(\.context.date), ["2021-03-07", "2021-03-08"])
        XCTAssertEqual(twoDays.map(\.articleDated), [false, true])
        // A story of one day dates its figures by its lede.
        let today = extract("Police raided homes in Valmont on Monday.\n\nOfficials met.\n\nSome 24 people were wounded.")
        XCTAssertEqual(today.map(\.context.date), ["2021-03-08"])
        XCTAssertEqual(today.map(\.articleDated), [false])
        // So does a lede about an earlier day, and a day in the claim's own paragraph.
        let sunday = extract("Police raided homes in Valmont on Sunday.\n\nOn Saturday 3 people were killed in Valmont.\n\n"
            + "Some 24 people were wounded.")
        XCTAssertEqual(sunday.map(\.context.date), ["2021-03-06", "2021-03-07"])
        XCTAssertEqual(sunday.map(\.articleDated), [false, false])
        let own = extract("Police raided homes in Valmont on Monday. On Sunday 3 people were killed. Some 24 people were wounded.")
        XCTAssertEqual(own.map(\.articleDated), [false, false])
        // No day in the text at all: the article's own date, loosely.
        XCTAssertEqual(extract("Some 24 people were wounded in Valmont.").map(\.articleDated), [true])
    }
}
