import Checker
import Claims
import Foundation
@testable import Reporters
import Testing

/// The HTML report as a document: structure, anchors, charts and escaping. The browser test
/// (Tests/CLITests/HTMLBrowserTests.swift) checks what a real browser makes of it.
@Suite struct HTMLReporterTests {
    static let template: HTMLTemplate = {
        // This checkout's Templates/, beside its Rules/.
        let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules").path
        let path = HTMLTemplate.defaultPath(rulesDirectory: rules)!
        return try! HTMLTemplate.load(path: path)
    }()

    /// The text `Samples.organisers` and `Samples.police` were cut from.
    static let valmont = "date 2021-03-08\nOrganisers said 40,000 people joined the march in Valmont on Saturday.\nPolice put the figure at 8,000.\n"

    static func settings(command: String = "check", texts: [String: String] = ["articles/valmont.txt": valmont]) -> HTMLSettings {
        HTMLSettings(template: template, command: command, toolVersion: "9.9.9", generated: "2026-01-02T03:04:05Z",
                     tolerance: 0.1, ruleDirectories: ["/opt/rules"], exitStatus: 1,
                     articleBytes: { texts[$0].map { Array($0.utf8) } })
    }

    static func render(_ report: CheckReport, texts: [String: String] = ["articles/valmont.txt": valmont]) -> String {
        CheckFormat.html.reporter(ReportOptions(html: settings(texts: texts))).render(report)
    }

    /// Each attribute value that follows `prefix`, up to the closing quote.
    static func values(after prefix: String, in page: String) -> [String] {
        page.components(separatedBy: prefix).dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    static func count(_ needle: String, in page: String) -> Int {
        page.components(separatedBy: needle).count - 1
    }

    @Test func pageIsByteStable() {
        #expect(Array(Self.render(Samples.report).utf8) == Array(Self.render(Samples.report).utf8))
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(HTMLDigest.base64(HTMLDigest.sha256(Array("abc".utf8))) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
        #expect(HTMLDigest.base64(HTMLDigest.sha256([])) == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        #expect(HTMLDigest.base64(HTMLDigest.sha256(Array(repeating: UInt8(ascii: "a"), count: 200)))
                == "wqkI2Y9d+Yet5BtfziEwZ++8wh7yJAISpB5UtefCiuU=")
    }

    @Test func pageIsSelfContainedAndAllowsOnlyItsOwnScript() throws {
        let page = Self.render(Samples.report)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        #expect(page.hasSuffix("</html>\n"))
        let scripts = HTMLTemplate.inlineScripts(in: page)
        #expect(scripts.count == 1)
        let hash = HTMLDigest.base64(HTMLDigest.sha256(Array(try #require(scripts.first).utf8)))
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-\(hash)'; base-uri 'none'; form-action 'none'\">"))
        for remote in ["http://", "https://", "src=\"//", "<link", "@import", "url("] {
            #expect(!page.contains(remote), "the page refers to something outside itself: \(remote)")
        }
    }

    @Test func summaryFindingsAndArticlesAreHeadedSections() {
        let page = Self.render(Samples.report)
        #expect(page.contains("<h1>claimcheck check report</h1>"))
        #expect(page.contains("<p class=\"muted\">claimcheck 9.9.9, 2026-01-02T03:04:05Z</p>"))
        #expect(page.contains("<li>4 files</li>\n<li>4 claims</li>\n<li>tolerance 10%</li>"))
        #expect(page.contains("<li><mark class=\"kc0\"><span class=\"kl\">crowd</span></mark> 3</li>"))
        #expect(page.contains("<li><mark class=\"kc1\"><span class=\"kl\">distance</span></mark> 1</li>"))
        #expect(page.contains("<li>conflict: 1</li>\n<li>unsourced: 1</li>"))
        #expect(page.contains("<li><code>/opt/rules</code></li>"))
        #expect(page.contains("<p class=\"status-1\"><strong>1</strong>: findings at or above the failure threshold</p>"))
        #expect(page.contains("<h2 id=\"findings-heading\">Findings</h2>"))
        #expect(page.contains("<h2 id=\"articles-heading\">Articles</h2>"))
        #expect(page.contains("<h2 id=\"errors-heading\">Errors and warnings</h2>"))
        #expect(page.contains("<li>missing.txt: error: cannot read file: no such file or directory</li>"))
        #expect(Self.count("<li class=\"finding ", in: page) == 2)
    }

    @Test func findingsComeMostSevereFirst() throws {
        var report = Samples.report
        report.findings = [Samples.unusedSuppression, Samples.unsourced, Samples.conflict]
        let page = Self.render(report)
        let order = ["id=\"f-1\" data-check=\"conflict\" data-severity=\"error\"",
                     "id=\"f-2\" data-check=\"unsourced\" data-severity=\"warning\"",
                     "id=\"f-3\" data-check=\"unused-suppression\" data-severity=\"info\""]
        let positions = try order.map { try #require(page.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func findingsAndHighlightsLinkBothWays() throws {
        let page = Self.render(Samples.report)
        // The conflict's two claims point at their highlights in the article...
        #expect(page.contains("<a href=\"#c-1\">articles/valmont.txt:2:17</a>"))
        #expect(page.contains("<a href=\"#c-2\">articles/valmont.txt:3:26</a>"))
        // ...and each highlight, in the article's own text, points back.
        #expect(page.contains("Organisers said <mark class=\"claim kc0\" id=\"c-1\" tabindex=\"0\" title=\"crowd: 40000 people · place Valmont · date 2021-03-06 · source organisers · rule crowd.plain\"><span class=\"kl\">crowd</span>40,000 people</mark><a class=\"fref\" href=\"#f-1\">conflict&nbsp;1</a> joined"))
        #expect(page.contains("<span class=\"kl\">crowd</span>8,000</mark><a class=\"fref\" href=\"#f-1\">conflict&nbsp;1</a>."))
        // Every in-page link has a target.
        let ids = Set(Self.values(after: " id=\"", in: page))
        let targets = Self.values(after: " href=\"#", in: page)
        #expect(!targets.isEmpty)
        for target in targets { #expect(ids.contains(target), "no element with id \(target)") }
    }

    @Test func articlesWithFindingsAreOpenOthersCollapsed() {
        let page = Self.render(Samples.report)
        #expect(page.contains("<article class=\"article\" id=\"a-1\" data-kinds=\"crowd\" data-sources=\"organisers|police\">\n<details open>\n<summary><h3>articles/valmont.txt</h3> <span class=\"muted\">2 claims, 1 findings</span></summary>"))
        // b.txt has no finding and no readable text: collapsed, its claim in its sentence.
        #expect(page.contains("<details>\n<summary><h3>b.txt</h3> <span class=\"muted\">1 claims</span></summary>"))
        #expect(page.contains("<li>Witnesses said it was about\n<mark class=\"claim kc1\" id=\"c-4\" tabindex=\"0\" title=\"distance: ~24140.16 m · no source · rule distance.miles\"><span class=\"kl\">distance</span>15 miles</mark> away. <span class=\"muted\">line 5</span></li>"))
    }

    @Test func claimFactsShowSourceContextAndWhatWasInherited() {
        let page = Self.render(Samples.report)
        #expect(page.contains("<div><dt>source</dt><dd>police</dd></div>\n<div><dt>place</dt><dd>Valmont <span class=\"inherited\">(inherited)</span></dd></div><div><dt>date</dt><dd>2021-03-06 <span class=\"inherited\">(inherited)</span></dd></div>"))
        #expect(page.contains("<div><dt>source</dt><dd>none (anonymous: estimates ranged)</dd></div>"))
    }

    @Test func numberLineDrawsClosedOpenAndUnboundedEndsAndTheToleranceBand() throws {
        let chart = try #require(HTMLNumberLine.build([Samples.police, Samples.zurich, Samples.convoy], tolerance: 0.1))
        let rows = try #require(chart["rows"] as? [[String: Any]])
        #expect(rows.count == 3)
        // 8000: a point, one filled dot, no band (not approximate).
        #expect((rows[0]["ends"] as? [[String: Any]])?.map { $0["closed"] as? Bool } == [true])
        #expect(rows[0]["hasBand"] as? Bool == false)
        // (500, ∞): a hollow low end and an arrow.
        #expect((rows[1]["ends"] as? [[String: Any]])?.map { $0["closed"] as? Bool } == [false])
        #expect((rows[1]["arrows"] as? [Any])?.count == 1)
        // ~24140.16: widened by 10% either side, drawn as a band.
        #expect(rows[2]["hasBand"] as? Bool == true)
        #expect(rows[2]["text"] as? String == "~24140.16, widened to ~[21726.14, 26554.18]")
        let page = Self.render(Samples.report)
        #expect(page.contains("<circle class=\"closed\""))
        #expect(page.contains("<circle class=\"open\""))
        #expect(page.contains("<polygon class=\"arrow\""))
    }

    @Test func niceTicksAreRound() {
        #expect(HTMLNumberLine.niceTicks(low: 3600, high: 22000) == [5000, 10000, 15000, 20000])
        #expect(HTMLNumberLine.niceTicks(low: 0, high: 1) == [0, 0.5, 1])
    }

    @Test func shareSumIsAStackedBarAgainstOneHundred() throws {
        func share(_ value: Double, _ quote: String) -> Claim {
            Claim(kind: "vote_share", rule: "vote_share.won", quote: quote, file: "e.txt", line: 1, column: 1,
                  start: 0, end: quote.utf8.count, sentence: quote, sentenceStart: 0, sentenceIndex: 0,
                  value: .point(value), unit: "percent", context: ClaimContext(), attribution: nil)
        }
        let bar = try #require(HTMLShareBar.build([share(60, "60%"), share(55, "55%")], tolerance: 0.1))
        let segments = try #require(bar["segments"] as? [[String: Any]])
        #expect(segments.map { $0["text"] as? String } == ["#1 ≥ 60", "#2 ≥ 55"])
        #expect(bar["total"] as? String == "115")
        // 540 units of plot for 115 × 1.08: 100 sits at 10 + 100 / 124.2 × 540.
        #expect(bar["hundredX"] as? String == "444.8")
        let finding = Finding(check: "share-sum", severity: .error, message: "shares add up to 115",
                              claims: [share(60, "60%"), share(55, "55%")], fingerprint: "s")
        let page = Self.render(CheckReport(findings: [finding], claims: finding.claims, fileCount: 1), texts: [:])
        #expect(page.contains("<line class=\"hundred\" x1=\"444.8\" y1=\"2\" x2=\"444.8\" y2=\"36\"/>"))
        #expect(!page.contains("<circle"))
    }

    @Test func untrustedTextIsEscapedEverywhere() {
        let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "</style>", "javascript:alert(1)"]
        let hostile = payloads.joined(separator: " ")
        let file = "news/\"quoted\" <b>name</b>'s.txt"
        let claim = Claim(kind: "crowd\"><i>", rule: "rule</style>", quote: "5,000 people", file: file, line: 1, column: 1,
                          start: 0, end: 12, sentence: "5,000 people said " + hostile, sentenceStart: 0, sentenceIndex: 0,
                          value: .point(5000), unit: "people<u>",
                          context: ClaimContext(place: hostile, date: "2024-01-01", group: "<b>group</b>"),
                          attribution: Attribution(kind: .named, text: hostile, rule: "src<script>"))
        let finding = Finding(check: "unsourced<x>", severity: .warning, message: "message " + hostile, claims: [claim],
                              fingerprint: "f")
        let report = CheckReport(findings: [finding], claims: [claim],
                                 diagnostics: [Diagnostic(.warning, file: file, line: 1, column: 1, hostile)], fileCount: 1)
        let page = Self.render(report, texts: [file: "5,000 people said " + hostile + "\n<a href=\"javascript:alert(1)\">x</a>\n"])
        #expect(Self.count("<script", in: page) == 1)
        #expect(Self.count("</style>", in: page) == 1)
        for raw in ["<img", "<b>", "<i>", "<u>", "<x>", "<a href=\"javascript", "href=\"javascript"] {
            #expect(!page.contains(raw), "unescaped \(raw)")
        }
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &lt;/style&gt; javascript:alert(1)"))
        #expect(page.contains("&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;"))
        #expect(page.contains("<h3>news/&quot;quoted&quot; &lt;b&gt;name&lt;/b&gt;&#39;s.txt</h3>"))
        #expect(page.contains("data-check=\"unsourced&lt;x&gt;\""))
    }

    @Test func extractReportHasArticlesButNoFindings() {
        let report = ExtractReport(claims: [Samples.organisers, Samples.police])
        let page = ExtractFormat.html.reporter(ReportOptions(html: Self.settings(command: "extract"))).render(report)
        #expect(page.contains("<h1>claimcheck extract report</h1>"))
        #expect(page.contains("<li>1 files with claims</li>"))
        #expect(!page.contains("id=\"findings\""))
        #expect(page.contains("id=\"c-1\""))
        #expect(page.contains("id=\"c-2\""))
    }

    @Test func templateSyntaxErrorNamesFileLineAndColumn() {
        #expect {
            try HTMLTemplate(text: "<p>\n{{#open}}\n</p>\n", path: "mine.mustache")
        } throws: { error in
            let diagnostic = error as? Diagnostic
            return diagnostic?.file == "mine.mustache" && diagnostic?.line != nil && diagnostic?.column != nil
                && diagnostic?.message.hasPrefix("template syntax error") == true
        }
    }

    @Test func installedTemplateIsFoundLikeTheRules() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-prefix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let templates = prefix.appendingPathComponent("share/claimcheck/Templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let installed = templates.appendingPathComponent(HTMLTemplate.fileName)
        try "{{title}}".write(to: installed, atomically: true, encoding: .utf8)
        let found = HTMLTemplate.defaultPath(rulesDirectory: "/nonexistent/Rules",
                                             executablePath: prefix.appendingPathComponent("bin/claimcheck").path)
        #expect(found == installed.standardizedFileURL.path)
        // Beside a rules directory first.
        let ownTemplates = prefix.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: ownTemplates, withIntermediateDirectories: true)
        try "{{title}}".write(to: ownTemplates.appendingPathComponent(HTMLTemplate.fileName), atomically: true, encoding: .utf8)
        #expect(HTMLTemplate.defaultPath(rulesDirectory: prefix.appendingPathComponent("Rules").path,
                                         executablePath: prefix.appendingPathComponent("bin/claimcheck").path)
                == ownTemplates.appendingPathComponent(HTMLTemplate.fileName).standardizedFileURL.path)
    }

    @Test func missingTemplatePageRenders() {
        let page = CheckFormat.html.reporter().render(Samples.report)
        #expect(page == "<!DOCTYPE html>\n<title>claimcheck</title>\n<p>No HTML template was given.</p>\n")
    }
}
