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

    func testSharesFromDifferentSourcesAreDifferentCounts() {
        // "One poll gave Arden 54%. Another poll gave Dorsey 51%."
        var arden = share(exact(54), "Arden", line: 1)
        var dorsey = share(exact(51), "Dorsey", line: 2)
        arden.attribution = Attribution(kind: .named, text: "MORI", rule: "source.said")
        dorsey.attribution = Attribution(kind: .named, text: "Marplan", rule: "source.said")
        XCTAssertEqual(check.run([arden, dorsey], options: options), [])
        dorsey.attribution = nil
        XCTAssertEqual(check.run([arden, dorsey], options: options), [])
        arden.attribution = nil
        XCTAssertEqual(check.run([arden, dorsey], options: options).count, 1)
    }

    /// Shares are summed within one paragraph of one article: an article covering a mayoral
    /// race, a council seat and a ballot measure reports each in its own paragraph, and two
    /// articles disagreeing about one candidate are a conflict, not a share-sum.
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
}
