import Claims
import XCTest
@testable import Checker

final class ShareSumCheckTests: XCTestCase {
    let check = ShareSumCheck()
    let options = CheckOptions(tolerance: 0.1)

    func share(_ value: Interval, _ candidate: String?, place: String? = nil, date: String? = nil,
               file: String = "a.md", line: Int = 1, start: Int? = nil) -> Claim {
        claim("vote_share", value, unit: "percent", place: place, date: date, group: candidate,
              source: "the commission", file: file, line: line, start: start)
    }

    func testSharesOverOneHundred() {
        // "Ms Arden won 54% of the vote and her rival Mr Dorsey 51%, the commission said."
        let arden = share(exact(54), "Arden", start: 10)
        let dorsey = share(exact(51), "Dorsey", start: 60)
        let findings = check.run([dorsey, arden], options: options)
        XCTAssertEqual(findings.map(\.message), [
            "lower bounds of the vote shares add up to 105%, more than 100%: Arden ≥ 54%, Dorsey ≥ 51%; one election in the same article",
        ])
        XCTAssertEqual(findings.first?.claims, [arden, dorsey])
        XCTAssertEqual(findings.first?.severity, .error)
    }

    func testBestLowerBoundPerCandidateReportedOnce() {
        let a1 = share(exact(40), "Arden", place: "Valmont", date: "2021-05-02", line: 1)
        let a2 = share(Interval(low: 55, high: nil, lowInclusive: false), "arden", place: "Valmont", date: "2021-05-02", line: 2)
        let d = share(about(50), "Dorsey", place: "Valmont", date: "2021-05-02", line: 3)
        let findings = check.run([a1, a2, d], options: options)
        XCTAssertEqual(findings.map(\.message), [
            "lower bounds of the vote shares add up to more than 100%: arden > 55% (from (55, ∞)%), Dorsey ≥ 45% (from ~50%); one election in Valmont on 2021-05-02",
        ])
        XCTAssertEqual(findings.first?.claims, [a2, d])
    }

    func testWithinOneHundredOrOneCandidate() {
        XCTAssertEqual(check.run([share(exact(54), "Arden"), share(exact(46), "Dorsey", line: 2)], options: options), [])
        XCTAssertEqual(check.run([share(exact(54), "Arden"), share(exact(60), "Arden", line: 2)], options: options), [])
        // Approximate shares widen downwards before adding: 52 - 5.2 + 52 - 5.2 < 100.
        XCTAssertEqual(check.run([share(about(52), "Arden"), share(about(52), "Dorsey", line: 2)], options: options), [])
    }

    func testDifferentElectionsOrUnboundSharesDoNotAdd() {
        let a = share(exact(54), "Arden", place: "Valmont", date: "2021-05-02")
        let b = share(exact(51), "Dorsey", place: "Lindale", date: "2021-05-02", line: 2)
        let c = share(exact(51), nil, line: 3)
        XCTAssertEqual(check.run([a, b, c], options: options), [])
        var incomparable = share(exact(51), "Dorsey", line: 2)
        incomparable.comparable = false
        XCTAssertEqual(check.run([share(exact(54), "Arden"), incomparable], options: options), [])
    }

    func testDifferentSourcesInOneParagraphAddUp() {
        // "The commission gave Arden 54%. The opposition said Dorsey won 51%."
        var arden = share(exact(54), "Arden", line: 1)
        var dorsey = share(exact(51), "Dorsey", line: 2)
        arden.attribution = Attribution(kind: .named, text: "the commission", rule: "source.said")
        dorsey.attribution = Attribution(kind: .named, text: "the opposition", rule: "source.said")
        XCTAssertEqual(check.run([arden, dorsey], options: options).map(\.claims), [[arden, dorsey]])
        dorsey.attribution = nil
        XCTAssertEqual(check.run([arden, dorsey], options: options).count, 1)
    }

    /// An official result against an opposition count, in different paragraphs: the race is
    /// one because both voices name Dorsey.
    func testRivalVoicesAcrossParagraphsAddUp() {
        var arden = share(exact(51.2), "Arden", line: 1, start: 10)
        var dorseyOfficial = share(exact(44.2), "Dorsey", line: 1, start: 60)
        var dorseyCount = share(exact(70), "Dorsey", line: 3, start: 200)
        arden.attribution = nil
        dorseyOfficial.attribution = Attribution(kind: .named, text: "the commission", rule: "source.said")
        dorseyCount.attribution = Attribution(kind: .named, text: "the opposition", rule: "source.said")
        arden.paragraph = 1
        dorseyOfficial.paragraph = 1
        dorseyCount.paragraph = 2
        let findings = check.run([dorseyCount, arden, dorseyOfficial], options: options)
        XCTAssertEqual(findings.map(\.message), [
            "lower bounds of the vote shares add up to 121.2%, more than 100%: Arden ≥ 51.2%, Dorsey ≥ 70%; one election in the same article",
        ])
        XCTAssertEqual(findings.first?.claims, [arden, dorseyCount])
    }

    /// Different races in one article: other paragraphs, no common candidate, or the same
    /// voice throughout.
    func testOtherRacesOrOneVoiceAcrossParagraphsDoNotAdd() {
        var arden = share(exact(54), "Arden", line: 1)
        var dorsey = share(exact(40), "Dorsey", line: 2)
        var kale = share(exact(60), "Kale", line: 5)
        arden.paragraph = 1
        dorsey.paragraph = 1
        kale.paragraph = 3
        kale.attribution = Attribution(kind: .named, text: "the party", rule: "source.said")
        XCTAssertEqual(check.run([arden, dorsey, kale], options: options), [])
        // A results table by district, all in the writer's voice: each row adds up alone.
        var rows: [Claim] = []
        for (row, values) in [(1, (88.0, 11.0)), (2, (47.0, 52.0))] {
            var a = share(exact(values.0), "Arden", line: row * 2, start: row * 100)
            var d = share(exact(values.1), "Dorsey", line: row * 2, start: row * 100 + 20)
            a.attribution = nil
            d.attribution = nil
            a.paragraph = row
            d.paragraph = row
            rows += [a, d]
        }
        XCTAssertEqual(check.run(rows, options: options), [])
    }

    /// A paragraph that adds up past 100% alone is reported once, not again with each voice.
    func testBlockReportedOnce() {
        var a = share(exact(60), "Arden", line: 1)
        var d = share(exact(50), "Dorsey", line: 2)
        var other = share(exact(45), "Dorsey", line: 4)
        a.paragraph = 1
        d.paragraph = 1
        other.paragraph = 2
        other.attribution = Attribution(kind: .named, text: "the opposition", rule: "source.said")
        XCTAssertEqual(check.run([a, d, other], options: options).map(\.claims), [[a, d]])
    }

    /// One voice's shares are summed within one paragraph of one article: an article covering
    /// a mayoral race, a council seat and a ballot measure reports each in its own paragraph,
    /// and two articles disagreeing about one candidate are a conflict, not a share-sum.
    func testOnlyWithinOneParagraphOfOneArticle() {
        var a = share(exact(54), "Arden", place: "Valmont", date: "2021-05-02", file: "a.md")
        var b = share(exact(51), "Dorsey", place: "Valmont", date: "2021-05-02", file: "b.md")
        XCTAssertEqual(check.run([a, b], options: options), [])
        b.file = "a.md"
        a.paragraph = 1
        b.paragraph = 2
        XCTAssertEqual(check.run([a, b], options: options), [])
        b.paragraph = 1
        XCTAssertEqual(check.run([a, b], options: options).map { $0.claims.map(\.file) }, [["a.md", "a.md"]])
    }

    func testThousandsOfParagraphsAreLinearNotQuadratic() {
        // A results table: one share per paragraph, the same two candidates all the way down.
        let claims = (0..<4000).map { row -> Claim in
            var c = share(exact(row % 2 == 0 ? 60 : 30), row % 2 == 0 ? "Holt" : "Marr", line: row + 1)
            c.paragraph = row
            return c
        }
        XCTAssertEqual(check.run(claims, options: options), [])
    }
}
