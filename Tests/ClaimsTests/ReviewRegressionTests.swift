import Foundation
import XCTest
@testable import Claims

/// Regressions found in review: each once crashed, hid an error or decided silently.
final class ReviewRegressionTests: XCTestCase {
    private func load(_ files: [String: String]) throws -> (rules: RuleSet, messages: [String]) {
        let directory = try temporaryDirectory(self)
        for (name, text) in files { try write(text, to: name, in: directory) }
        let (rules, diagnostics) = RuleLoader(directories: [shippedRulesDirectory, directory.path]).load()
        return (rules, diagnostics.map { $0.description.replacingOccurrences(of: directory.path + "/", with: "") })
    }

    func testNonFiniteOrHugePriorityIsAnErrorNotACrash() throws {
        for value in ["inf", "1e30", "2.5"] {
            let (_, messages) = try load(["p.yml": """
                kind: crowd
                unit: people
                priority: \(value)
                rules:
                  - id: test.geese
                    pattern: '(?<value>\\d+)\\s+geese'

                """])
            XCTAssertEqual(messages, [value == "inf" ? "p.yml:3:11: error: priority must be a number"
                                      : "p.yml:3:11: error: priority must be a whole number from -1000 to 1000"], value)
        }
    }

    func testATrailingCommentInALiteralBlockPatternCompiles() throws {
        let (rules, messages) = try load(["c.yml": """
            kind: crowd
            unit: people
            rules:
              - id: test.geese
                pattern: |-
                  (?<value>(?&number))   # the count
                  \\s+geese              # the animal

            """])
        XCTAssertEqual(messages, [])
        let claims = Extractor(rules: rules).extract(Document(path: "t", text: "We saw 40 geese.")).claims
        XCTAssertEqual(claims.map(\.quote), ["40 geese"])
    }

    func testAUnitNameClaimedByTwoUnitsIsAnError() throws {
        let (_, messages) = try load(["u.yml": """
            lexicon:
              units:
                people: {pts: 1}
                percent: {pts: 1}

            """])
        XCTAssertEqual(messages, ["lexicon.units: error: unit name 'pts' (people, percent) belongs to two units"])
    }

    func testAShareClampedToNothingIsDropped() {
        let claims = Extractor(rules: Shipped.rules)
            .extract(Document(path: "t", text: "In the election she won more than 120% of the vote.")).claims
        XCTAssertEqual(claims.filter { $0.kind == "vote_share" }, [])
    }

    func testAnHTMLCommentDoesNotSeparateAFigureFromItsClaim() {
        let text = """
            date 2021-03-08 Organisers said 40,000 people joined the march in Valmont on Saturday.
            <!-- claimcheck-disable-next-line conflict -->
            Police put the figure at 8,000.
            """
        let claims = Extractor(rules: Shipped.rules).extract(Document(path: "t", text: text)).claims
        XCTAssertEqual(claims.map(\.kind), ["crowd", "crowd"])
        XCTAssertEqual(claims.map(\.context.place), ["Valmont", "Valmont"])
    }

    func testDatesAreDigitsOnly() {
        XCTAssertNil(CalendarDate(iso: "+021-02-28"))
        XCTAssertNotNil(CalendarDate(iso: "2021-02-28"))
    }

    func testAHashtagIsNotAHeadingAndAHeadlineEndingInALetterIsNotTheLede() {
        let sentences: [Range<Int>] = [0..<7, 8..<14]
        XCTAssertEqual(Extractor.sections(of: sentences, in: Document(path: "t", text: "#MeToo\n## Next")), [0, 1])
        // "Protest in Rybář" (ř ends in byte 0x99) has no full stop: the lede is the next paragraph.
        let text = "Protest in Rybář\nAbout 300 people marched."
        let document = Document(path: "t", text: text)
        let split = text.utf8.count
        let firstEnd = "Protest in Rybář".utf8.count
        XCTAssertEqual(Extractor.paragraphs(of: [0..<firstEnd, (firstEnd + 1)..<split], in: document), [-1, 0])
    }

    /// A source rule that applies only to vote shares is skipped in a story with none, but not
    /// when it is a background or a dateline rule: those are read for any claim (a fifth review).
    func testBackgroundAndDatelineSourcesForOtherKindsStillRun() throws {
        let directory = try temporaryDirectory(self)
        try FileManager.default.copyItem(atPath: shippedRulesDirectory + "/lexicon.yml", toPath: directory.path + "/lexicon.yml")
        _ = try write("""
            kind: casualties
            unit: people
            rules:
              - id: test.killed
                pattern: '(?<value>\\d[\\d,]*)\\s+people'
            """, to: "toll.yml", in: directory)
        _ = try write("""
            context: source
            rules:
              - id: test.background
                background: true
                applies-to: [vote_share]
                pattern: '\\bconflict\\s+(?<source>that\\s+has\\s+killed[^.]*)'
              - id: test.dateline
                dateline: true
                applies-to: [vote_share]
                pattern: '^(?<source>(?-i:[A-Z]{3,}))\\b'
              - id: test.said
                pattern: '(?<source>(?-i:[A-Z]\\w+(?:\\s+[A-Z]\\w+)*))\\s+said'
            """, to: "context/source.yml", in: directory)
        let (rules, diagnostics) = RuleLoader(directories: [directory.path]).load()
        XCTAssertEqual(diagnostics.map(\.description), [])
        let inside = Extractor(rules: rules).extract(Document(path: "t", text:
            "The Envoy said the ceasefire held in a conflict that has killed 60,000 people.\n")).claims
        XCTAssertEqual(inside.map(\.quote), ["60,000 people"])
        XCTAssertNil(inside.first?.attribution, "a claim inside a background mention is the writer's")
        let dated = Extractor(rules: rules).extract(Document(path: "t", text: "VALMONT Police said 5 people were killed.\n")).claims
        XCTAssertEqual(dated.map(\.quote), ["5 people"])
        XCTAssertEqual(dated.first?.attribution?.text, "Police", "the dateline is trimmed from the source")
    }
}
