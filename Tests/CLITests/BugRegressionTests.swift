import Foundation
import XCTest

/// Regression tests for the bugs listed in issue 8, each through the built binary with the
/// exact output and exit code expected.
final class BugRegressionTests: XCTestCase {
    static let kellmark = "Fixtures/check/kellmark-steelworks-march.txt"

    /// `check kellmark-steelworks-march.txt` as text, the way the file is named in `path`.
    static func kellmarkReport(_ path: String) -> String {
        """
        \(path):3:13: error: 12000 people (Police) and [45000, ∞) people (The Steelworkers' Union) do not overlap; both are the crowd in Kellmark on 2024-03-09 [conflict]
            Police said 12,000 people marched through Kellmark on Saturday, from the foundry gates to the town hall.
                        ^~~~~~~~~~~~~
        \(path):5:58: note: crowd [45000, ∞) people according to The Steelworkers' Union
            …Union, which organised the march, said at least 45,000 demonstrators had taken part, calling it the largest protest in…
                                                    ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
        1 error in 1 file

        """
    }

    // MARK: - rules test counts examples, not wrong keys

    func testRulesTestCountsFailingExamplesNotKeys() throws {
        let dir = try CLI.temporaryDirectory(self)
        // Example 1 gets two keys wrong, example 2 one; the no-match example passes.
        let wrong = RulesCommandTests.petitionRules
            .replacingOccurrences(of: "low: 120000", with: "low: 99999")
            .replacingOccurrences(of: "lowInclusive: false", with: "lowInclusive: true")
            .replacingOccurrences(of: "approx: true", with: "approx: false")
        let path = dir.appendingPathComponent("petition.yml").path
        try Data(wrong.utf8).write(to: URL(fileURLWithPath: path))
        let lines = wrong.components(separatedBy: "\n")
        func line(of text: String) throws -> Int {
            try XCTUnwrap(lines.firstIndex { $0.contains(text) }) + 1
        }
        let first = try line(of: "- text: \"The petition has gathered")
        let second = try line(of: "- text: \"About 40,000 people have signed")

        let shipped = try CLI.run(["rules", "test"])
        let shippedLines = shipped.stdout.split(separator: "\n")
        XCTAssertEqual(shippedLines.count, 2, shipped.stdout)
        let counts = try XCTUnwrap(shippedLines.first).split(separator: " ").compactMap { Int($0) }
        XCTAssertEqual(counts.count, 3, shipped.stdout)
        let (examples, rules, files) = (counts[0], counts[1], counts[2])

        let result = try CLI.run(["rules", "test", "--rules", dir.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "")
        let gathered = "in \"The petition has gathered more than 120,000 signatures.\""
        XCTAssertEqual(result.stdout, """
            \(path):\(first): petition.signatures: low: expected 99999, got 120000 \(gathered)
            \(path):\(first): petition.signatures: lowInclusive: expected true, got false \(gathered)
            \(path):\(second): petition.signatures: approx: expected false, got true in "About 40,000 people have signed, the organisers said."
            \(examples + 3) examples in \(rules + 1) rules from \(files + 1) files
            rules: \(examples + 1) passed, 2 failed

            """)
    }

    // MARK: - a baseline works from any working directory

    /// A project with one article that has a conflict and unsourced figures.
    func makeProject(config: Bool) throws -> URL {
        let project = try CLI.temporaryDirectory(self)
        let articles = project.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.path(Self.kellmark), to: articles.appendingPathComponent("a.txt"))
        if config { try Data("fail-on: warning\n".utf8).write(to: project.appendingPathComponent(".claimcheck.yml")) }
        return project
    }

    func testBaselineWrittenInOneDirectoryMatchesFromAnother() throws {
        // No configuration: paths are relative to the inputs' common directory.
        let project = try makeProject(config: false)
        let articles = project.appendingPathComponent("articles")
        let written = try CLI.run(["check", "articles", "--write-baseline", "baseline.json"], directory: project)
        XCTAssertEqual(written.status, 1, written.stderr)
        XCTAssertEqual(written.stdout, Self.kellmarkReport("articles/a.txt"))
        let fromInside = try CLI.run(["check", ".", "--baseline", "../baseline.json"], directory: articles)
        XCTAssertEqual(fromInside.stderr, "")
        XCTAssertEqual(fromInside.stdout, "no findings in 1 file (1 baselined)\n")
        XCTAssertEqual(fromInside.status, 0)
        let absolute = try CLI.run(["check", articles.path, "--baseline", project.path + "/baseline.json"])
        XCTAssertEqual(absolute.stdout, "no findings in 1 file (1 baselined)\n")
        XCTAssertEqual(absolute.status, 0)
    }

    func testBaselineIsRelativeToTheConfigDirectory() throws {
        let project = try makeProject(config: true)
        let articles = project.appendingPathComponent("articles")
        let written = try CLI.run(["check", "articles/a.txt", "--write-baseline", "baseline.json"], directory: project)
        XCTAssertEqual(written.status, 1, written.stderr)
        // From a subdirectory the same .claimcheck.yml is found, so the same root is used.
        let fromInside = try CLI.run(["check", "a.txt", "--baseline", "../baseline.json"], directory: articles)
        XCTAssertEqual(fromInside.stderr, "")
        XCTAssertEqual(fromInside.stdout, "no findings in 1 file (1 baselined)\n")
        XCTAssertEqual(fromInside.status, 0)
    }

    // MARK: - one file under two spellings is read once

    func testTheSameFileUnderTwoSpellingsIsReadOnce() throws {
        let spellings = [Self.kellmark, "./" + Self.kellmark, "Fixtures/check/../check/kellmark-steelworks-march.txt",
                         CLI.path(Self.kellmark).path]
        let result = try CLI.run(["check"] + spellings)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, Self.kellmarkReport(Self.kellmark), "no conflict of the file with itself")
        XCTAssertEqual(result.status, 1)

        // A directory and a file in it: the file is read once, under its first spelling.
        let single = try CLI.run(["extract", Self.kellmark])
        let twice = try CLI.run(["extract", Self.kellmark, "./Fixtures/check/", "Fixtures/check/kellmark-steelworks-march.txt"])
        XCTAssertEqual(twice.status, 0, twice.stderr)
        let lines = twice.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.filter { $0.contains("kellmark") }.joined(separator: "\n") + "\n", single.stdout)
        XCTAssertTrue(single.stdout.hasPrefix(Self.kellmark + ":"), single.stdout)
        XCTAssertFalse(twice.stdout.contains("./Fixtures/check/kellmark"), twice.stdout)
    }

    // MARK: - a failed baseline write still prints the report

    func testBaselineWriteIntoAMissingDirectoryStillPrintsTheFindings() throws {
        let dir = try CLI.temporaryDirectory(self)
        let target = dir.path + "/no-such-dir/baseline.json"
        let result = try CLI.run(["check", Self.kellmark, "--write-baseline", target])
        XCTAssertEqual(result.stdout, Self.kellmarkReport(Self.kellmark))
        let stderr = result.stderr.replacingOccurrences(of: #"tmp-\d+"#, with: "tmp-PID", options: .regularExpression)
        XCTAssertEqual(stderr, "\(target): error: cannot write baseline file: cannot create "
                       + "\(target).claimcheck-tmp-PID: No such file or directory\n")
        XCTAssertEqual(result.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path + "/no-such-dir"))
    }

    // MARK: - --color reaches rule-file errors

    func testColorChoiceAppliesToRuleErrors() throws {
        let golden = try String(contentsOf: CLI.path("Fixtures/errors/rules-bad-regex.expected"), encoding: .utf8)
        let red = golden.replacingOccurrences(of: " error: ", with: " \u{1B}[1;31merror:\u{1B}[0m ")
        XCTAssertNotEqual(red, golden)
        for command in ["extract", "check"] {
            let always = try CLI.run([command, "--color", "always", "--rules", "Fixtures/errors/rules/bad-regex", Self.kellmark])
            XCTAssertEqual(always.status, 2, command)
            XCTAssertEqual(always.stdout, "", command)
            XCTAssertEqual(always.stderr, red, command)
        }
        // On a terminal without NO_COLOR, --color never still means no colour.
        let never = try CheckTerminal.run(["check", "--color", "never", "--rules", "Fixtures/errors/rules/bad-regex",
                                           Self.kellmark], noColor: nil)
        XCTAssertEqual(never, golden.replacingOccurrences(of: "\n", with: "\r\n"))
        let auto = try CheckTerminal.run(["check", "--rules", "Fixtures/errors/rules/bad-regex", Self.kellmark], noColor: nil)
        XCTAssertEqual(auto, red.replacingOccurrences(of: "\n", with: "\r\n"), "auto on a terminal is coloured")
    }

    // MARK: - reading no article is an error unless --allow-empty

    func testNoArticleReadIsAnErrorUnlessAllowed() throws {
        let empty = try CLI.temporaryDirectory(self)
        try Data("x".utf8).write(to: empty.appendingPathComponent("notes.json"))
        let warning = "\(empty.path): warning: no article files in this directory (looked for .markdown, .md, .txt)\n"
        let error = "error: no article was read; pass --allow-empty if that is expected\n"

        let check = try CLI.run(["check", empty.path])
        XCTAssertEqual(check.stdout, "no findings in 0 files (1 input error)\n")
        XCTAssertEqual(check.stderr, warning + error)
        XCTAssertEqual(check.status, 2)
        let allowed = try CLI.run(["check", "--allow-empty", empty.path])
        XCTAssertEqual(allowed.stdout, "no findings in 0 files\n")
        XCTAssertEqual(allowed.stderr, warning)
        XCTAssertEqual(allowed.status, 0)

        let extract = try CLI.run(["extract", empty.path])
        XCTAssertEqual(extract.stdout, "")
        XCTAssertEqual(extract.stderr, warning + error)
        XCTAssertEqual(extract.status, 2)
        let json = try CLI.run(["extract", "--format", "json", empty.path])
        XCTAssertEqual(json.status, 2)
        let errors = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["errors"] as? [[String: Any]])
        XCTAssertEqual(errors.compactMap { $0["message"] as? String },
                       ["no article files in this directory (looked for .markdown, .md, .txt)", "no article was read; pass --allow-empty if that is expected"])
        let extractAllowed = try CLI.run(["extract", "--allow-empty", empty.path])
        XCTAssertEqual(extractAllowed.stdout, "")
        XCTAssertEqual(extractAllowed.stderr, warning)
        XCTAssertEqual(extractAllowed.status, 0)

        // Every file ignored by the configuration is no input either.
        let project = try CLI.temporaryDirectory(self)
        try FileManager.default.copyItem(at: CLI.path(Self.kellmark), to: project.appendingPathComponent("a.txt"))
        try Data("ignore: [\"*.txt\"]\n".utf8).write(to: project.appendingPathComponent(".claimcheck.yml"))
        let ignored = try CLI.run(["check", "a.txt"], directory: project)
        XCTAssertEqual(ignored.stderr, error)
        XCTAssertEqual(ignored.status, 2)

        // A missing file is already its own error: no second one.
        let missing = try CLI.run(["check", "no-such-article.txt"])
        XCTAssertEqual(missing.stderr, "no-such-article.txt: error: no such file or directory\n")
        XCTAssertEqual(missing.status, 2)

        for command in ["check", "extract"] {
            let help = try CLI.run([command, "--help"])
            XCTAssertTrue(help.stdout.contains("--allow-empty"), command)
        }
    }
}
