import SchemaValidation
import Foundation
import XCTest

/// `claimcheck check` over the fixture articles in Fixtures/check must reproduce the reviewed
/// goldens in Fixtures/check/golden byte for byte, in every report format. Regenerate them
/// only on purpose, with CLAIMCHECK_UPDATE_GOLDENS=1 (see CLIHarness.swift), and read them.
///
/// What the fixtures are for:
/// - kellmark-steelworks-march.txt: police and organisers disagree in one article (conflict).
/// - tarrow-march-sunday.txt + tarrow-march-tuesday.txt: two articles published on different
///   days whose "on Saturday" is the same day, with disjoint figures (conflict across files).
/// - dunmore-mayoral-election.txt: two candidates' shares add up to 105% (share-sum).
/// - serrat-flood-toll.txt: a death toll put at "at least 31" and at nine (conflict).
/// - brask-mining-protests.txt, halden-climate-march.txt, ardel-teachers-rally.txt: near-misses
///   that must not conflict (another city, another day, another group; "tens of thousands"
///   against 30,000; overlapping approximate figures).
/// - orlen-harbour-vigil.md: a suppression that silences a conflict, and one that silences
///   nothing (unused-suppression).
final class CheckGoldenTests: XCTestCase {
    static let formats = ["text": "txt", "json": "json", "sarif": "sarif", "github": "github"]

    func testFixtureSetIsComplete() throws {
        let articles = try CheckFixtures.articles()
        XCTAssertEqual(articles, [
            "Fixtures/check/ardel-teachers-rally.txt",
            "Fixtures/check/brask-mining-protests.txt",
            "Fixtures/check/dunmore-mayoral-election.txt",
            "Fixtures/check/halden-climate-march.txt",
            "Fixtures/check/kellmark-steelworks-march.txt",
            "Fixtures/check/orlen-harbour-vigil.md",
            "Fixtures/check/serrat-flood-toll.txt",
            "Fixtures/check/tarrow-march-sunday.txt",
            "Fixtures/check/tarrow-march-tuesday.txt",
        ])
        for article in articles {
            let text = try String(contentsOf: CLI.path(article), encoding: .utf8)
            XCTAssertNotNil(text.range(of: #"^date \d{4}-\d{2}-\d{2}[ \n]"#, options: .regularExpression),
                            "\(article) must start with a date prefix")
        }
        let vigil = try String(contentsOf: CLI.path("Fixtures/check/orlen-harbour-vigil.md"), encoding: .utf8)
        XCTAssertTrue(vigil.contains("<!-- claimcheck-disable-next-line conflict -->"))
    }

    func testGoldens() throws {
        for (format, ext) in Self.formats.sorted(by: { $0.key < $1.key }) {
            let result = try CheckFixtures.combinedRun(format: format)
            XCTAssertEqual(result.status, 1, "\(format): conflicts are errors, so the run fails; \(result.stderr)")
            XCTAssertEqual(result.stderr, "", format)
            let output = format == "sarif" ? try Self.portableSARIF(result.stdout) : result.stdout
            CLI.assertGolden(output, "Fixtures/check/golden/all.\(ext)")
        }
    }

    /// SARIF names the checkout as `%SRCROOT%` (`file:///…/`), which differs between machines;
    /// the golden holds `file:///PACKAGE_ROOT/` there and in rules' `helpUri` instead. Everything
    /// else is compared as is.
    static func portableSARIF(_ sarif: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let pattern = try NSRegularExpression(pattern: #"("%SRCROOT%": \{\s*"uri": ")(file:///[^"]*/)(")"#)
        let range = NSRange(sarif.startIndex..., in: sarif)
        let matches = pattern.matches(in: sarif, range: range)
        XCTAssertEqual(matches.count, 1, "SARIF must name its source root once", file: file, line: line)
        let rooted = pattern.stringByReplacingMatches(in: sarif, range: range, withTemplate: "$1file:///PACKAGE_ROOT/$3")
        // helpUri points into the README beside the rules the binary found: this checkout's.
        return rooted.replacingOccurrences(of: CLI.packageRoot.appendingPathComponent("README.md").absoluteString,
                                           with: "file:///PACKAGE_ROOT/README.md")
    }

    /// Guards the goldens themselves: exactly the expected findings, each message carrying the
    /// numbers it is about, and nothing reported from the near-miss articles.
    func testFindingsAreTheExpectedOnes() throws {
        let document = try CheckFixtures.json(try CheckFixtures.combinedRun(format: "json").stdout)
        let findings = CheckFixtures.findings(document)

        func finding(_ check: String, _ quotes: [String], file: StaticString = #filePath,
                     line: UInt = #line) -> [String: Any]? {
            let found = findings.first { ($0["check"] as? String) == check && CheckFixtures.quotes(of: $0) == quotes }
            XCTAssertNotNil(found, "no \(check) finding for \(quotes)", file: file, line: line)
            return found
        }
        func assertMessage(_ finding: [String: Any]?, contains parts: [String], file: StaticString = #filePath,
                           line: UInt = #line) {
            let message = finding?["message"] as? String ?? ""
            for part in parts {
                XCTAssertTrue(message.contains(part), "message lacks \(part): \(message)", file: file, line: line)
            }
        }

        // (a) Police against organisers in one article.
        let kellmark = finding("conflict", ["12,000 people", "at least 45,000 demonstrators"])
        assertMessage(kellmark, contains: ["12000 people", "[45000, ∞) people", "do not overlap", "Kellmark", "2024-03-09"])
        XCTAssertEqual(kellmark?["severity"] as? String, "error")

        // (b) Two articles, published on Sunday and Tuesday, about the same Saturday march.
        let tarrow = finding("conflict", ["About 8,000 people", "At least 30,000 people"])
        assertMessage(tarrow, contains: ["~8000 people", "[7200, 8800]", "[30000, ∞) people", "Tarrow", "2024-04-13"])
        XCTAssertEqual(tarrow.map(CheckFixtures.files), [
            "Fixtures/check/tarrow-march-sunday.txt", "Fixtures/check/tarrow-march-tuesday.txt",
        ])

        // (c) Two candidates' shares of one election.
        let dunmore = finding("share-sum", ["58% of the vote", "won 47%"])
        assertMessage(dunmore, contains: ["105%", "more than 100%", "Varga ≥ 58%", "Rusk ≥ 47%"])

        // (d) A death toll put at disjoint figures.
        let serrat = finding("conflict", ["At least 31 people were killed", "nine people were killed"])
        assertMessage(serrat, contains: ["[31, ∞) people", "9 people", "Serrat", "2022-09-20", "killed"])

        // (f) The unused suppression; the used one silenced the 2,000 / 9,000 mourners conflict.
        let unused = findings.first { ($0["check"] as? String) == "unused-suppression" }
        XCTAssertEqual(unused?["severity"] as? String, "info")
        XCTAssertTrue((unused?["message"] as? String ?? "").contains("suppression of unsourced"))

        XCTAssertEqual(findings.count, 5, "only the findings above: \(findings.map { $0["message"] ?? "" })")

        // (e) No false alarm from the near-misses, and the silenced conflict stays silent.
        let reportedFiles = Set(findings.flatMap(CheckFixtures.files))
        for nearMiss in ["brask-mining-protests.txt", "halden-climate-march.txt", "ardel-teachers-rally.txt"] {
            XCTAssertFalse(reportedFiles.contains("Fixtures/check/" + nearMiss), nearMiss)
        }
        XCTAssertFalse(findings.contains { ($0["check"] as? String) == "conflict"
            && CheckFixtures.files(of: $0).contains("Fixtures/check/orlen-harbour-vigil.md") })

        // The near-misses are not silent for lack of claims: each one's figures were extracted.
        let claims = document["claims"] as? [[String: Any]] ?? []
        func claimCount(_ file: String) -> Int { claims.filter { ($0["file"] as? String) == "Fixtures/check/" + file }.count }
        XCTAssertEqual(claimCount("brask-mining-protests.txt"), 6)
        XCTAssertEqual(claimCount("halden-climate-march.txt"), 2)
        XCTAssertEqual(claimCount("ardel-teachers-rally.txt"), 2)
        XCTAssertEqual(claimCount("orlen-harbour-vigil.md"), 3)
    }

    func testSARIFValidatesAgainstTheSchema() throws {
        let sarif = try CheckFixtures.combinedRun(format: "sarif").stdout
        let errors = try SchemaValidator.errors(in: sarif, schema: "sarif-schema-2.1.0.json")
        XCTAssertEqual(errors, [], "SARIF output does not validate against the 2.1.0 schema")

        let root = try CheckFixtures.json(sarif)
        XCTAssertEqual(root["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((root["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.compactMap { $0["ruleId"] as? String }.sorted(),
                       ["conflict", "conflict", "conflict", "share-sum", "unused-suppression"])
    }

    func testGitHubGoldenEscapesPercent() throws {
        let github = try CheckFixtures.combinedRun(format: "github").stdout
        let lines = github.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, 5, "one annotation a line")
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::notice ") })
        let shares = try XCTUnwrap(lines.first { $0.contains("SharesExceedWhole") })
        XCTAssertTrue(shares.contains("add up to 105%25, more than 100%25"), String(shares))
        XCTAssertFalse(github.contains("\r"))
    }
}
