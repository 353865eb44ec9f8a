import Claims
import XCTest
@testable import Evaluation

final class EvaluationRunTests: XCTestCase {
    func testLabelErrorsNameTheFileAndLine() throws {
        let directory = try temporaryDirectory(self)
        try write("Police said 8,000 people marched in Valmont. 8,000 people is a lot.\n", to: "a.txt", in: directory)
        let labels = try write("""
            {"file": "a.txt", "claims": [{"quote": "8,000 people", "kind": "crowd", "low": 8000, "high": 8000, "sourced": true}, {"quote": "9,000", "kind": "crowd", "low": 9000, "high": 9000, "sourced": false}], "conflicts": [["8,000 people", "nine", "x"]]}
            {"file": "a.txt"
            {"file": "missing.txt", "claims": []}
            {"file": "b.txt", "claims": [{"kind": "crowd", "low": 1, "high": 1, "sourced": false}]}
            {"file": "c.txt", "claims": [{"quote": "x", "kind": "crowd", "low": "1", "high": 1, "sourced": false}]}
            {"file": "d.txt", "claims": [{"quote": "x", "kind": "crowd", "low": 1, "high": 1, "sourced": 1}]}
            """, to: "labels.jsonl", in: directory)
        let (report, diagnostics) = Evaluation(rules: Shipped.rules, workers: 1).run(labels: labels)
        XCTAssertEqual(diagnostics.map(\.description), [
            "\(labels):2: error: malformed JSON",
            "\(labels):4: error: claim 1: missing field 'quote'",
            "\(labels):5: error: claim 1: 'low' must be a number or null",
            "\(labels):6: error: claim 1: 'sourced' must be true or false",
            "\(labels):3: error: article 'missing.txt' not found in \(directory.path)",
            "\(labels):1: error: claim 1: quote \"8,000 people\" occurs 2 times in a.txt; a quote must occur once",
            "\(labels):1: error: claim 2: quote \"9,000\" is not in a.txt",
            "\(labels):1: error: conflicts 1: \"nine\" is not the quote of a labelled claim",
        ])
        XCTAssertEqual(report.claims.overall.labelled, 0)
    }

    func testARunScoresExtractionAndChecksTogether() throws {
        let directory = try temporaryDirectory(self)
        try write("date 2021-03-06\nOrganisers said 40,000 people joined the march in Valmont on Saturday. Police put the figure at 8,000.\n",
                  to: "a.txt", in: directory)
        // b's mayor agrees with a's police (within the tolerance): the only cross-article
        // contradiction is the labelled one with a's organisers. (Had b given the police figure
        // again, a itself would already report that dispute, and b would add nothing.)
        try write("date 2021-03-06\nAbout 8,500 people marched in Valmont on Saturday, the mayor said.\n", to: "b.txt", in: directory)
        let labels = try write("""
            {"file": "a.txt", "claims": [{"quote": "40,000 people", "kind": "crowd", "low": 40000, "high": 40000, "sourced": true}, {"quote": "put the figure at 8,000", "kind": "crowd", "low": 8000, "high": 8000, "sourced": true}], "conflicts": [["40,000 people", "put the figure at 8,000", "police vs organisers"]]}
            {"file": "b.txt", "claims": [{"quote": "About 8,500 people", "kind": "crowd", "low": 8500, "high": 8500, "approx": true, "sourced": true}], "conflicts": []}
            """, to: "labels.jsonl", in: directory)
        let cross = try write("""
            {"a": {"file": "a.txt", "quote": "40,000 people"}, "b": {"file": "b.txt", "quote": "About 8,500 people"}, "why": "same march"}
            """, to: "cross.jsonl", in: directory)
        let (report, diagnostics) = Evaluation(rules: Shipped.rules, workers: 1).run(labels: labels, cross: cross)
        XCTAssertEqual(diagnostics, [])
        let all = report.claims.overall
        XCTAssertEqual([all.labelled, all.found, all.kindRight, all.valuesRight, all.sourcedAgrees], [3, 3, 3, 3, 3])
        XCTAssertEqual(report.conflicts.labelled, 1)
        XCTAssertEqual(report.conflicts.caught, 1)
        XCTAssertEqual(report.conflicts.crossLabelled, 1)
        XCTAssertEqual(report.conflicts.crossCaught, 1)
        XCTAssertEqual(report.conflicts.falseAlarms, 0)
    }

    func testBoundsParseAndFail() throws {
        guard case .success(let found) = EvalBound.parse("found=95%", side: .min) else { return XCTFail() }
        XCTAssertEqual(found, EvalBound(side: .min, key: "found", value: 0.95))
        guard case .failure(let error) = EvalBound.parse("recall=1", side: .min) else { return XCTFail() }
        XCTAssertEqual(error.message, "unknown figure 'recall'; known: found, kind-right, values-right, precision, sourced-agrees, caught, cross-caught, false-alarms")
        guard case .failure(let bad) = EvalBound.parse("found", side: .max) else { return XCTFail() }
        XCTAssertEqual(bad.message, "expected KEY=VALUE, got 'found'")
        var report = EvalReport()
        report.conflicts.falseAlarms = 2
        XCTAssertEqual(EvalBound(side: .max, key: "false-alarms", value: 1).violation(in: report),
                       "false-alarms is 2, above the maximum 1")
        XCTAssertNil(EvalBound(side: .min, key: "found", value: 0.95).violation(in: report))
    }

    func testUnknownKindsCrossQuotesThatAreNoLabelAndTwoSpellingsAreErrors() throws {
        let directory = try temporaryDirectory(self)
        try write("date 2021-03-06\nPolice said 8,000 people marched in Valmont on Saturday.\n", to: "a.txt", in: directory)
        try write("date 2021-03-06\nOrganisers said 40,000 people marched in Valmont on Saturday.\n", to: "b.txt", in: directory)
        let labels = try write("""
            {"file": "a.txt", "claims": [{"quote": "8,000 people", "kind": "crowds", "low": 8000, "high": 8000, "sourced": true}]}
            {"file": "./a.txt", "claims": []}
            {"file": "b.txt", "claims": [{"quote": "40,000 people", "kind": "crowd", "low": 40000, "high": 40000, "sourced": true}]}
            """, to: "labels.jsonl", in: directory)
        let cross = try write("""
            {"a": {"file": "a.txt", "quote": "8,000 people marched"}, "b": {"file": "b.txt", "quote": "40,000 people"}, "why": "x"}
            """, to: "cross.jsonl", in: directory)
        let (report, diagnostics) = Evaluation(rules: Shipped.rules, workers: 1).run(labels: labels, cross: cross)
        XCTAssertEqual(diagnostics.map(\.description).map { $0.replacingOccurrences(of: directory.path + "/", with: "") }, [
            "labels.jsonl:1: error: claim 1: unknown kind 'crowds' (the rules' kinds: casualties, crowd, distance, figure, other, percent, stranded, turnout, vote_share)",
            "labels.jsonl:2: error: './a.txt' is labelled twice (first on line 1); this line is skipped",
            "cross.jsonl:1: error: \"8,000 people marched\" is not the quote of a labelled claim of a.txt",
        ])
        XCTAssertEqual(report.claims.overall.labelled, 1)
        XCTAssertEqual(report.conflicts.crossLabelled, 0)
    }

    func testAHugeBoundIsReportedNotACrash() {
        var report = EvalReport()
        report.conflicts.falseAlarms = 2
        XCTAssertEqual(EvalBound(side: .max, key: "false-alarms", value: 1e30).violation(in: report), nil)
        XCTAssertEqual(EvalBound(side: .min, key: "false-alarms", value: 1e30).violation(in: report),
                       "false-alarms is 2, below the minimum 1e+30")
    }
}
