import XCTest
@testable import Claims

/// Place, date, group and source attachment; refers-back claims; overlap resolution.
final class ExtractorContextTests: XCTestCase {
    func testContextFromTheClaimsOwnSentence() throws {
        let claim = try XCTUnwrap(extract("About 3,000 people rallied in Portbury on Sunday, police said.").first)
        XCTAssertEqual(claim.context, ClaimContext(place: "Portbury", date: "2021-03-07", group: nil, inherited: []))
        XCTAssertEqual(claim.attribution, Attribution(kind: .named, text: "police", rule: "source.subject-says-after"))
        XCTAssertTrue(claim.sourced)
    }

    func testPlaceAndDateAreInheritedFromAnEarlierSentence() throws {
        let claims = extract("Protesters gathered in Portbury on Saturday. About 3,000 people marched.")
        XCTAssertEqual(claims.map(\.quote), ["About 3,000 people"])
        XCTAssertEqual(claims.first?.context,
                       ClaimContext(place: "Portbury", date: "2021-03-06", group: nil, inherited: ["place", "date"]))
    }

    func testContextIsInheritedFromTheLede() {
        XCTAssertEqual(extract("Protesters gathered in Portbury on Saturday.\n\nPolice were calm.\n\nAbout 3,000 people marched.")
            .first?.context, ClaimContext(place: "Portbury", date: "2021-03-06", group: nil, inherited: ["place", "date"]))
    }

    func testContextIsNotInheritedFromAnotherParagraph() {
        XCTAssertEqual(extract("Police were calm.\n\nProtesters gathered in Portbury on Saturday.\n\nAbout 3,000 people marched.")
            .first?.context, ClaimContext(place: nil, date: "2021-03-08", group: nil, inherited: ["date"]))
    }

    func testALiveBlogTimeStampIsNoLedeAndStartsASection() {
        let text = "5 p.m.\n\nProtesters gathered in Portbury on Saturday.\n\nPolice were calm.\n\nAbout 3,000 people marched.\n\n"
            + "2:40 p.m. GMT\n\nAbout 500 people marched."
        XCTAssertEqual(extract(text).map(\.context), [
            ClaimContext(place: "Portbury", date: "2021-03-06", group: nil, inherited: ["place", "date"]),
            ClaimContext(place: nil, date: "2021-03-08", group: nil, inherited: ["date"]),
        ])
        // A time inside a sentence is no time stamp.
        XCTAssertEqual(extract("Protesters gathered in Portbury at 5 p.m.\n\nPolice were calm.\n\nAbout 3,000 people marched.")
            .first?.context.place, "Portbury")
    }

    func testTheArticleDateIsTheLastResort() {
        XCTAssertEqual(extract("About 3,000 people marched in Oslo.").first?.context,
                       ClaimContext(place: "Oslo", date: "2021-03-08", inherited: ["date"]))
        XCTAssertEqual(extract("About 3,000 people marched in Oslo.", date: nil).first?.context,
                       ClaimContext(place: "Oslo", date: nil, inherited: []))
    }

    func testTheDatePrefixIsTheArticleDate() {
        let text = "date 2021-03-08\nAbout 3,000 people marched in Oslo on Saturday."
        XCTAssertEqual(extract(text, date: nil).first?.context.date, "2021-03-06")
        XCTAssertEqual(extract(text, date: "2021-03-01").first?.context.date, "2021-02-27", "--date overrides the prefix")
    }

    func testDatesInTheSentence() {
        XCTAssertEqual(extract("Yesterday about 3,000 people marched in Oslo.").first?.context.date, "2021-03-07")
        XCTAssertEqual(extract("On Aug. 15, 2020, about 3,000 people marched in Oslo.").first?.context.date, "2020-08-15")
        XCTAssertEqual(extract("About 3,000 people marched in Oslo on Dec. 30.", date: "2021-01-02").first?.context.date,
                       "2020-12-30")
    }

    func testGroupsAreNeverInherited() {
        XCTAssertEqual(summaries("About 3,000 supporters rallied in Portbury. About 500 people marched later."), [
            Summary("crowd", "About 3,000 supporters", "~3000", place: "Portbury", group: "supporters"),
            Summary("crowd", "About 500 people", "~500", place: "Portbury"),
        ])
    }

    func testGenericCrowdWordsAreNoGroup() {
        XCTAssertEqual(extract("Tens of thousands of anti-government protesters marched.").first?.context.group, nil)
        XCTAssertEqual(extract("Up to 5,000 counter-protesters gathered nearby.").first?.context.group, "counter-protesters")
    }

    func testCandidateGroupsDropHonorificsAndKeyBySurname() {
        XCTAssertEqual(summaries("In the election Mr Dorsey won 51%."), [
            Summary("vote_share", "won 51%", "51", group: "Dorsey"),
        ])
    }

    func testAnonymousAttributionIsRecordedButIsNoSource() throws {
        let claim = try XCTUnwrap(extract("Estimates ranged from 100,000 to 200,000 people gathered for a march.").first)
        XCTAssertEqual(claim.quote, "from 100,000 to 200,000 people")
        XCTAssertEqual(claim.attribution, Attribution(kind: .anonymous, text: "Estimates ranged", rule: "source.anonymous"))
        XCTAssertNil(claim.source)
        XCTAssertFalse(claim.sourced)
    }

    func testNamedSourcesWinOverAnonymousOnes() {
        XCTAssertEqual(extract("Police said 500 people reportedly marched in Oslo.").first?.attribution,
                       Attribution(kind: .named, text: "Police", rule: "source.subject-says"))
    }

    func testASayVerbCoversWhatFollowsAndOnlyAClosingOneWhatPrecedes() {
        XCTAssertNil(extract("Just 12 people were killed, but the scale of the assault suggested a new tactic.").first?.source)
        XCTAssertNil(extract("About 3,000 people marched as union leaders declared a general strike.").first?.source)
        XCTAssertEqual(extract("About 3,000 people marched, union leaders said on Sunday.").first?.source, "union leaders")
        XCTAssertEqual(extract("Union leaders said about 3,000 people marched.").first?.source, "Union leaders")
    }

    func testAPronounSourceTakesTheNamedSourceBeforeIt() throws {
        let claims = extract("The Dorvan Observatory says the strike hit a market. It says nine people were killed.")
        let claim = try XCTUnwrap(claims.first)
        XCTAssertEqual(claim.source, "The Dorvan Observatory")
        XCTAssertEqual(claim.voice, "observatory")
        XCTAssertEqual(extract("\"Ten soldiers were killed,\" the army said. \"Forty were hurt,\" it said in a statement.")
            .map(\.source), ["the army", "the army"])
    }

    func testAClaimInABackgroundClauseIsTheWritersOwn() {
        XCTAssertNil(extract("The envoy said the ceasefire counted in a conflict that has killed at least 60,000 people.").first?.attribution)
        XCTAssertEqual(extract("The envoy said at least 60,000 people had been killed.").first?.source, "The envoy")
    }

    func testAJointAttributionIsAVoiceOfItsOwn() throws {
        let joint = try XCTUnwrap(extract("Forty people were killed in Belmar, monitors and state media said.").first)
        XCTAssertEqual(joint.source, "monitors and state media")
        XCTAssertEqual(joint.voice, "monitors and state media")
        XCTAssertEqual(extract("Forty people were killed in Belmar, according to Marek's office.").first?.voice, "office")
    }

    func testSourcesAreNotInheritedFromAnUnrelatedSentence() {
        XCTAssertEqual(summaries("Police said the march was peaceful. About 500 people marched in Oslo."), [
            Summary("crowd", "About 500 people", "~500", place: "Oslo"),
        ])
    }

    func testAccordingTo() {
        XCTAssertEqual(summaries("More than 500 people were arrested, according to the rights group Lantern."), [
            Summary("casualties", "More than 500 people were arrested", "(500, ∞)", group: "detained",
                    source: "the rights group Lantern"),
        ])
    }

    // MARK: refers back

    func testAFigureTakesThePreviousClaimsKind() {
        let text = "Organisers said 40,000 people joined the march in Valmont on Saturday. Police put the figure at 8,000."
        let claims = extract(text)
        XCTAssertEqual(claims.map { Summary($0, full: true) }, [
            Summary("crowd", "40,000 people", "40000", unit: "people", place: "Valmont", date: "2021-03-06", source: "Organisers"),
            Summary("crowd", "put the figure at 8,000", "8000", unit: "people", place: "Valmont", date: "2021-03-06",
                    source: "Police"),
        ])
        XCTAssertEqual(claims.last?.rule, "figure.put-at")
        XCTAssertEqual(claims.last?.context.inherited, ["place", "date"])
    }

    func testAFigureTakesThePreviousClaimsCapturedGroup() {
        XCTAssertEqual(summaries("About 3,000 supporters rallied in Portbury. Police put the figure at 2,000."), [
            Summary("crowd", "About 3,000 supporters", "~3000", place: "Portbury", group: "supporters"),
            Summary("crowd", "put the figure at 2,000", "2000", place: "Portbury", group: "supporters", source: "Police"),
        ])
    }

    func testAFigureWithNothingToReferToIsDropped() {
        XCTAssertEqual(summaries("Police put the figure at 8,000."), [])
        XCTAssertEqual(summaries("40,000 people joined the march in Valmont. It rained. Police put the figure at 8,000.")
            .map(\.quote), ["40,000 people"], "two sentences back is too far")
    }

    func testAFigureDoesNotReferToAnUncomparablePercentage() {
        XCTAssertEqual(summaries("Inflation hit 5%. Police put the figure at 8,000.").map(\.quote), ["5%"])
    }

    func testOfficialsCounted() {
        XCTAssertEqual(summaries("As many as 60,000 people filled the square, organisers said; officials counted 9,000."), [
            Summary("crowd", "As many as 60,000 people", "~[0, 60000]", source: "organisers"),
            Summary("crowd", "counted 9,000", "9000", source: "officials"),
        ])
    }

    // MARK: overlaps

    func testVoteShareBeatsPlainPercent() {
        let claims = extract("Ms Arden won 54% of the vote.")
        XCTAssertEqual(claims.map(\.kind), ["vote_share"])
        XCTAssertEqual(claims.map(\.rule), ["vote_share.of-the-vote"])
    }

    func testTurnoutBeatsPlainPercent() {
        XCTAssertEqual(extract("Turnout was 65%.").map(\.kind), ["turnout"])
    }

    func testCasualtiesBeatCrowds() {
        XCTAssertEqual(summaries("At least 30 protesters were killed at the rally."), [
            Summary("casualties", "At least 30 protesters were killed", "[30, ∞)", group: "killed"),
        ])
    }

    func testOverlapResolutionPrefersPriorityThenLength() throws {
        let rules = Shipped.rules
        let crowd = try XCTUnwrap(rules.claimRules.first { $0.id == "crowd.count" })
        let percent = try XCTUnwrap(rules.claimRules.first { $0.id == "percent.value" })
        func candidate(_ rule: ClaimRule, _ range: Range<Int>) -> Extractor.Candidate {
            Extractor.Candidate(rule: rule, range: range, value: .point(1), kind: rule.kind, unit: "", captured: [:])
        }
        let resolved = Extractor.resolveOverlaps([
            candidate(percent, 0..<10), candidate(crowd, 5..<8), candidate(percent, 12..<14),
            candidate(percent, 12..<16), candidate(percent, 20..<22),
        ])
        XCTAssertEqual(resolved.map(\.range), [5..<8, 12..<16, 20..<22])
        XCTAssertEqual(resolved.map(\.rule.id), ["crowd.count", "percent.value", "percent.value"])
    }

    func testACorrectionReplacesTheEarlierFigureItNames() throws {
        let text = "Five people were stabbed in Tarrow Park, a fire official said. "
            + "A police spokesman says there are four victims in total, not five."
        let claims = extract(text)
        let five = try XCTUnwrap(claims.first { $0.quote == "Five people were stabbed" })
        let four = try XCTUnwrap(claims.first { $0.quote == "four victims" })
        XCTAssertEqual(four.revises, five.start..<five.end)
        XCTAssertNil(five.revises)
        // A no-break space before "not" is a space.
        let spaced = extract(text.replacingOccurrences(of: "total, not", with: "total,\u{a0}not"))
        XCTAssertEqual(spaced.compactMap(\.revises), [five.start..<five.end])
        // The corrected number must be one an earlier figure gave.
        let other = extract("Five people were stabbed in Tarrow Park. Police say there are four victims in total, not six.")
        XCTAssertEqual(other.map(\.revises), [nil, nil])
        // A percentage after "not" corrects no count.
        let share = extract("Five people were stabbed in Tarrow Park. Police say there are four victims, not 5 percent.")
        XCTAssertEqual(share.map(\.revises), [nil, nil])
        // The corrected number must end the clause, and be a figure of the same category and place.
        for text in ["Thirty people were injured in Tarrow on Friday. Police said three people were killed, not 30 as rumoured.",
                     "Two people were killed in Tarrow on Friday. Police said 12 people were injured, not two.",
                     "Five people were killed in Tarrow on Friday. Police said four people were killed in Dunmore, not five."] {
            XCTAssertEqual(extract(text).compactMap(\.revises), [], text)
        }
    }

    func testTheFigureOfASupersededSentenceIsReplacedByTheArticlesOthers() throws {
        let text = "About 150 people are trapped by a wildfire near Lake Orrin. "
            + "The sheriff said approximately 150 people are trapped at Lake Orrin. "
            + "Earlier reports that up to 1,000 people were trapped at Lake Orrin were later revised."
        let claims = extract(text)
        let old = try XCTUnwrap(claims.first { $0.quote.contains("1,000") })
        XCTAssertNil(old.revises)
        // One per voice: the writer's 150 and the sheriff's.
        XCTAssertEqual(claims.filter { $0.revises == old.start..<old.end }.count, 2)
        // Reports that are confirmed, or only came first, are replaced by nothing.
        for text in ["Police in Tarrow confirmed earlier reports that five people were killed on Friday. Two people were killed in Tarrow on Friday, police said.",
                     "The first reports of the fire in Tarrow came on Friday, when 200 residents were trapped. By noon 40 residents were trapped in Tarrow, firefighters said."] {
            XCTAssertEqual(extract(text).compactMap(\.revises), [], text)
        }
    }
}
