import Claims
import XCTest
@testable import Checker

final class ConflictCheckTests: XCTestCase {
    let check = ConflictCheck()
    let options = CheckOptions(tolerance: 0.1)

    func testOrganisersAgainstPoliceConflict() {
        // "Organisers said 40,000 people joined the march in Valmont on Saturday. Police put the figure at 8,000."
        let a = claim(exact(40000), quote: "40,000 people", place: "Valmont", date: "2021-03-06", source: "organisers", line: 1)
        let b = claim(exact(8000), quote: "8,000", place: "Valmont", date: "2021-03-06", source: "police", line: 2)
        let findings = check.run([b, a], options: options)
        XCTAssertEqual(findings.map(\.message), [
            "40000 people (organisers) and 8000 people (police) do not overlap; both are the crowd in Valmont on 2021-03-06",
        ])
        XCTAssertEqual(findings.first?.claims, [a, b])
        XCTAssertEqual(findings.first?.severity, .error)
        XCTAssertEqual(findings.first?.check, "conflict")
    }

    func testDifferentPlacesNeverConflict() {
        // "About 3,000 people rallied in Portbury, while in Lindale some 300 gathered."
        let a = claim(about(3000), place: "Portbury", line: 1)
        let b = claim(about(300), place: "Lindale", line: 1, start: 150)
        XCTAssertEqual(check.run([a, b], options: options), [])
    }

    func testVagueCountOverlapsFigure() {
        // "Tens of thousands marched in Valmont; the interior ministry said 35,000 took part."
        let a = claim(Interval(low: 10000, high: 250000, approx: true), place: "Valmont", date: "2021-03-06", line: 1)
        let b = claim(exact(35000), place: "Valmont", date: "2021-03-06", source: "the interior ministry", line: 2)
        XCTAssertEqual(check.run([a, b], options: options), [])
    }

    func testAVagueQuantityIsComparedOnlyWithVagueOnes() {
        var hundreds = Interval(low: 100, high: 4000, approx: true)
        hundreds.vague = true
        var tensOfThousands = Interval(low: 10000, high: 400000, approx: true)
        tensOfThousands.vague = true
        let a = claim("casualties", hundreds, source: "a spokeswoman", line: 1)
        let b = claim("casualties", Interval(low: 15, high: 20), source: "the coast guard", line: 2)
        XCTAssertEqual(check.run([a, b], options: options), [])
        let c = claim(hundreds, source: "police", line: 1)
        let d = claim(tensOfThousands, source: "organisers", line: 2)
        XCTAssertEqual(check.run([c, d], options: options).count, 1)
    }

    func testDifferentGroupsNeverConflict() {
        // "Hundreds of supporters of the mayor gathered ..., facing about 2,000 counter-protesters."
        let a = claim(Interval(low: 100, high: 1000, approx: true), group: "supporters of the mayor", line: 1)
        let b = claim(about(2000), group: "counter-protesters", line: 1, start: 180)
        let c = claim(exact(20000), line: 2)
        XCTAssertEqual(check.run([a, b, c], options: options), [])
    }

    func testAsManyAsConflicts() {
        // "As many as 60,000 people filled the square, organisers said; officials counted 9,000."
        // The figure is at most 60,000; against a rival it asserts at least half of that.
        var upTo = Interval(low: 0, high: 60000)
        upTo.rivalLow = 30000
        let a = claim(upTo, place: "Valmont", source: "organisers", line: 1)
        let b = claim(exact(9000), place: "Valmont", source: "officials", line: 1, start: 160)
        let findings = check.run([a, b], options: options)
        XCTAssertEqual(findings.map(\.message), [
            "[30000, 60000] people (organisers) and 9000 people (officials) do not overlap; both are the crowd in Valmont",
        ])
        XCTAssertEqual(findings.first?.claims.first?.value.low, 0, "the finding keeps the claim as extracted")
        // One voice giving both is two quantities, and a figure above half is no contradiction.
        let sameVoice = claim(exact(9000), place: "Valmont", source: "organisers", line: 2)
        XCTAssertEqual(check.run([a, sameVoice], options: options), [])
        let close = claim(exact(40000), place: "Valmont", source: "officials", line: 2)
        XCTAssertEqual(check.run([a, close], options: options), [])
    }

    func testConvertedDistancesConflict() {
        // "The convoy stopped 40 km from the border, the army said. Witnesses said it was 15 miles away."
        let a = claim("distance", exact(40000), unit: "m", group: "convoy", source: "the army", line: 1)
        let b = claim("distance", exact(24140.16), unit: "m", group: "convoy", source: "witnesses", line: 2)
        XCTAssertEqual(check.run([a, b], options: options).map(\.message), [
            "40000 m (the army) and 24140.16 m (witnesses) do not overlap; both are the distance (convoy) in the same article",
        ])
    }

    func testToleranceWidensApproximateValues() {
        let a = claim(about(3000), line: 1)
        let b = claim(exact(3250), source: "police", line: 2)
        XCTAssertEqual(check.run([a, b], options: CheckOptions(tolerance: 0.1)), [])
        XCTAssertEqual(check.run([a, b], options: CheckOptions(tolerance: 0.05)).map(\.message), [
            "~3000 people (±5%: [2850, 3150]) and 3250 people (police) do not overlap; both are the crowd in the same article",
        ])
        // Exact figures do not widen.
        XCTAssertEqual(check.run([claim(exact(3000), line: 1), b], options: CheckOptions(tolerance: 0.5)).count, 1)
    }

    func testTwoApproximateValuesShareTheTolerance() {
        // "The union estimated some 120,000 people marched, police more like 100,000."
        let union = claim(about(120000), source: "the union", line: 1)
        let police = claim(about(100000), source: "police", line: 2)
        XCTAssertEqual(check.run([union, police], options: options).map(\.message), [
            "~120000 people (the union; ±7.5%: [111000, 129000]) and ~100000 people (police; ±7.5%: [92500, 107500]) do not overlap; both are the crowd in the same article",
        ])
        // 15% apart they agree: one crowd rounded two ways.
        XCTAssertEqual(check.run([claim(about(115000), source: "the union", line: 1), police], options: options), [])
        // Against an exact figure an approximate one still widens by the whole tolerance.
        XCTAssertEqual(check.run([claim(exact(109000), source: "the union", line: 1), police], options: options), [])
    }

    func testUnknownAgainstKnownContextDoesNotConflict() {
        let dated = claim(exact(40000), place: "Valmont", date: "2021-03-06", line: 1)
        let undated = claim(exact(8000), place: "Valmont", line: 2)
        let placeless = claim(exact(8000), date: "2021-03-06", line: 3)
        XCTAssertEqual(check.run([dated, undated, placeless], options: options), [])
    }

    func testDifferentKindOrUnitDoesNotConflict() {
        let a = claim("crowd", exact(40000), line: 1)
        let b = claim("arrests", exact(80), line: 2)
        let c = claim("crowd", exact(8), unit: "buses", line: 3)
        XCTAssertEqual(check.run([a, b, c], options: options), [])
    }

    func testContextComparesCaseAndSpaceInsensitively() {
        let a = claim(exact(40000), place: "Valmont", date: "2021-03-06", line: 1)
        let b = claim(exact(8000), place: " valmont ", date: "2021-03-06", source: "police", line: 2)
        XCTAssertEqual(check.run([a, b], options: options).count, 1)
    }

    func testAcrossArticlesNeedsPlaceAndDate() {
        let a = claim(exact(40000), place: "Valmont", date: "2021-03-06", file: "a.md", line: 4)
        let b = claim(exact(8000), place: "Valmont", date: "2021-03-06", file: "b.md", line: 2)
        let findings = check.run([b, a], options: options)
        XCTAssertEqual(findings.map { $0.claims.map(\.file) }, [["a.md", "b.md"]])

        // Without a date the two articles may describe different marches.
        let c = claim(exact(40000), place: "Valmont", file: "a.md", line: 4)
        let d = claim(exact(8000), place: "Valmont", file: "b.md", line: 2)
        XCTAssertEqual(check.run([c, d], options: options), [])
        let e = claim(exact(40000), file: "a.md")
        let f = claim(exact(8000), file: "b.md")
        XCTAssertEqual(check.run([e, f], options: options), [])
    }

    func testRevisionComparedWithTheFigureItCorrects() {
        // "The toll was 12 but it dropped to at least nine." One voice, overlapping ranges.
        let a = claim("casualties", exact(12), quote: "toll was 12", place: "Dorvan", group: "killed", line: 1)
        var b = claim("casualties", Interval(low: 9, high: nil), quote: "dropped to at least nine", place: "Dorvan",
                      group: "killed", line: 1, start: 140)
        XCTAssertEqual(check.run([a, b], options: options), [])
        b.revises = a.start..<a.end
        XCTAssertEqual(check.run([a, b], options: options).map(\.message), [
            "12 people was revised to [9, ∞) people; both are the casualties (killed) in Dorvan",
        ])
        // Repeating the figure is no correction.
        var c = claim("casualties", exact(12), quote: "revised to 12", place: "Dorvan", group: "killed", line: 1, start: 140)
        c.revises = a.start..<a.end
        XCTAssertEqual(check.run([a, c], options: options), [])
    }

    func testCorrectionOfAFigureWithAnotherGroupIsReported() {
        // "Five people were stabbed ... the NYPD says there are four victims in total, not five."
        let a = claim("casualties", exact(5), quote: "five people were stabbed", place: "Riverside Park", group: "injured", line: 1)
        var b = claim("casualties", exact(4), quote: "four victims", place: "Riverside Park", group: "victims", line: 2)
        XCTAssertEqual(check.run([a, b], options: options), [])
        b.revises = a.start..<a.end
        XCTAssertEqual(check.run([a, b], options: options).map(\.message), [
            "5 people was revised to 4 people; the casualties (injured) in Riverside Park, corrected as the casualties (victims) in Riverside Park",
        ])
        // A vague figure is still no rival of a count, and another kind is no target.
        var vague = claim("casualties", Interval(low: 100, high: nil), quote: "hundreds", group: "injured", line: 1)
        vague.value.vague = true
        var c = b
        c.revises = vague.start..<vague.end
        XCTAssertEqual(check.run([vague, c], options: options), [])
        let crowd = claim(exact(5), quote: "five marchers", line: 1)
        c.revises = crowd.start..<crowd.end
        XCTAssertEqual(check.run([crowd, c], options: options), [])
    }

    func testAReplacedFigureIsNoRivalOfAnotherArticle() {
        // Article a: "About 150 people are trapped in Leeds ... Earlier reports that 1,000 people were
        // trapped were later revised." Article b: "About 140 people were trapped in Leeds."
        var current = claim("stranded", about(150), quote: "About 150 people are trapped", place: "Leeds", date: "2024-03-01",
                            source: "police", file: "a.md", line: 1)
        let old = claim("stranded", exact(1_000), quote: "1,000 people were trapped", place: "Leeds", date: "2024-03-01",
                        file: "a.md", line: 2)
        current.revises = old.start..<old.end
        let other = claim("stranded", about(140), quote: "About 140 people were trapped", place: "Leeds", date: "2024-03-01",
                          source: "council", file: "b.md", line: 1)
        XCTAssertEqual(check.run([current, old, other], options: options).map { $0.claims.map(\.quote) }, [
            ["About 150 people are trapped", "1,000 people were trapped"],
        ], "only the revision in its own article")
    }

    func testOneVoicesTwoDistancesConflictWhenTheRuleIsOneQuantity() {
        // Caption: "Kishoreganj, about 90 kilometers north of Dhaka"; text: "Kishoreganj, about 68 miles northeast of Dhaka".
        let a = claim("distance", about(90_000), unit: "m", quote: "about 90 kilometers", place: "Kishoreganj", group: "Dhaka", line: 1)
        let b = claim("distance", about(109_435), unit: "m", quote: "about 68 miles", place: "Kishoreganj", group: "Dhaka", line: 2)
        XCTAssertEqual(check.run([a, b], options: options), [], "one voice's two figures are two quantities")
        let pinned = ConflictCheck(oneQuantityRules: ["distance.test"])
        XCTAssertEqual(pinned.run([a, b], options: options).map(\.message), [
            "~90000 m (±7.5%: [83250, 96750]) and ~109435 m (±7.5%: [101227.38, 117642.63]) do not overlap; both are the distance (Dhaka) in Kishoreganj",
        ])
        // A figure from another distance rule ("a school 12 km from the border") may measure
        // something else at that place: still two quantities.
        var c = b
        c.rule = "distance.from-landmark"
        XCTAssertEqual(pinned.run([a, c], options: options), [])
        // Other rules keep the one-voice rule.
        let crowds = [claim(exact(40_000), place: "Valmont", line: 1), claim(exact(1_500), place: "Valmont", line: 2)]
        XCTAssertEqual(pinned.run(crowds, options: options), [])
    }

    func testARevisionOfALaterFigureIsReportedOnce() {
        // "At least two civilians were killed ... The figures differed from ones issued earlier by
        // the police, who had said that three civilians were killed": the lede's figure replaces
        // the later, superseded one.
        var a = claim("casualties", Interval(low: 2, high: nil), quote: "At least two civilians were killed", place: "Jakarta",
                      group: "civilians (killed)", line: 1)
        let b = claim("casualties", exact(3), quote: "three civilians were killed", place: "Jakarta",
                      group: "civilians (killed)", source: "national police", line: 8)
        a.revises = b.start..<b.end
        XCTAssertEqual(check.run([a, b], options: options).map(\.message), [
            "3 people (national police) was revised to [2, ∞) people; both are the casualties civilians (killed) in Jakarta",
        ])
    }

    func testArticleDatedClaimMeetsAnEarlierDayAcrossArticles() {
        // Saturday's article: "Organisers said 40,000 marched in Valmont on Saturday." Tuesday's
        // article gives no day: "Organisers say 15,000 people gathered in Valmont."
        let a = claim(exact(40000), place: "Valmont", date: "2021-03-06", source: "organisers", file: "a.md", line: 1)
        var b = claim(exact(15000), place: "Valmont", date: "2021-03-09", source: "organisers", file: "b.md", line: 1)
        XCTAssertEqual(check.run([a, b], options: options), [])
        b.articleDated = true
        XCTAssertEqual(check.run([a, b], options: options).map { $0.claims.map(\.file) }, [["a.md", "b.md"]])
        XCTAssertEqual(check.run([a, b], options: options).map(\.message), [
            "40000 people (organisers) and 15000 people (organisers) do not overlap; both are the crowd in Valmont on 2021-03-06",
        ])
        // Four days is too far, and a later day is another event.
        var c = b
        c.context.date = "2021-03-10"
        XCTAssertEqual(check.run([a, c], options: options), [])
        var d = b
        d.context.date = "2021-03-05"
        XCTAssertEqual(check.run([a, d], options: options), [])
        // Two undated figures still need the same day: Monday's undated "300 killed" and
        // Wednesday's "500 killed" are a toll that rose.
        var e = a
        e.articleDated = true
        XCTAssertEqual(check.run([e, b], options: options), [])
    }

    func testAnotherDaysRepeatOfARivalFigureIsNotReportedAgain() {
        // a.md: "Organisers said 30,000 marched in Varden on Saturday; police said 6,000." b.md,
        // Sunday's paper, undated: "Police said 6,000 people marched in Varden."
        let organisers = claim(exact(30000), place: "Varden", date: "2024-05-04", source: "organisers", file: "a.md", line: 1)
        let police = claim(exact(6000), place: "Varden", date: "2024-05-04", source: "police", file: "a.md", line: 2)
        var again = claim(exact(6000), place: "Varden", date: "2024-05-05", source: "police", file: "b.md", line: 1)
        again.articleDated = true
        XCTAssertEqual(check.run([organisers, police, again], options: options).map { $0.claims.map { "\($0.file):\($0.line)" } },
                       [["a.md:1", "a.md:2"]])
        var mayor = again
        mayor.attribution = Attribution(kind: .named, text: "the mayor", rule: "source.said")
        XCTAssertEqual(check.run([organisers, police, mayor], options: options).map { $0.claims.map { "\($0.file):\($0.line)" } },
                       [["a.md:1", "a.md:2"], ["a.md:1", "b.md:1"]])
    }

    func testALooselyDatedFigureIsReportedOncePerVoiceOfEarlierDays() {
        // Thursday's stories: officials' 20 wounded (a.md), the writer's 20 wounded (b.md), both
        // dated Thursday by their text. Friday's story, five paragraphs below a lede about
        // Friday: "24 were wounded".
        let a = claim("casualties", exact(20), place: "Jakarta", date: "2016-01-14", group: "injured", source: "officials", file: "a.md", line: 1)
        let b = claim("casualties", exact(20), place: "Jakarta", date: "2016-01-14", group: "injured", file: "b.md", line: 1)
        var c = claim("casualties", exact(24), place: "JAKARTA", date: "2016-01-15", group: "injured", file: "c.md", line: 9)
        c.articleDated = true
        XCTAssertEqual(check.run([a, b, c], options: options).map { $0.claims.map(\.file) }, [["a.md", "c.md"], ["b.md", "c.md"]])
        // One voice is reported once.
        var d = b
        d.attribution = a.attribution
        XCTAssertEqual(check.run([a, d, c], options: options).map { $0.claims.map(\.file) }, [["a.md", "c.md"]])
        // A figure dated only by its own article's day meets no loose figure of another day.
        var undated = a
        undated.articleDated = true
        XCTAssertEqual(check.run([undated, c], options: options), [])
    }

    func testAnotherArticlesRepeatOfARivalFigureIsNotReportedAgain() {
        // a.md: "Just seven people were killed ... It added that 15 people were killed" (the
        // group's claim). b.md, the same writer's next story: "seven people were killed".
        let own = claim("casualties", exact(7), place: "Jakarta", date: "2016-01-14", group: "killed", file: "a.md", line: 4)
        let rival = claim("casualties", exact(15), place: "Jakarta", date: "2016-01-14", group: "killed", source: "the group",
                          file: "a.md", line: 10)
        let repeated = claim("casualties", exact(7), place: "Jakarta", date: "2016-01-14", group: "killed", file: "b.md", line: 3)
        XCTAssertEqual(check.run([own, rival, repeated], options: options).map { $0.claims.map { "\($0.file):\($0.line)" } },
                       [["a.md:4", "a.md:10"]])
        // Another voice's 7 in the second story is a contradiction of its own.
        let police = claim("casualties", exact(7), place: "Jakarta", date: "2016-01-14", group: "killed", source: "police",
                           file: "b.md", line: 3)
        XCTAssertEqual(check.run([own, rival, police], options: options).map { $0.claims.map { "\($0.file):\($0.line)" } },
                       [["a.md:4", "a.md:10"], ["a.md:10", "b.md:3"]])
    }

    func testAnotherArticlesFigureIsReportedBesideTheArticlesOwn() {
        // a.md: "Organisers said 200,000 marched in Valmont on Saturday." b.md: "Organisers say
        // 100,000 gathered; a reporter said fewer than 10,000." The reporter's figure contradicts
        // its own article's organisers and, separately, the other paper's.
        let a = claim(exact(200000), place: "Valmont", date: "2021-03-06", source: "organisers", file: "a.md", line: 1)
        let b = claim(exact(100000), place: "Valmont", date: "2021-03-06", source: "organisers", file: "b.md", line: 1)
        let c = claim(Interval(low: 0, high: 10000, highInclusive: false), place: "Valmont", date: "2021-03-06",
                      source: "a reporter", file: "b.md", line: 2)
        let pairs = check.run([a, b, c], options: options).map { $0.claims.map { "\($0.file):\($0.line)" } }
        XCTAssertEqual(pairs, [["a.md:1", "b.md:1"], ["b.md:1", "b.md:2"], ["a.md:1", "b.md:2"]])
        // Police's and the organisers' counts in the other paper are two findings; the same
        // voice twice is one.
        let police = claim(exact(100000), place: "Valmont", date: "2021-03-06", source: "police", file: "a.md", line: 2)
        let policeAgain = claim(exact(90000), place: "Valmont", date: "2021-03-06", source: "police", file: "a.md", line: 3)
        let reporter = claim(exact(5000), place: "Valmont", date: "2021-03-06", source: "a reporter", file: "c.md", line: 1)
        let found = check.run([a, police, policeAgain, reporter], options: options).filter { $0.claims[1] == reporter }
        XCTAssertEqual(found.map { $0.claims[0].line }, [1, 2])
    }

    func testOneVoiceInOneArticleGivesDifferentQuantities() {
        // "Ms Arden won 54% of the vote and her rival Mr Dorsey 51%, the commission said." read without groups.
        let a = claim("percent", exact(54), unit: "percent", source: "the commission", line: 1, start: 10)
        let b = claim("percent", exact(51), unit: "percent", source: "The Commission", line: 1, start: 60)
        XCTAssertEqual(check.run([a, b], options: options), [])
        let unsourcedA = claim(exact(3000), line: 1, start: 10)
        let unsourcedB = claim(exact(300), line: 1, start: 60)
        XCTAssertEqual(check.run([unsourcedA, unsourcedB], options: options), [])
        // The same voice later in the article, even worded differently, is still one voice...
        let later = claim("percent", exact(51), unit: "percent", source: "the city electoral commission", line: 2)
        XCTAssertEqual(check.run([a, later], options: options), [])
        let writerLater = claim(exact(300), line: 5)
        XCTAssertEqual(check.run([unsourcedA, writerLater], options: options), [])
        // ...while the same voice in another article, or another source, is a second account.
        let here = claim("percent", exact(54), unit: "percent", place: "Dunmore", date: "2023-11-05", source: "the commission")
        let elsewhere = claim("percent", exact(51), unit: "percent", place: "Dunmore", date: "2023-11-05",
                              source: "the commission", file: "b.md", line: 2)
        XCTAssertEqual(check.run([here, elsewhere], options: options).count, 1)
        let other = claim("percent", exact(51), unit: "percent", source: "observers", line: 1, start: 60)
        XCTAssertEqual(check.run([a, other], options: options).map(\.message), [
            "54% (the commission) and 51% (observers) do not overlap; both are the percent in the same article",
        ])
    }

    func testAnonymousSourceAndWideningShareOneParenthesis() {
        let a = claim(about(3000), anonymous: "estimates ranged", line: 1)
        let b = claim(exact(8000), source: "police", line: 2)
        XCTAssertEqual(check.run([a, b], options: options).map(\.message), [
            "~3000 people (\"estimates ranged\", anonymous; ±10%: [2700, 3300]) and 8000 people (police) do not overlap; both are the crowd in the same article",
        ])
    }

    func testIncomparableClaimsAreNeverCompared() {
        // "Profits rose 27%." / "Revenues grew 6.4%.": bare percentages name no quantity.
        var a = claim("percent", exact(27), unit: "percent", line: 1)
        var b = claim("percent", exact(6.4), unit: "percent", source: "analysts", line: 2)
        XCTAssertEqual(check.run([a, b], options: options).count, 1)
        a.comparable = false
        XCTAssertEqual(check.run([a, b], options: options), [])
        b.comparable = false
        XCTAssertEqual(check.run([a, b], options: options), [])
    }

    func testOverlappingMatchesAreOneAssertion() {
        let a = claim(exact(40000), quote: "40,000 people", line: 1, start: 10)
        let b = claim(exact(40), quote: "40", line: 1, start: 10)
        XCTAssertEqual(check.run([a, b], options: options), [])
    }

    func testEachClaimReportedOncePerVoiceItContradicts() {
        let a = claim(exact(40000), source: "organisers", line: 1)
        let b = claim(exact(8000), source: "police", line: 2)
        let c = claim(exact(9000), source: "officials", line: 3)
        let d = claim(about(41000), line: 4)
        let e = claim(exact(8500), source: "police", line: 5)
        let findings = check.run([e, d, c, b, a], options: options)
        // e contradicts the organisers, the officials and the writer once each, never its own police voice.
        XCTAssertEqual(findings.map { $0.claims.map(\.line) }, [[1, 2], [1, 3], [2, 3], [2, 4], [3, 4], [1, 5], [3, 5], [4, 5]])
    }

    func testAcrossArticlesTheFirstConflictOfEachVoiceIsReported() {
        let a = claim(exact(40000), place: "Valmont", date: "2021-03-06", source: "organisers", file: "a.md", line: 1)
        let b = claim(exact(8000), place: "Valmont", date: "2021-03-06", source: "police", file: "a.md", line: 2)
        let c = claim(exact(20000), place: "Valmont", date: "2021-03-06", source: "union", file: "b.md", line: 1)
        XCTAssertEqual(check.run([a, b, c], options: options).map { $0.claims.map(\.file) + $0.claims.map { "\($0.line)" } },
                       [["a.md", "a.md", "1", "2"], ["a.md", "b.md", "1", "1"], ["a.md", "b.md", "2", "1"]])
        // Two figures of one voice in the other article: only the first.
        let again = claim(exact(45000), place: "Valmont", date: "2021-03-06", source: "organisers", file: "a.md", line: 3)
        XCTAssertEqual(check.run([a, b, again, c], options: options).filter { $0.claims[1] == c }.map { $0.claims[0].line }, [1, 2])
    }

    func testOpenEndsTouchingAFigureAreNotAConflict() {
        let atLeast = claim(Interval(low: 100000, high: nil), line: 1)
        let range = claim(Interval(low: 20000, high: 30000), source: "police", line: 2)
        XCTAssertEqual(check.run([atLeast, range], options: options).map(\.message), [
            "[100000, ∞) people and [20000, 30000] people (police) do not overlap; both are the crowd in the same article",
        ])
        // "more than 500" and "at most 500", "over 100,000" and "100,000": one round figure read
        // two ways, not rival estimates.
        let moreThan = claim(Interval(low: 500, high: nil, lowInclusive: false), line: 1)
        let fewer = claim(Interval(low: 0, high: 500), source: "police", line: 2)
        XCTAssertEqual(check.run([moreThan, fewer], options: options).count, 0)
        XCTAssertEqual(check.run([moreThan, claim(exact(500), source: "police", line: 2)], options: options).count, 0)
        XCTAssertEqual(check.run([moreThan, claim(exact(499), source: "police", line: 2)], options: options).count, 1)
        let exactly = claim(exact(500), source: "police", line: 2)
        XCTAssertEqual(check.run([claim(Interval(low: 500, high: nil), line: 1), exactly], options: options), [])
    }

    func testFingerprintIgnoresLinesAndOrder() {
        let a = claim(exact(40000), source: "organisers", line: 1)
        let b = claim(exact(8000), source: "police", line: 2)
        let moved = check.run([claim(exact(8000), source: "police", line: 10), claim(exact(40000), source: "organisers", line: 30)],
                              options: options)
        XCTAssertEqual(check.run([a, b], options: options).map(\.fingerprint), moved.map(\.fingerprint))
        XCTAssertEqual(moved.first?.fingerprint.count, 16)
    }
}
