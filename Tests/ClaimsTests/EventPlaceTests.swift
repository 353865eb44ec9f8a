import XCTest
@testable import Claims

/// `event` rules name the story's event ("the Valmont attack", "Thursday's attack"); a place
/// rule that refers back ("the attackers") stands for it, for tolls that find no place otherwise.
final class EventPlaceTests: XCTestCase {
    /// A follow-up story: its lede is about raids across the country on Friday, its last
    /// paragraph about Thursday's attack in Valmont (the test date, 2021-03-08, is a Monday).
    private let followUp = """
        VALMONT Police arrested four suspected militants in raids across the country on Friday, a day after gunmen attacked a shopping street.

        Police said the four were not directly linked to the Valmont attack.

        Officials returned to the street where Thursday's attack unfolded.

        A guard was killed along with the attackers. Forty people were wounded, including two tourists.
        """

    func testAFigureBesideAReferenceToTheEventIsTheEvents() throws {
        let claims = extract(followUp)
        XCTAssertEqual(claims.map(\.quote), ["arrested four suspected militants", "Forty people were wounded", "including two tourists"])
        XCTAssertEqual(claims.map(\.context.place), ["country", "Valmont", "Valmont"])
        // The event's day, not the lede's: the raids were on Friday, the attack on Thursday.
        XCTAssertEqual(claims.map(\.context.date), ["2021-03-05", "2021-03-04", "2021-03-04"])
        XCTAssertEqual(claims[1].context.inherited, ["place", "date"])
    }

    func testExplainNamesTheReferenceAndTheEvent() throws {
        let trace = ExtractionTrace()
        _ = Extractor(rules: Shipped.rules).extract(Document(path: "t.txt", text: followUp), dateOverride: "2021-03-08", trace: trace)
        let provenance = try XCTUnwrap(trace.claims.dropFirst().first?.provenance)
        XCTAssertEqual(provenance.place, .event(reference: "attackers", rule: "place.event", text: "Valmont", sentence: 1))
        XCTAssertEqual(provenance.date, .event(reference: "attackers", rule: "date.event", text: "Thursday", sentence: 2))
    }

    func testWithoutAReferenceTheEventPlacesNothing() {
        // A nationwide total, a roundup's other attack, a raid: none refers to the event.
        for last in ["In all, 11,200 people have been killed.", "Hours later, gunmen killed six police officers at a checkpoint.",
                     "Two police officers were wounded in the raids."] {
            let text = "Police raided homes across the country on Friday.\n\nThe Valmont attack was on Thursday.\n\n" + last
            XCTAssertEqual(extract(text).map(\.context.place), [nil], last)
        }
        // Nor does an event name in the figure's own sentence: "over the Valmont bombing" is no place.
        XCTAssertEqual(extract("Police arrested 16 suspects over the Valmont bombing in raids across the country.")
            .map(\.context.place), ["country"])
    }

    func testAReferenceIsWeakerThanAPlaceAndServesTollsOnly() {
        XCTAssertEqual(extract("The Valmont attack shocked the city.\n\nIn Dorvan, 12 people were wounded in the attack.")
            .map(\.context.place), ["Dorvan"])
        // Arrests "over the attack" are made where the police find suspects, and later.
        XCTAssertEqual(extract("The Valmont attack shocked the city.\n\nPolice arrested 16 suspects over the attack.")
            .map(\.context.place), [nil])
        XCTAssertEqual(extract("The Valmont attack shocked the city.\n\nAbout 3,000 people marched against the attack.")
            .map(\.context.place), [nil])
    }

    func testAReferenceNeverOverridesALedesPlaceOrDay() {
        // A second attack in the same city, and another city's attack in the background: the
        // figure is the lede's.
        let market = "VALMONT A bomb exploded at a market in Valmont on Saturday.\n\nPolice sought the cell behind Thursday's "
            + "Valmont attack.\n\nTwenty-four people were wounded in the blast."
        XCTAssertEqual(extract(market).map { [$0.context.place, $0.context.date] }, [["Valmont", "2021-03-06"]])
        let church = "CRESSAC Gunmen opened fire on a church in Cressac on Thursday.\n\nPolice saw no link to the Valmont "
            + "attack.\n\nTwenty-four people were wounded in the attack."
        XCTAssertEqual(extract(church).map(\.context.place), ["Cressac"])
    }

    func testUnderALedeWithNoPlaceTheAttackMayBeTheLedes() {
        // The lede's shooting is the story's event; the Valmont attack is another.
        let church = "Gunmen opened fire on worshippers at a church on Thursday, killing six people.\n\n"
            + "Police looked for links to the Valmont attack earlier in the day.\n\nTwelve people were wounded in the attack."
        XCTAssertEqual(extract(church).map(\.context.place), [nil, nil])
    }

    func testAStoryThatNamesNoEventDayPlacesNothing() {
        // A recalled blast of another year, under a lede about inspections "on Tuesday after an
        // explosion": no day of the event is named, so the injured are not Tianjin's.
        let text = "Authorities ordered inspections of chemical plants nationwide on Tuesday after an explosion at a factory.\n\n"
            + "The inspections recall those ordered over the Tianjin blast.\n\nFive people were injured in the explosion."
        XCTAssertEqual(extract(text).map(\.context.place), [nil])
    }

    func testTheEventsDayMustNameNoOtherPlace() {
        let text = "Police raided homes across the country on Friday.\n\nMonday's bombing in Cressac was followed by the "
            + "Valmont attack.\n\nTwelve people were wounded in the attack."
        XCTAssertEqual(extract(text).map(\.context.place), [nil])
    }

    func testAReferenceInsideTheFigureIsNone() {
        // "Five of the attackers were killed" counts attackers, whom a toll may leave out.
        let text = "Police raided homes across the country on Friday.\n\nPolice said Thursday's Valmont attack was planned abroad.\n\n"
            + "Five of the attackers were killed, police said."
        XCTAssertEqual(extract(text).map(\.context.place), [nil])
    }

    func testAFigureOfTheStorysOwnLaterEventIsNotTheAttacks() {
        // The raids and the rally are the follow-up story's own events (lexicon other-events).
        let raids = "Police raided homes across the country on Friday, a day after an attack.\n\n"
            + "Police said Thursday's Valmont attack was planned abroad.\n\n"
            + "Officers hunting suspects linked to the attack searched homes. Three people were killed in the raids."
        XCTAssertEqual(extract(raids).map(\.context.place), [nil])
        let rally = "Thousands rallied across the country on Friday.\n\nPolice said Thursday's Valmont attack was planned abroad.\n\n"
            + "Two people were killed when police broke up a rally against the attack."
        XCTAssertEqual(extract(rally).map(\.context.place), ["country", nil])
    }

    func testWhatCameAfterTheEventIsNotTheEvents() {
        let text = "Police raided homes across the country on Sunday.\n\nThe Valmont attack was on Thursday.\n\n"
            + "Nine people have been killed in police shootouts since the attack."
        XCTAssertEqual(extract(text).map(\.context.place), [nil])
        // Nor is an event named only as the start of a time: "since Thursday's Valmont bombing".
        let since = "Police raided homes across the country on Sunday.\n\nSecurity has been tightened since Thursday's "
            + "Valmont bombing.\n\nThree people were wounded in a shootout with the gunmen."
        XCTAssertEqual(extract(since).map(\.context.place), [nil])
    }

    func testOnlyAnEarlierEventOfTheSameSectionCounts() {
        XCTAssertEqual(extract("Police raided homes across the country.\n\nTwelve people were wounded in the attack.\n\n"
            + "The Valmont attack shocked the city.").map(\.context.place), [nil])
        XCTAssertEqual(extract("Police raided homes across the country.\n\nThe Valmont attack shocked the city.\n\n"
            + "## Elsewhere\n\nTwelve people were wounded in the attack.").map(\.context.place), [nil])
    }

    func testAttackersHolidaysAndFaithsAreNoEventPlace() {
        for name in ["the Taliban attack", "the Dorvanian attack", "the Independence Day shooting", "the Sunni bombing", "the IS attack"] {
            let text = "Police raided homes across the country.\n\nOfficials spoke of \(name).\n\nTwelve people were wounded in the attack."
            XCTAssertEqual(extract(text).map(\.context.place), [nil], name)
        }
    }
}
