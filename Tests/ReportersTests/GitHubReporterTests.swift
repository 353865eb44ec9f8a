import Checker
import Claims
import Reporters
import Testing

@Suite struct GitHubReporterTests {
    @Test func escaping() {
        #expect(GitHubReporter.escapeData("50% of 1,000: a\r\nb") == "50%25 of 1,000: a%0D%0Ab")
        #expect(GitHubReporter.escapeProperty("50% of 1,000: a\r\nb") == "50%25 of 1%2C000%3A a%0D%0Ab")
        #expect(GitHubReporter.escapeProperty("%0A") == "%250A")
    }

    @Test func annotations() {
        let reporter = CheckFormat.github.reporter(ReportOptions(checks: Samples.checks))
        let expected = """
        ::error file=missing.txt,title=claimcheck::cannot read file: no such file or directory
        ::error file=articles/valmont.txt,line=2,col=17,endLine=2,endColumn=30,title=claimcheck%3A ConflictingRanges::\
        40000 and 8000 do not overlap; both are the crowd in Valmont on 2021-03-06%0A\
        articles/valmont.txt:3:26: crowd 8000 people according to police: "8,000"
        ::warning file=news/zürich report.md,line=1,col=28,endLine=1,endColumn=48,title=claimcheck%3A UnsourcedClaim::\
        crowd (500, ∞) people has only an anonymous attribution ("estimates ranged")

        """
        #expect(reporter.render(Samples.report) == expected)
    }

    @Test func infoBecomesNoticeAndPathsAreRelative() {
        var finding = Samples.unsourced
        finding.severity = .info
        finding.check = "custom"
        finding.claims[0].file = "/repo/news/a,b.md"
        let report = CheckReport(findings: [finding], claims: [], fileCount: 1)
        let text = GitHubReporter(sourceRoot: "/repo").render(report)
        #expect(text.hasPrefix("::notice file=news/a%2Cb.md,line=1,col=28,endLine=1,endColumn=48,title=claimcheck%3A custom::"))
    }
}
