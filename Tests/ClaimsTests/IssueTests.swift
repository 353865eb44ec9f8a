import XCTest
@testable import Claims

/// One case of each area's nested enum: exact wording and severity, so a reworded message is
/// a deliberate change here as well as in the goldens.
final class IssueTests: XCTestCase {
    func testEachAreaWordsItsCases() {
        let cases: [(Issue, Severity, String)] = [
            (.ruleSchema(.unknownKey("exmaples", in: "rule", known: ["examples", "id", "pattern"])), .error,
             "unknown key 'exmaples' in rule (did you mean 'examples'?); known keys: examples, id, pattern"),
            (.ruleSchema(.onlySourceAndPlaceRulesReferBack(rule: "date.weekday")), .error,
             "rule date.weekday: only source and place rules can refer back"),
            (.ruleSchema(.onlySourceRules(rule: "place.in", key: "anonymous")), .error,
             "rule place.in: only source rules can be anonymous"),
            (.ruleSchema(.patternDoesNotCompile(.fragment("year"), error: "missing closing parenthesis", offset: 4)), .error,
             "fragment 'year': pattern does not compile: missing closing parenthesis at offset 4"),
            (.evaluation(.wrongField("low", at: "claim 2: ", expected: .numberOrNull)), .error,
             "claim 2: 'low' must be a number or null"),
            (.evaluation(.quoteRepeated("40 geese", file: "a.txt", count: 2, claim: 3)), .error,
             "claim 3: quote \"40 geese\" occurs 2 times in a.txt; a quote must occur once"),
            (.store(.newerSchema(found: 9, supported: 2)), .error,
             "the claims store has schema version 9, newer than this claimcheck's 2; upgrade claimcheck (nothing was written)"),
            (.store(.standardInputNotRecorded), .warning, "standard input has no path to record; skipped"),
            (.report(.templateSyntax(.unclosedSection)), .error, "template syntax error: a section is never closed"),
            (.command(.invalidBound(option: "--min", .unknownFigure("recall", known: ["found", "false-alarms"]))), .error,
             "--min: unknown figure 'recall'; known: found, false-alarms"),
            (.command(.ruleErrors(count: 1)), .error, "1 rule error; nothing was checked"),
            (.command(.staleArticles(count: 2)), .info, "2 unchanged articles were extracted with other rules; --refresh re-extracts"),
            (.projectFile(.unknownCheck("conflicts", known: ["conflict", "unsourced"])), .error,
             "unknown check 'conflicts' (did you mean 'conflict'?); known checks: conflict, unsourced"),
            (.projectFile(.baselineEntryWithoutFingerprint(entry: 3)), .error, "baseline entry 3 has no \"fingerprint\" string"),
        ]
        for (issue, severity, message) in cases {
            XCTAssertEqual(issue.message, message)
            XCTAssertEqual(issue.severity, severity, message)
        }
    }

    func testTheReaderReportsASchemaIssueAtItsNode() throws {
        var reader = YAMLReader(file: "r.yml")
        let root = try XCTUnwrap(reader.parse("kind: crowd\npriority: high\n"))
        let keys = try XCTUnwrap(reader.mapping(root, allowed: ["kind", "priority"], what: "rule file"))
        _ = reader.integer(keys["priority"], "priority", in: -1000...1000)
        XCTAssertEqual(reader.diagnostics.map(\.description), ["r.yml:2:11: error: priority must be a number"])
    }
}
