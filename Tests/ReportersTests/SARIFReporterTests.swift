import SchemaValidation
import Checker
import Claims
import Foundation
import Reporters
import Testing

@Suite struct SARIFReporterTests {
    static let options = ReportOptions(checks: Samples.checks, toolVersion: "0.3.0",
                                       informationURI: "https://example.org/claimcheck", sourceRoot: "/work/repo",
                                       documentationURI: "file:///opt/claimcheck/README.md", exitCode: 2)

    private func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func validAgainstSchema() throws {
        let text = CheckFormat.sarif.reporter(Self.options).render(Samples.report)
        #expect(try SchemaValidator.errors(in: text, schema: "sarif-schema-2.1.0.json") == [])
    }

    @Test func validWithoutRootOrFindings() throws {
        let empty = CheckReport(findings: [], claims: [], fileCount: 0)
        let text = SARIFReporter(options: ReportOptions()).render(empty)
        #expect(try SchemaValidator.errors(in: text, schema: "sarif-schema-2.1.0.json") == [])
    }

    @Test func validatorRejectsBrokenSARIF() throws {
        let text = CheckFormat.sarif.reporter(Self.options).render(Samples.report)
            .replacingOccurrences(of: "\"level\": \"warning\"", with: "\"level\": \"fatal\"")
        #expect(try !SchemaValidator.errors(in: text, schema: "sarif-schema-2.1.0.json").isEmpty)
    }

    @Test func structure() throws {
        let root = try parse(SARIFReporter(options: Self.options).render(Samples.report))
        #expect(root["version"] as? String == "2.1.0")
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = runs[0]
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "claimcheck")
        #expect(driver["version"] as? String == "0.3.0")
        #expect(driver["informationUri"] as? String == "https://example.org/claimcheck")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["conflict", "share-sum", "unsourced"])
        #expect((rules[1]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        #expect((rules[2]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
        #expect((rules[1]["help"] as? [String: Any])?["text"] as? String == "Check each figure against the source.")
        #expect(rules[1]["helpUri"] as? String == "file:///opt/claimcheck/README.md#share-sum")
        #expect(rules[0]["helpUri"] as? String == "file:///opt/claimcheck/README.md#the-checks")
        #expect((rules[0]["fullDescription"] as? [String: Any])?["text"] as? String
                    == "Two claims of the same kind and context have disjoint intervals.")

        let bases = try #require(run["originalUriBaseIds"] as? [String: Any])
        #expect((bases["%SRCROOT%"] as? [String: Any])?["uri"] as? String == "file:///work/repo/")

        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        #expect(invocation["exitCode"] as? Int == 2)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 1)
        #expect(notifications[0]["level"] as? String == "error")

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let conflict = results[0]
        #expect(conflict["ruleId"] as? String == "conflict")
        #expect(conflict["ruleIndex"] as? Int == 0)
        #expect(conflict["level"] as? String == "error")
        #expect(conflict["partialFingerprints"] as? [String: String] == ["claimcheck/v1": "conflict:8f3a1c"])
        let location = try #require((conflict["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: String])
        #expect(artifact == ["uri": "articles/valmont.txt", "uriBaseId": "%SRCROOT%"])
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 2)
        #expect(region["startColumn"] as? Int == 17)
        #expect(region["endLine"] as? Int == 2)
        #expect(region["endColumn"] as? Int == 30)
        #expect((region["snippet"] as? [String: Any])?["text"] as? String == "40,000 people")
        let related = try #require(conflict["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related[0]["id"] as? Int == 1)
        #expect((related[0]["message"] as? [String: Any])?["text"] as? String
            == "crowd 8000 people according to police: \"8,000\"")

        let unsourced = results[1]
        #expect(unsourced["ruleIndex"] as? Int == 2)
        #expect(unsourced["level"] as? String == "warning")
        #expect(unsourced["relatedLocations"] == nil)
        let uri = ((unsourced["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            .flatMap { $0["artifactLocation"] as? [String: String] }?["uri"]
        #expect(uri == "news/z%C3%BCrich%20report.md")
    }

    @Test func undescribedChecksGetARuleAndInfoIsNote() throws {
        var finding = Samples.unsourced
        finding.check = "unused-suppression"
        finding.severity = .info
        let report = CheckReport(findings: [finding], claims: [], fileCount: 1)
        let text = SARIFReporter(options: Self.options).render(report)
        #expect(try SchemaValidator.errors(in: text, schema: "sarif-schema-2.1.0.json") == [])
        let run = try #require((try parse(text)["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect(result["ruleIndex"] as? Int == 3)
        #expect(result["level"] as? String == "note")
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
    }

    @Test func multiLineQuoteEndsOnALaterLine() throws {
        var claim = Samples.convoy
        claim.quote = "about\n15 miles"
        claim.line = 4
        claim.column = 23
        let finding = Finding(check: "unsourced", severity: .warning, message: "unsourced", claims: [claim], fingerprint: "f")
        let root = try parse(SARIFReporter(options: Self.options).render(CheckReport(findings: [finding], claims: [], fileCount: 1)))
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let region = try #require((((run["results"] as? [[String: Any]])?.first?["locations"] as? [[String: Any]])?
            .first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
        #expect(region["endLine"] as? Int == 5)
        #expect(region["endColumn"] as? Int == 9)
    }

    @Test func fingerprintIgnoresLineMoves() throws {
        var moved = Samples.conflict
        moved.claims[0].line += 10
        moved.claims[0].start += 400
        let before = SARIFReporter(options: Self.options).render(CheckReport(findings: [Samples.conflict], claims: [], fileCount: 1))
        let after = SARIFReporter(options: Self.options).render(CheckReport(findings: [moved], claims: [], fileCount: 1))
        let key = "\"claimcheck/v1\": \"conflict:8f3a1c\""
        #expect(before.contains(key) && after.contains(key))
    }
}
