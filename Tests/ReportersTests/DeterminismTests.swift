import Reporters
import Testing

@Suite struct DeterminismTests {
    static let options = ReportOptions(color: true, checks: Samples.checks, toolVersion: "1.0.0",
                                       informationURI: "https://example.org/claimcheck", sourceRoot: "/repo")

    @Test(arguments: CheckFormat.allCases)
    func checkFormatsAreByteStable(format: CheckFormat) {
        let first = format.reporter(Self.options).render(Samples.report)
        let second = format.reporter(Self.options).render(Samples.report)
        #expect(Array(first.utf8) == Array(second.utf8))
        #expect(first.hasSuffix("\n"))
    }

    @Test(arguments: ExtractFormat.allCases)
    func extractFormatsAreByteStable(format: ExtractFormat) {
        let report = ExtractReport(claims: Samples.report.claims, diagnostics: Samples.report.diagnostics)
        let first = format.reporter(Self.options).render(report)
        let second = format.reporter(Self.options).render(report)
        #expect(Array(first.utf8) == Array(second.utf8))
        #expect(first.hasSuffix("\n"))
    }
}
