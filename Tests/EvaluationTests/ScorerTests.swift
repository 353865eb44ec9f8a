import Checker
import Claims
import XCTest
@testable import Evaluation

final class ScorerTests: XCTestCase {
    let text = "Police said 8,000 people marched. Organisers said 40,000 people joined. About 300 people were hurt."
    let path = "a.txt"

    private func article() -> Scorer.Article {
        let passage = LabelledPassage(file: path, line: 1, claims: [
            LabelledClaim(quote: "8,000 people", kind: "crowd", low: 8000, high: 8000, unit: "people", sourced: true, source: "Police"),
            LabelledClaim(quote: "40,000 people", kind: "crowd", low: 40000, high: 40000, unit: "people", sourced: true, source: "Organisers"),
            LabelledClaim(quote: "About 300 people were hurt", kind: "casualties", low: 300, high: 300, unit: "people",
                          sourced: false, approx: true),
        ], conflicts: [LabelledPair(a: "8,000 people", b: "40,000 people", why: "rival estimates")], ambiguous: [])
        let document = Document(path: path, text: text)
        var diagnostics: [Diagnostic] = []
        let placed = Evaluation.place(passage, in: document, labels: "labels.jsonl", &diagnostics)
        XCTAssertEqual(diagnostics, [])
        return Scorer.Article(passage: placed, path: path, document: document)
    }

    func testFiguresCountFoundKindValuesPrecisionSourcesAndConflicts() {
        let police = claim("crowd", "8,000 people", in: text, file: path, .point(8000), source: "Police")
        let organisers = claim("crowd", "40,000 people", in: text, file: path, .point(4000))
        let stray = claim("crowd", "joined", in: text, file: path, .point(1))
        let findings = [
            Finding(check: "conflict", severity: .error, message: "m1", claims: [police, organisers], fingerprint: "1"),
            Finding(check: "conflict", severity: .error, message: "m2", claims: [police, stray], fingerprint: "2"),
            Finding(check: "unsourced", severity: .warning, message: "m3", claims: [organisers], fingerprint: "3"),
        ]
        let report = Scorer().score(articles: [article()], claims: [police, organisers, stray], findings: findings, cross: [])
        let all = report.claims.overall
        XCTAssertEqual([all.labelled, all.found, all.kindRight, all.valuesRight, all.sourcedAgrees, all.produced, all.producedMatched],
                       [3, 2, 2, 1, 1, 3, 2])
        XCTAssertEqual(report.claims.byKind["casualties"]?.found, 0)
        XCTAssertEqual(report.conflicts, {
            var c = ConflictScores()
            c.labelled = 1
            c.caught = 1
            c.produced = 2
            c.falseAlarms = 1
            return c
        }())
        XCTAssertEqual(report.details.map(\.kind), [.wrongValue, .wrongSource, .missed, .unlabelledClaim, .falseAlarm])
        XCTAssertEqual(report.details[0].expected, "crowd 40000 people")
        XCTAssertEqual(report.details[0].produced, "crowd 4000 people \"40,000 people\" (test.crowd)")
        XCTAssertEqual(report.details[2].expected, "casualties ~300 people")
        XCTAssertEqual(report.figures.first { $0.key == "found" }?.value ?? 0, 2.0 / 3, accuracy: 1e-12)
    }

    func testAMissedPairAndAmbiguousPairsAreNeitherCaughtNorFalseAlarms() {
        var labelled = article()
        labelled.passage.ambiguous = labelled.passage.conflicts
        labelled.passage.conflicts = []
        let police = claim("crowd", "8,000 people", in: text, file: path, .point(8000), source: "Police")
        let organisers = claim("crowd", "40,000 people", in: text, file: path, .point(40000), source: "Organisers")
        let finding = Finding(check: "conflict", severity: .error, message: "m", claims: [police, organisers], fingerprint: "1")
        let report = Scorer().score(articles: [labelled], claims: [police, organisers], findings: [finding], cross: [])
        XCTAssertEqual(report.conflicts.labelled, 0)
        XCTAssertEqual(report.conflicts.produced, 1)
        XCTAssertEqual(report.conflicts.falseAlarms, 0)

        let missed = Scorer().score(articles: [article()], claims: [police, organisers], findings: [], cross: [])
        XCTAssertEqual(missed.conflicts.caught, 0)
        XCTAssertEqual(missed.details.last?.kind, .missedConflict)
        XCTAssertEqual(missed.details.last?.expected, "a.txt: \"8,000 people\" / \"40,000 people\" (rival estimates)")
    }

    func testJSONContract() {
        let report = Scorer().score(articles: [article()], claims: [], findings: [], cross: [])
        let json = report.withoutDetails.json.serialized()
        XCTAssertTrue(json.hasPrefix("{\"version\":1,\"claims\":{\"labelled\":3,\"found\":0,\"kindRight\":0,\"valuesRight\":0,\"precision\":1,\"sourcedAgrees\":1,\"byKind\":{\"casualties\":"), json)
        XCTAssertTrue(json.hasSuffix("\"conflicts\":{\"labelled\":1,\"caught\":0,\"crossLabelled\":0,\"crossCaught\":0,\"produced\":0,\"falseAlarms\":0},\"details\":[]}"), json)
    }
}
