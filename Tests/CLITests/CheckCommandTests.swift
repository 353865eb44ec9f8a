import Foundation
import XCTest

/// `claimcheck check` as a user runs it from the package root: exit codes, --fail-on,
/// --tolerance, configuration, baselines, colour and GitHub escaping.
final class CheckCommandTests: XCTestCase {
    static let seed = "seeds/000_f7d28e7ffc9ee51f.txt"
    static let borderline = "Fixtures/check/config/ferrow-rally.txt"
    static let config = "Fixtures/check/config/.claimcheck.yml"

    private func checks(_ findings: [[String: Any]]) -> [String] {
        findings.compactMap { $0["check"] as? String }
    }

    // MARK: The seed article

    func testSeedHasNoConflictAndPassesByDefault() throws {
        let result = try CLI.run(["check", "--format", "json", Self.seed])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let document = try CheckFixtures.json(result.stdout)
        let findings = CheckFixtures.findings(document)
        XCTAssertEqual(Set(checks(findings)), ["unsourced"], "no conflict, no share-sum: \(findings)")
        XCTAssertTrue(findings.allSatisfy { ($0["severity"] as? String) == "warning" })

        // Every crowd claim without a named source is a warning...
        let claims = document["claims"] as? [[String: Any]] ?? []
        let unattributedCrowds = claims.filter { claim in
            (claim["kind"] as? String) == "crowd"
                && ((claim["attribution"] as? [String: Any])?["kind"] as? String) != "named"
        }.compactMap { $0["quote"] as? String }
        XCTAssertEqual(unattributedCrowds, [
            "At least 100,000 people", "from 100,000 to 200,000 people", "thousands of supporters", "about 1,000 people",
        ])
        let flagged = findings.flatMap(CheckFixtures.quotes)
        XCTAssertEqual(flagged, unattributedCrowds)
        let anonymous = findings.first { CheckFixtures.quotes(of: $0) == ["from 100,000 to 200,000 people"] }
        XCTAssertTrue((anonymous?["message"] as? String ?? "").contains("anonymously (\"Estimates ranged\")"))

        // ...while the election results and the 15-mile claim, which are attributed, are not.
        let quotes = claims.compactMap { $0["quote"] as? String }
        for attributed in ["more than 80% of the votes", "with about 9.9%", "15 miles from Belarus’ borders"] {
            XCTAssertTrue(quotes.contains(attributed), "\(attributed) must be extracted for this test to mean anything")
            XCTAssertFalse(flagged.contains(attributed), "\(attributed) is attributed and must not be unsourced")
        }
    }

    func testSeedFailsOnWarnings() throws {
        let result = try CLI.run(["check", "--color", "never", "--fail-on", "warning", Self.seed])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("4 warnings in 1 file\n"), result.stdout)
        XCTAssertFalse(result.stdout.contains("[conflict]"))
    }

    // MARK: Exit codes

    func testFailOnNeverPassesDespiteErrors() throws {
        let failing = try CheckFixtures.combinedRun(format: "text")
        XCTAssertEqual(failing.status, 1)
        let result = try CLI.run(["check", "--color", "never", "--fail-on", "never"] + CheckFixtures.articles())
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, failing.stdout, "--fail-on changes the exit code, not the report")
    }

    func testFailOnInfoCountsUnusedSuppressions() throws {
        let vigil = "Fixtures/check/orlen-harbour-vigil.md"
        XCTAssertEqual(try CLI.run(["check", vigil]).status, 0, "an info finding passes by default")
        XCTAssertEqual(try CLI.run(["check", "--fail-on", "warning", vigil]).status, 0)
        XCTAssertEqual(try CLI.run(["check", "--fail-on", "info", vigil]).status, 1)
    }

    func testBadConfigExitsTwoWithFileLineColumn() throws {
        let result = try CLI.run(["check", "--config", "Fixtures/check/bad-config/.claimcheck.yml", Self.seed])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "", "nothing is checked with a bad configuration")
        XCTAssertTrue(result.stderr.hasPrefix("Fixtures/check/bad-config/.claimcheck.yml:4:3: error: unknown check 'unsorced' (did you mean 'unsourced'?)"),
                      result.stderr)
    }

    func testUnknownFormatExitsTwo() throws {
        let result = try CLI.run(["check", "--format", "xml", Self.seed])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("'xml'"), result.stderr)
    }

    func testMissingFileExitsTwo() throws {
        let missing = "Fixtures/check/no-such-article.txt"
        let result = try CLI.run(["check", "--color", "never", missing])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("\(missing): error: no such file"), result.stderr)

        // Other inputs are still checked, and the input error still decides the exit code.
        let mixed = try CLI.run(["check", "--color", "never", "--fail-on", "never", missing,
                                 "Fixtures/check/kellmark-steelworks-march.txt"])
        XCTAssertEqual(mixed.status, 2)
        XCTAssertTrue(mixed.stdout.contains("[conflict]"), mixed.stdout)
    }

    // MARK: Tolerance and configuration

    /// The fixture directory copied without its .claimcheck.yml, so no configuration applies.
    private func unconfiguredCopy() throws -> (directory: String, borderline: String) {
        let directory = try CLI.temporaryDirectory(self)
        for name in ["ferrow-rally.txt", "ferrow-rally.notes.md", "drafts"] {
            try FileManager.default.copyItem(at: CLI.path("Fixtures/check/config/" + name),
                                             to: directory.appendingPathComponent(name))
        }
        return (directory.path, directory.appendingPathComponent("ferrow-rally.txt").path)
    }

    func testToleranceDecidesABorderlineCase() throws {
        // "about 10,000" (police) against 11,500 (union): ±10% reaches 11,000, ±20% reaches 12,000.
        let borderline = try unconfiguredCopy().borderline
        let strict = try CLI.run(["check", "--color", "never", borderline])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stdout.contains(
            "error: ~10000 people (Police; ±10%: [9000, 11000]) and 11500 people (The rail union) do not overlap"), strict.stdout)

        for tolerance in ["20%", "0.2"] {
            let loose = try CLI.run(["check", "--color", "never", "--tolerance", tolerance, borderline])
            XCTAssertEqual(loose.status, 0, tolerance)
            XCTAssertFalse(loose.stdout.contains("[conflict]"), loose.stdout)
        }

        let invalid = try CLI.run(["check", "--tolerance", "150%", borderline])
        XCTAssertEqual(invalid.status, 2)
        XCTAssertTrue(invalid.stderr.contains("--tolerance"), invalid.stderr)
    }

    func testExampleConfig() throws {
        // Without it: the borderline conflict, drafts and notes checked, unsourced warnings.
        let copy = try unconfiguredCopy()
        let plain = try CLI.run(["check", "--format", "json", copy.directory])
        XCTAssertEqual(plain.status, 1)
        let plainFindings = CheckFixtures.findings(try CheckFixtures.json(plain.stdout))
        XCTAssertEqual(Set(checks(plainFindings)), ["conflict", "unsourced", "unused-suppression"])
        XCTAssertTrue(plainFindings.flatMap(CheckFixtures.files).contains(copy.directory + "/drafts/ferrow-draft.txt"))

        // With it, found above the input from the package root (no --config): tolerance 20%,
        // unsourced off, drafts/ and *.notes.md ignored, and the unused suppression raised to a
        // warning, which fails the run under fail-on: warning. --config names the same file.
        for arguments in [["Fixtures/check/config"], ["--config", Self.config, "Fixtures/check/config"]] {
            let configured = try CLI.run(["check", "--format", "json"] + arguments)
            XCTAssertEqual(configured.status, 1, configured.stderr)
            let findings = CheckFixtures.findings(try CheckFixtures.json(configured.stdout))
            XCTAssertEqual(checks(findings), ["unused-suppression"])
            XCTAssertEqual(findings.first?["severity"] as? String, "warning")
            let document = try CheckFixtures.json(configured.stdout)
            let files = Set((document["claims"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String })
            XCTAssertEqual(files, [Self.borderline], "drafts/ and *.notes.md are ignored")
        }

        // Flags override the file.
        let overridden = try CLI.run(["check", "--color", "never", "--config", Self.config, "--tolerance", "10%",
                                      "--fail-on", "error", Self.borderline])
        XCTAssertEqual(overridden.status, 1)
        XCTAssertTrue(overridden.stdout.contains("[conflict]"), overridden.stdout)
        let passing = try CLI.run(["check", "--config", Self.config, "--fail-on", "never", Self.borderline])
        XCTAssertEqual(passing.status, 0)
    }

    // MARK: Baseline

    func testBaselineSilencesKnownFindingsAndSurvivesMovedLines() throws {
        let directory = try CLI.temporaryDirectory(self)
        let article = directory.appendingPathComponent("kellmark.txt")
        let baseline = directory.appendingPathComponent("baseline.json").path
        let original = try String(contentsOf: CLI.path("Fixtures/check/kellmark-steelworks-march.txt"), encoding: .utf8)
        try original.write(to: article, atomically: true, encoding: .utf8)

        let first = try CLI.run(["check", "--format", "json", "--write-baseline", baseline, article.path])
        XCTAssertEqual(first.status, 1, "writing a baseline still reports and fails: \(first.stderr)")
        XCTAssertEqual(checks(CheckFixtures.findings(try CheckFixtures.json(first.stdout))), ["conflict"])
        let written = try CheckFixtures.json(String(contentsOfFile: baseline, encoding: .utf8))
        XCTAssertEqual((written["fingerprints"] as? [Any])?.count, 1)

        let known = try CLI.run(["check", "--format", "json", "--baseline", baseline, article.path])
        XCTAssertEqual(known.status, 0, known.stderr)
        XCTAssertEqual(CheckFixtures.findings(try CheckFixtures.json(known.stdout)).count, 0)

        // Blank lines above the claims move them down; the baseline still recognises them.
        let lede = try XCTUnwrap(original.range(of: "\n\n"))
        let moved = original.replacingCharacters(in: lede, with: "\n\n\n\n\n")
        try moved.write(to: article, atomically: true, encoding: .utf8)
        let shifted = try CLI.run(["check", "--color", "never", article.path])
        XCTAssertTrue(shifted.stdout.contains("kellmark.txt:6:13: error:"), "the claim moved: \(shifted.stdout)")
        let stillKnown = try CLI.run(["check", "--format", "json", "--baseline", baseline, article.path])
        XCTAssertEqual(stillKnown.status, 0, stillKnown.stdout)
        XCTAssertEqual(CheckFixtures.findings(try CheckFixtures.json(stillKnown.stdout)).count, 0)

        // A new contradiction is still reported.
        let added = moved + "\nThe city council said 90,000 people marched in Kellmark on Saturday.\n"
        try added.write(to: article, atomically: true, encoding: .utf8)
        let fresh = try CLI.run(["check", "--format", "json", "--baseline", baseline, article.path])
        XCTAssertEqual(fresh.status, 1)
        let findings = CheckFixtures.findings(try CheckFixtures.json(fresh.stdout))
        XCTAssertEqual(checks(findings), ["conflict"])
        XCTAssertEqual(findings.first.map(CheckFixtures.quotes), ["12,000 people", "90,000 people"])
    }

    // MARK: Colour

    func testNoColorAndColorNever() throws {
        let article = "Fixtures/check/kellmark-steelworks-march.txt"
        let escape = "\u{1b}["
        // CLIHarness pipes output and sets NO_COLOR=1.
        XCTAssertFalse(try CLI.run(["check", article]).stdout.contains(escape))
        XCTAssertFalse(try CLI.run(["check", "--color", "never", article]).stdout.contains(escape))
        XCTAssertTrue(try CLI.run(["check", "--color", "always", article]).stdout.contains(escape),
                      "--color always must colour, or the assertions above prove nothing")

        // On a terminal, only NO_COLOR or --color never turn colour off.
        let terminal = try CheckTerminal.run(["check", article], noColor: nil)
        XCTAssertTrue(terminal.contains("[conflict]"), terminal)
        XCTAssertTrue(terminal.contains(escape), "a terminal without NO_COLOR gets colour")
        let noColor = try CheckTerminal.run(["check", article], noColor: "1")
        XCTAssertTrue(noColor.contains("[conflict]"), noColor)
        XCTAssertFalse(noColor.contains(escape), "NO_COLOR turns colour off on a terminal")
        let never = try CheckTerminal.run(["check", "--color", "never", article], noColor: nil)
        XCTAssertTrue(never.contains("[conflict]"), never)
        XCTAssertFalse(never.contains(escape), "--color never turns colour off on a terminal")
    }

    // MARK: Corrections

    func testCorrectionsAndSupersededFiguresThroughTheBinary() throws {
        // "four victims in total, not five" revises "Five people were stabbed" across groups;
        // "Earlier reports that up to 1,000 ... were later revised" is replaced by the sheriff's
        // 150 (reported once, as rival figures); "12 people were injured, not two" replaces no
        // "Two people were killed".
        let result = try CLI.run(["check", "--format", "jsonl", "Fixtures/check/cases/tarrow-corrections.txt"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let messages = result.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["check"] as? String == "conflict" else { return nil }
            return object["message"] as? String
        }
        XCTAssertEqual(messages, [
            "5 people (a fire official) was revised to 4 people (A police spokesman); the casualties (injured) in Tarrow Park on 2021-03-07, corrected as the casualties (victims) in Tarrow Park on 2021-03-07",
            "~150 people (the sheriff; ±7.5%: [138.75, 161.25]) and ~[500, 1000] people (\"Earlier reports that\", anonymous; ±7.5%: [462.5, 1075]) do not overlap; both are the stranded in Lake Orrin on 2021-03-07",
        ])
    }

    func testAFollowUpStorysFiguresMeetTheEventAcrossArticles() throws {
        // The second story's lede is about raids across the country on Friday; its last
        // paragraph's wounded are Thursday's, in Valmont, which the story names as its event.
        let result = try CLI.run(["check", "--format", "jsonl", "Fixtures/cross-article"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let messages = result.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["check"] as? String == "conflict" else { return nil }
            return object["message"] as? String
        }
        XCTAssertEqual(messages, [
            "30 people (hospital officials) and 40 people do not overlap; both are the casualties (injured) in Valmont on 2021-03-04",
        ])
    }

    // MARK: GitHub escaping

    func testGitHubEscapesPercentCarriageReturnAndLineFeed() throws {
        // CRLF line ends, a quote that wraps over a line break and "±10%" in the message.
        let result = try CLI.run(["check", "--format", "github", "Fixtures/check/cases/wexley-crlf.txt"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, "::error file=Fixtures/check/cases/wexley-crlf.txt,line=1,col=38,endLine=1,"
            + "endColumn=56,title=claimcheck%3A ConflictingRanges::~4000 people (Police; ±10%25: [3600, 4400]) and "
            + "[20000, ∞) people (The organisers) do not overlap; both are the crowd in Wexley on 2024-05-04"
            + "%0AFixtures/check/cases/wexley-crlf.txt:3:26: crowd [20000, ∞) people according to The organisers: "
            + "\"at least 20,000%0D%0Apeople\"\n")
    }

    func testGitHubEscapesPropertyValues() throws {
        let directory = try CLI.temporaryDirectory(self)
        let article = directory.appendingPathComponent("march, 100%.txt")
        try Data(contentsOf: CLI.path("Fixtures/check/kellmark-steelworks-march.txt")).write(to: article)
        let result = try CLI.run(["check", "--format", "github", article.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        let expectedFile = "file=" + directory.path.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
            + "/march%2C 100%25.txt,line=3,col=13,"
        XCTAssertTrue(result.stdout.hasPrefix("::error " + expectedFile), result.stdout)
        XCTAssertEqual(result.stdout.filter { $0 == "\n" }.count, 1, "one annotation, one line")
    }
}
