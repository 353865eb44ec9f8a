import Foundation
import XCTest
@testable import Claims

/// The extraction trace behind `claimcheck explain`: sentence tests, matches and captures,
/// every reason a match is dropped, and where each claim's context came from.
final class ExplainTests: XCTestCase {
    /// A small rule set whose every rule exists to show one decision.
    static let ruleFiles: [String: String] = [
        "lexicon.yml": """
            lexicon:
              numbers: {two: 2, ten: 10}
              scales: {thousand: 1000}
              qualifiers:
                - phrases: [more than]
                  interval: "(x, inf)"
              units:
                m: {m: 1, km: 1000}
                percent: {"%": 1}
                people: {}
              weekdays: [monday, tuesday, wednesday, thursday, friday, saturday, sunday]
              continuations: [he added]

            """,
        "birds.yml": """
            kind: birds
            unit: people
            priority: 10
            rules:
              - id: birds.geese
                pattern: '(?<value>\\w+)\\s+geese'
                requires: '\\bsaw\\b'
                excludes: '\\bdreamt\\b'
              - id: birds.flock
                priority: 5
                pattern: 'flock\\s+of\\s+(?<value>\\d+)\\s+geese'
              - id: birds.honk
                pattern: '(?<value>\\d+)\\s+geese\\s+honked'
              - id: birds.counted
                refers-back: true
                pattern: 'counted\\s+(?<value>\\d+)'

            """,
        "share.yml": """
            kind: share
            unit: percent
            bounds: [0, 100]
            prefilter: '%'
            rules:
              - id: share.pct
                pattern: '(?:(?<qualifier>more\\s+than)\\s+)?(?<value>\\d+)%'

            """,
        "walk.yml": """
            kind: walk
            rules:
              - id: walk.dist
                pattern: 'walked\\s+(?<value>\\d+)\\s*(?<unit>[a-z]+)'

            """,
        "context/place.yml": """
            context: place
            rules:
              - id: place.in
                pattern: '\\bin\\s+(?<place>(?-i:[A-Z][a-z]+))'

            """,
        "context/date.yml": """
            context: date
            rules:
              - id: date.weekday
                pattern: '\\bon\\s+(?<date>(?&weekday))'

            """,
        "context/source.yml": """
            context: source
            rules:
              - id: source.said
                pattern: '(?<source>(?-i:[A-Z][a-z]+))\\s+said'

            """,
    ]

    static let article = """
        date 2021-03-08
        We saw 40 geese in Dunmore on Saturday. Anna said she saw a flock of 300 geese. He added they counted 250.

        We saw zillion geese and 3 ducks. He walked 5 furlongs. It was more than 120%. Officials counted 9.
        I dreamt I saw 12 geese. The end.

        """

    private func birds() throws -> Extractor {
        let directory = try temporaryDirectory(self)
        for (name, text) in Self.ruleFiles { try write(text, to: name, in: directory) }
        let (rules, diagnostics) = RuleLoader(directories: [directory.path]).load()
        XCTAssertEqual(diagnostics, [])
        return Extractor(rules: rules)
    }

    private func traced(_ text: String, _ extractor: Extractor) -> (claims: [Claim], trace: ExtractionTrace) {
        let trace = ExtractionTrace()
        let claims = extractor.extract(Document(path: "birds.txt", text: text), trace: trace).claims
        return (claims, trace)
    }

    private func rule(_ id: String, in sentence: ExtractionTrace.SentenceRecord, file: StaticString = #filePath,
                      line: UInt = #line) throws -> ExtractionTrace.RuleRecord {
        try XCTUnwrap(sentence.rules.first { $0.rule == id }, "\(id) not recorded", file: file, line: line)
    }

    func testATraceChangesNothingItObserves() throws {
        let extractor = try birds()
        let plain = extractor.extract(Document(path: "birds.txt", text: Self.article))
        let (claims, _) = traced(Self.article, extractor)
        XCTAssertEqual(claims, plain.claims)
        XCTAssertEqual(claims.map(\.quote), ["40 geese", "300 geese", "counted 250"])
    }

    func testSentenceStatusesAndSkipReasons() throws {
        let (_, trace) = traced(Self.article, try birds())
        XCTAssertEqual(trace.sentences.map(\.status), [.searched, .searched, .searched, .searched, .searched, .searched,
                                                       .searched, .searched, .noNumber])
        XCTAssertEqual(trace.sentences[8].rules, [])
        let first = trace.sentences[0]
        XCTAssertEqual(first.rules.map(\.rule), ["birds.geese", "birds.flock", "birds.honk", "birds.counted", "share.pct", "walk.dist"])
        // Rules none of whose words is in the sentence were not run ("flock", "honk", ... are not there).
        XCTAssertEqual(first.rules.map(\.skipped), [nil, .words, .words, .words, .prefilter(index: 0, count: 1), .words])
        XCTAssertEqual(try rule("birds.geese", in: trace.sentences[2]).skipped, .requires)
        XCTAssertEqual(try rule("birds.geese", in: trace.sentences[7]).skipped, .excludes)
        XCTAssertEqual(try rule("birds.counted", in: trace.sentences[0]).refersBack, true)
    }

    func testMatchesKeepTheirCapturesAndBecomeClaims() throws {
        let (_, trace) = traced(Self.article, try birds())
        let geese = try rule("birds.geese", in: trace.sentences[0])
        XCTAssertEqual(geese.matches, [ExtractionTrace.MatchRecord(
            range: 23..<31, text: "40 geese", captures: [.init(name: "value", text: "40")], outcome: .claim(0))])
        let share = try rule("share.pct", in: trace.sentences[5])
        XCTAssertEqual(share.matches.map(\.captures), [[.init(name: "qualifier", text: "more than"), .init(name: "value", text: "120")]])
        XCTAssertEqual(try rule("birds.counted", in: trace.sentences[2]).matches.map(\.outcome), [.claim(2)])
        XCTAssertEqual(try rule("birds.flock", in: trace.sentences[0]).matches, [])
    }

    func testEveryRejectionSaysWhy() throws {
        let (_, trace) = traced(Self.article, try birds())
        func outcomes(_ id: String, _ sentence: Int) throws -> [ExtractionTrace.Outcome] {
            try rule(id, in: trace.sentences[sentence]).matches.map(\.outcome)
        }
        XCTAssertEqual(try outcomes("birds.flock", 1),
                       [.lostOverlap(winner: "birds.geese", quote: "300 geese", start: 85, reason: .priority(winner: 10, loser: 5))])
        XCTAssertEqual(try outcomes("birds.geese", 3), [.noValue("value \"zillion\" is not a number the lexicon knows")])
        XCTAssertEqual(try outcomes("walk.dist", 4), [.unknownUnit("furlongs")])
        XCTAssertEqual(try outcomes("share.pct", 5),
                       [.emptyAfterClamp(Interval(low: 120, high: nil, lowInclusive: false), low: 0, high: 100)])
        XCTAssertEqual(try outcomes("birds.counted", 6),
                       [.noReferent(.tooFar(rule: "birds.geese", quote: "300 geese", sentence: 1))])
    }

    func testALongerMatchWinsAtEqualPriority() throws {
        let (claims, trace) = traced("We saw 7 geese honked.", try birds())
        XCTAssertEqual(claims.map(\.rule), ["birds.honk"])
        XCTAssertEqual(try rule("birds.geese", in: trace.sentences[0]).matches.map(\.outcome),
                       [.lostOverlap(winner: "birds.honk", quote: "7 geese honked", start: 7, reason: .length(winner: 14, loser: 7))])
    }

    func testARefersBackClaimWithNothingBeforeItIsDropped() throws {
        let (claims, trace) = traced("Officials counted 9.", try birds())
        XCTAssertEqual(claims, [])
        XCTAssertEqual(try rule("birds.counted", in: trace.sentences[0]).matches.map(\.outcome), [.noReferent(.noComparableClaim)])
    }

    func testProvenanceOfEveryContextField() throws {
        let (_, trace) = traced(Self.article, try birds())
        XCTAssertEqual(trace.claims.map(\.claim), [0, 1, 2])
        var first = ContextProvenance()
        first.place = .mention(rule: "place.in", text: "Dunmore")
        first.date = .mention(rule: "date.weekday", text: "Saturday")
        XCTAssertEqual(trace.claims[0].provenance, first)

        var second = ContextProvenance()
        second.place = .inherited(rule: "place.in", text: "Dunmore", sentence: 0, fromLede: false)
        second.date = .inherited(rule: "date.weekday", text: "Saturday", sentence: 0, fromLede: false)
        second.source = .mention(rule: "source.said", text: "Anna")
        XCTAssertEqual(trace.claims[1].provenance, second)
        XCTAssertNil(trace.claims[1].referent)

        var third = second
        third.source = .continued(rule: "source.said", text: "Anna", sentence: 1)
        XCTAssertEqual(trace.claims[2].provenance, third)
        XCTAssertEqual(trace.claims[2].referent, .init(rule: "birds.geese", range: 85..<94))
    }

    func testTheArticleDateAndTheLedeAreNamedAsOrigins() throws {
        let text = "We saw 40 geese in Dunmore.\n\nWe saw 9 geese."
        let (claims, trace) = traced(text, try birds())
        XCTAssertEqual(claims.map(\.context.place), ["Dunmore", "Dunmore"])
        XCTAssertEqual(trace.claims[1].provenance.place, .inherited(rule: "place.in", text: "Dunmore", sentence: 0, fromLede: true))
        let dated = try birds().extract(Document(path: "t", text: text), dateOverride: "2021-03-08", trace: trace)
        XCTAssertEqual(dated.claims.map(\.context.date), ["2021-03-08", "2021-03-08"])
        XCTAssertEqual(trace.claims.map(\.provenance.date), [.articleDate, .articleDate])
    }

    func testShippedRulesRefersBackVoicesAndGroupFromTheReferent() throws {
        let report = try Extractor(rules: Shipped.rules).explain(Document(path: "v.txt", text: """
            Organisers said 40,000 supporters joined the march in Valmont on Saturday. Police put the figure at 8,000.
            """), dateOverride: "2021-03-08")
        let claims = report.sentences.flatMap(\.claims)
        XCTAssertEqual(claims.map(\.claim.quote), ["40,000 supporters", "put the figure at 8,000"])
        XCTAssertEqual(claims.map(\.voice), ["organisers", "police"])
        XCTAssertEqual(claims.map(\.claim.context.group), ["supporters", "supporters"])
        XCTAssertEqual(claims[0].provenance.group, .captured("supporters"))
        XCTAssertEqual(claims[1].provenance.group, .referent(rule: "crowd.count"))
        XCTAssertEqual(claims[1].referent?.rule, "crowd.count")
        XCTAssertEqual(claims[1].referent?.quote, "40,000 supporters")
        XCTAssertEqual(claims[1].referent?.claim, 1)
        XCTAssertEqual(report.articleDate, "2021-03-08")
    }

    func testACorrectionNamesTheClaimItRevises() throws {
        let report = try Extractor(rules: Shipped.rules).explain(Document(path: "c.txt", text: """
            Five people were stabbed in Tarrow Park. Police say there are four victims in total, not five.
            """), dateOverride: "2021-03-08")
        let claims = report.sentences.flatMap(\.claims)
        XCTAssertEqual(claims.map(\.claim.quote), ["Five people were stabbed", "four victims"])
        XCTAssertNil(claims[0].revised?.quote)
        XCTAssertEqual(claims[1].revised?.quote, "Five people were stabbed")
        XCTAssertEqual(claims[1].revised?.claim, 1)
    }

    func testALineSelectsItsSentences() throws {
        let extractor = try birds()
        let document = Document(path: "birds.txt", text: Self.article)
        XCTAssertEqual(try extractor.explain(document).sentences.map(\.number), Array(1...9))
        XCTAssertEqual(try extractor.explain(document, line: 4).sentences.map(\.number), [4, 5, 6, 7])
        let last = try extractor.explain(document, line: 5)
        XCTAssertEqual(last.sentences.map(\.number), [8, 9])
        XCTAssertEqual(last.sentences.map(\.line), [5, 5])
        XCTAssertEqual(last.sentences.map(\.column), [1, 26])
        XCTAssertEqual(last.sentences.map(\.text), ["I dreamt I saw 12 geese.", "The end."])
        // Context still comes from the whole article.
        XCTAssertEqual(try extractor.explain(document, line: 2).sentences[2].claims.map(\.claim.context.place), ["Dunmore"])
    }

    func testABadLineIsADiagnosticNamingTheFile() throws {
        let extractor = try birds()
        let document = Document(path: "birds.txt", text: Self.article)
        func message(_ line: Int) -> String? {
            do {
                _ = try extractor.explain(document, line: line)
                return nil
            } catch {
                return (error as? Diagnostic)?.description
            }
        }
        XCTAssertEqual(ExplainReport.lineCount(of: document), 5)
        XCTAssertEqual(message(6), "birds.txt: error: line 6 is past the end of the file (5 lines)")
        XCTAssertEqual(message(3), "birds.txt:3: error: no sentence on this line (it is blank or only a date prefix)")
        XCTAssertEqual(message(1), "birds.txt:1: error: no sentence on this line (it is blank or only a date prefix)")
    }

    /// An HTML page's lines are the file's: its readable text may end without the page's final break.
    func testAnHTMLArticleCountsTheLinesOfItsFile() {
        let page = "<html><body>\n<p>Some 300 people marched.</p>\n</body></html>\n"
        let document = Document(path: "march.html", bytes: Array(page.utf8), html: true)
        XCTAssertEqual(ExplainReport.lineCount(of: document), 3)
        let unterminated = Document(path: "march.html", bytes: Array(page.dropLast().utf8), html: true)
        XCTAssertEqual(ExplainReport.lineCount(of: unterminated), 3)
    }

    func testTargetsParse() {
        let existing: Set<String> = ["a.txt", "odd:name.txt"]
        func parse(_ argument: String) -> String {
            switch ExplainTarget.parse(argument, exists: existing.contains) {
            case .success(let target): return "\(target.path) \(target.line.map(String.init) ?? "-")"
            case .failure(let diagnostic): return diagnostic.description
            }
        }
        XCTAssertEqual(parse("a.txt"), "a.txt -")
        XCTAssertEqual(parse("a.txt:12"), "a.txt 12")
        XCTAssertEqual(parse("-"), "- -")
        XCTAssertEqual(parse("-:3"), "- 3")
        XCTAssertEqual(parse("odd:name.txt"), "odd:name.txt -")
        XCTAssertEqual(parse("missing.txt:4"), "missing.txt 4")
        XCTAssertEqual(parse("missing:draft"), "missing:draft -")
        XCTAssertEqual(parse("a.txt:x"), "a.txt: error: 'x' is not a line number (expected FILE:LINE with LINE from 1)")
        XCTAssertEqual(parse("a.txt:"), "a.txt: error: '' is not a line number (expected FILE:LINE with LINE from 1)")
        XCTAssertEqual(parse("a.txt:0"), "a.txt: error: line numbers start at 1, got 0")
        XCTAssertEqual(parse("a.txt:99999999999999999999"), "a.txt: error: line 99999999999999999999 is too large")
        XCTAssertEqual(parse("-:x"), "<stdin>: error: 'x' is not a line number (expected FILE:LINE with LINE from 1)")
    }
}
