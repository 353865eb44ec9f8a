import XCTest
@testable import Claims

/// One short text per claim kind, with the shipped rules.
final class ExtractorKindTests: XCTestCase {
    func testCrowd() {
        XCTAssertEqual(summaries("About 3,000 people rallied in Portbury on Sunday, police said.", full: true), [
            Summary("crowd", "About 3,000 people", "~3000", unit: "people", place: "Portbury", date: "2021-03-07",
                    source: "police"),
        ])
    }

    func testCrowdOf() {
        XCTAssertEqual(summaries("A crowd of 5,000 waited outside the court."), [
            Summary("crowd", "crowd of 5,000", "5000"),
        ])
    }

    func testVoteShare() {
        XCTAssertEqual(summaries("Ms Arden won 54% of the vote, the commission said.", full: true), [
            Summary("vote_share", "54% of the vote", "54", unit: "percent", date: "2021-03-08", group: "Arden",
                    source: "the commission"),
        ])
    }

    func testVoteShareIsClampedTo100() {
        XCTAssertEqual(summaries("In the election Lukashenko won more than 80%."), [
            Summary("vote_share", "won more than 80%", "(80, 100]", group: "Lukashenko"),
        ])
    }

    func testDistance() {
        XCTAssertEqual(summaries("The convoy stopped 40 km from the border, the army said.", full: true), [
            Summary("distance", "40 km from the border", "40000", unit: "m", date: "2021-03-08", group: "border",
                    source: "the army"),
        ])
    }

    func testDistanceWithoutALandmarkIsNotComparable() throws {
        let claims = extract("The marchers walked 26.2 miles.")
        XCTAssertEqual(claims.map { Summary($0) }, [Summary("distance", "26.2 miles", "42164.81")])
        XCTAssertEqual(claims.first?.comparable, false)
        XCTAssertEqual(try XCTUnwrap(claims.first?.value.low), 42164.8128, accuracy: 1e-6)
    }

    func testCasualties() {
        XCTAssertEqual(summaries("At least 30 people were killed in the clashes, the health ministry said.", full: true), [
            Summary("casualties", "At least 30 people were killed", "[30, ∞)", unit: "people", date: "2021-03-08",
                    group: "killed", source: "the health ministry"),
        ])
        XCTAssertEqual(summaries("The blast killed 12 soldiers."), [
            Summary("casualties", "killed 12 soldiers", "12", group: "soldiers (killed)"),
        ])
        XCTAssertEqual(summaries("More than 100 people were injured."), [
            Summary("casualties", "More than 100 people were injured", "(100, ∞)", group: "injured"),
        ])
        XCTAssertEqual(summaries("Police arrested 250 protesters."), [
            Summary("casualties", "arrested 250 protesters", "250", group: "detained"),
        ], "a generic crowd word does not narrow the category")
        XCTAssertEqual(summaries("Police detained 40 journalists."), [
            Summary("casualties", "detained 40 journalists", "40", group: "journalists (detained)"),
        ])
    }

    func testTurnout() {
        XCTAssertEqual(summaries("Turnout was 65%, the commission said.", full: true), [
            Summary("turnout", "Turnout was 65%", "65", unit: "percent", date: "2021-03-08", source: "the commission"),
        ])
        XCTAssertEqual(summaries("The poll saw a 60% turnout."), [Summary("turnout", "60% turnout", "60")])
    }

    func testPercent() {
        let claims = extract("Inflation hit 50 percent.")
        XCTAssertEqual(claims.map { Summary($0, full: true) }, [
            Summary("percent", "50 percent", "50", unit: "percent", date: "2021-03-08"),
        ])
        XCTAssertEqual(claims.first?.comparable, false)
        XCTAssertEqual(summaries("Profits rose between 10% and 15%."), [
            Summary("percent", "between 10% and 15%", "[10, 15]"),
        ])
    }

    func testClaimPositionsAndSentence() throws {
        let text = "Héadline\nMeanwhile, about 1,000 people rallied in Prague."
        let claim = try XCTUnwrap(extract(text).first)
        XCTAssertEqual(claim.quote, "about 1,000 people")
        XCTAssertEqual(claim.line, 2)
        XCTAssertEqual(claim.column, 12)
        XCTAssertEqual(claim.start, 21)
        XCTAssertEqual(claim.end, 39)
        XCTAssertEqual(claim.sentence, "Meanwhile, about 1,000 people rallied in Prague.")
        XCTAssertEqual(claim.sentenceStart, 10)
        XCTAssertEqual(claim.sentenceIndex, 1)
        XCTAssertEqual(claim.file, "t.txt")
        XCTAssertEqual(claim.rule, "crowd.count")
    }
}
