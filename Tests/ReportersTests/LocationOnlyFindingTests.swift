import SchemaValidation
import Checker
import Claims
import Foundation
import Reporters
import Testing

/// Findings that point at a place rather than a claim (unused suppressions).
@Suite struct LocationOnlyFindingTests {
    static let report = CheckReport(findings: [Samples.unusedSuppression], claims: [], fileCount: 1)

    @Test func text() {
        #expect(CheckTextReporter().render(Self.report) == """
        articles/valmont.txt:7:1: info: this claimcheck-disable-next-line comment silenced nothing [unused-suppression]
        1 info in 1 file

        """)
    }

    @Test func github() {
        #expect(GitHubReporter().render(Self.report) == "::notice file=articles/valmont.txt,line=7,col=1,"
            + "title=claimcheck%3A unused-suppression::this claimcheck-disable-next-line comment silenced nothing\n")
    }

    @Test func sarif() throws {
        let checks = Samples.checks + [CheckDescriptor(id: "unused-suppression", name: "UnusedSuppression",
                                                       summary: "A suppression comment that silenced nothing.",
                                                       defaultSeverity: .info)]
        let text = SARIFReporter(options: ReportOptions(checks: checks)).render(Self.report)
        #expect(try SchemaValidator.errors(in: text, schema: "sarif-schema-2.1.0.json") == [])
        #expect(text.contains("""
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "articles/valmont.txt",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "startLine": 7,
                          "startColumn": 1
                        }
                      }
        """))
        #expect(text.contains("\"ruleIndex\": 3"))
        #expect(text.contains("\"level\": \"note\""))
    }
}
