import XCTest
@testable import Claims

/// `inherit: article` rules: the place and day of the event a story is about ("the Valmont
/// attack", "Thursday's attack"), for casualty figures that find no place otherwise.
final class EventPlaceTests: XCTestCase {
    /// A follow-up story: its lede is about raids across the country on Friday, its figures
    /// about Thursday's attack in Valmont (the test date, 2021-03-08, is a Monday).
    private let followUp = """
        VALMONT Police arrested four suspected militants in raids across the country on Friday, a day after gunmen attacked a shopping street.

        Police said the four were not directly linked to the Valmont attack.

        Officials returned to the street where Thursday's attack unfolded.

        Forty people were wounded, including two tourists.
        """

    func testAFigureWithNoPlaceTakesTheStorysEvent() throws {
        let claims = extract(followUp)
        XCTAssertEqual(claims.map(\.quote), ["arrested four suspected militants", "Forty people were wounded", "including two tourists"])
        XCTAssertEqual(claims.map(\.context.place), ["country", "Valmont", "Valmont"])
        // The event's day, not the lede's: the raids were on Friday, the attack on Thursday.
        XCTAssertEqual(claims.map(\.context.date), ["2021-03-05", "2021-03-04", "2021-03-04"])
        XCTAssertEqual(claims[1].context.inherited, ["place", "date"])
    }

    func testExplainNamesTheEvent() throws {
        let trace = ExtractionTrace()
        _ = Extractor(rules: Shipped.rules).extract(Document(path: "t.txt", text: followUp), dateOverride: "2021-03-08", trace: trace)
        let provenance = try XCTUnwrap(trace.claims.dropFirst().first?.provenance)
        XCTAssertEqual(provenance.place, .event(rule: "place.event", text: "Valmont", sentence: 1))
        XCTAssertEqual(provenance.date, .event(rule: "date.event", text: "Thursday", sentence: 2))
    }

    func testTheEventIsOnlyAFallback() {
        // A place in the figure's paragraph or in the lede wins; so does its own sentence's day.
        XCTAssertEqual(extract("Three people were killed in Cressac on Sunday.\n\nThe Valmont bombing was last year.\n\n"
            + "Some 12 people were wounded.").map(\.context.place), ["Cressac", "Cressac"])
        XCTAssertEqual(extract("Police raided homes across the country on Friday.\n\nThe Valmont attack was on Thursday.\n\n"
            + "In Dorvan, 12 people were wounded on Sunday.").map { [$0.context.place, $0.context.date] }, [["Dorvan", "2021-03-07"]])
        // In its own sentence the event is a place like any other.
        XCTAssertEqual(extract("The Valmont bombing killed 40 people.").map(\.context.place), ["Valmont"])
    }

    func testOnlyAnEarlierEventOfTheSameSectionCounts() {
        // The figure comes before the event is named.
        XCTAssertEqual(extract("Police raided homes across the country on Friday.\n\nTwelve people were wounded.\n\n"
            + "The Valmont attack shocked the city.").map(\.context.place), [nil])
        // A heading starts another story.
        XCTAssertEqual(extract("Police raided homes across the country on Friday.\n\nThe Valmont attack shocked the city.\n\n"
            + "## Elsewhere\n\nTwelve people were wounded.").map(\.context.place), [nil])
    }

    func testAttackersAndLaterTimesAreNoPlace() {
        for text in ["Police raided homes across the country on Friday.\n\nThe Taliban attack shocked the city.\n\nTwelve people were wounded.",
                     "Police raided homes across the country on Friday.\n\nThe Dorvanian attack shocked the city.\n\nTwelve people were wounded.",
                     "Police raided homes across the country on Friday.\n\nArrests rose after the Valmont attack.\n\nTwelve people were wounded."] {
            XCTAssertEqual(extract(text).map(\.context.place), [nil], text)
        }
    }

    func testEventsServeCasualtiesOnly() {
        XCTAssertEqual(extract("Crowds gathered across the country on Friday.\n\nThe Valmont attack shocked the city.\n\n"
            + "About 3,000 people marched in silence.").map(\.context.place), [nil])
    }
}
