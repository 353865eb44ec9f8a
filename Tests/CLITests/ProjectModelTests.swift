import Foundation
import XCTest

/// The project model through the binary: configuration found upward from each input, ignore
/// files and hidden entries in walks, extensions, article dates from front matter and headers,
/// block and file suppressions, the summary's hidden counts, several outputs in one run,
/// `config show`, `rules dirs`, exit-code detail, versions and misspelt commands.
final class ProjectModelTests: XCTestCase {
    /// Police and a union disagree: one conflict and no unsourced claim.
    static let conflicting = """
        Police said 12,000 people marched through Kellmark on Saturday.

        The Steelworkers' Union said at least 45,000 demonstrators had taken part in Kellmark on Saturday.

        """
    static let date = "date 2024-03-10\n"

    private func write(_ text: String, _ relative: String, in root: URL) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func files(_ jsonl: String) -> [String] {
        Array(Set(CLI.jsonLines(jsonl).compactMap { $0["file"] as? String })).sorted()
    }

    // MARK: configuration discovery

    func testConfigurationIsFoundUpwardFromEachInputNotTheWorkingDirectory() throws {
        let root = try CLI.temporaryDirectory(self)
        try write("checks: {conflict: off}\n", "desk/.claimcheck.yml", in: root)
        try write(Self.date + Self.conflicting, "desk/articles/kellmark.txt", in: root)
        // Run from elsewhere (the package root): the desk's configuration still applies.
        let result = try CLI.run(["check", "--color", "never", root.path + "/desk/articles/kellmark.txt"])
        XCTAssertEqual(result.stdout, "no findings in 1 file\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        // Copied outside the desk, the same article conflicts.
        try write(Self.date + Self.conflicting, "loose/kellmark.txt", in: root)
        let loose = try CLI.run(["check", "--format", "json", root.path + "/loose"])
        XCTAssertEqual(loose.status, 1)
        XCTAssertEqual(CheckFixtures.findings(try CheckFixtures.json(loose.stdout)).map { $0["check"] as? String }, ["conflict"])
    }

    func testAWalkNotesAConfigurationItDoesNotApply() throws {
        let root = try CLI.temporaryDirectory(self)
        try write("checks: {conflict: off}\n", "desk/.claimcheck.yml", in: root)
        try write(Self.date + Self.conflicting, "desk/kellmark.txt", in: root)
        let walked = try CLI.run(["check", "--color", "never", "--format", "json", "."], directory: root)
        XCTAssertEqual(walked.stderr, "./desk/.claimcheck.yml: note: not applied: a run uses the configuration of the inputs it was given, not one inside a walked directory; check this directory on its own to use it\n")
        XCTAssertEqual(walked.status, 1, "the desk's 'conflict: off' is not applied")
        let own = try CLI.run(["check", "--color", "never", "desk"], directory: root)
        XCTAssertEqual(own.stderr, "")
        XCTAssertEqual(own.status, 0)
    }

    func testInputsOfTwoProjectsAreAConfigurationError() throws {
        let root = try CLI.temporaryDirectory(self)
        try write("fail-on: warning\n", "a/.claimcheck.yml", in: root)
        try write("fail-on: error\n", "b/.claimcheck.yml", in: root)
        try write(Self.date + Self.conflicting, "a/x.txt", in: root)
        try write(Self.date + Self.conflicting, "b/y.txt", in: root)
        let result = try CLI.run(["check", "a", "b"], directory: root)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "error: inputs belong to different projects (a uses \(root.path)/a/.claimcheck.yml; b uses \(root.path)/b/.claimcheck.yml); check them in separate runs or choose one file with --config\n")
        XCTAssertEqual(result.status, 2)
        let detailed = try CLI.run(["check", "--exit-detail", "a", "b"], directory: root)
        XCTAssertEqual(detailed.status, 3, "3: configuration error")
        let chosen = try CLI.run(["check", "--config", "a/.claimcheck.yml", "--format", "json", "a", "b"], directory: root)
        XCTAssertEqual(chosen.status, 1, chosen.stderr)
    }

    func testExtractHonoursTheConfigurationsRulesAndIgnores() throws {
        let root = try CLI.temporaryDirectory(self)
        try write("rules: [my-rules]\nignore: [\"drafts/\"]\n", ".claimcheck.yml", in: root)
        try write(RulesCommandTests.petitionRules, "my-rules/petition.yml", in: root)
        try write("More than 120,000 people have signed a petition against the bypass.\n", "articles/p.txt", in: root)
        try write("More than 5,000 people have signed a petition.\n", "articles/drafts/d.txt", in: root)
        let result = try CLI.run(["extract", "--format", "jsonl", "articles"], directory: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let claims = CLI.jsonLines(result.stdout)
        XCTAssertEqual(claims.compactMap { $0["kind"] as? String }, ["petition"])
        XCTAssertEqual(files(result.stdout), ["articles/p.txt"])
        let dirs = try CLI.run(["rules", "dirs"], directory: root)
        XCTAssertEqual(dirs.stdout, "\(CLI.packageRoot.path)/Rules\tdefault rules\n\(root.path)/my-rules\trules: in \(root.path)/.claimcheck.yml\n")
        let test = try CLI.run(["rules", "test"], directory: root)
        XCTAssertEqual(test.status, 0, test.stdout)
        XCTAssertTrue(test.stdout.contains("petition.yml") || test.stdout.contains("rules:"), test.stdout)
    }

    // MARK: walks

    func testWalksSkipHiddenAndIgnoredFilesUnlessAsked() throws {
        let root = try CLI.temporaryDirectory(self)
        let line = "Police said 3,000 people marched in Orlen on Saturday.\n"
        try write(line, "site/kept.txt", in: root)
        try write(line, "site/.hidden.txt", in: root)
        try write(line, "site/.cache/c.txt", in: root)
        try write(line, "site/build/b.txt", in: root)
        try write(line, "site/notes/n.txt", in: root)
        try write(line, "site/notes/keep.txt", in: root)
        try write(line, "site/page.markdown", in: root)
        try write(line, "site/page.html", in: root)
        try write("build/\n# comment\nnotes/*\n!notes/keep.txt\n", "site/.gitignore", in: root)
        try write("page.markdown\n", "site/.claimcheckignore", in: root)

        let walked = try CLI.run(["extract", "--format", "jsonl", "site"], directory: root)
        XCTAssertEqual(walked.status, 0, walked.stderr)
        XCTAssertEqual(files(walked.stdout), ["site/kept.txt", "site/notes/keep.txt"])

        let noIgnore = try CLI.run(["extract", "--format", "jsonl", "--no-ignore", "site"], directory: root)
        XCTAssertEqual(files(noIgnore.stdout), ["site/build/b.txt", "site/kept.txt", "site/notes/keep.txt",
                                                 "site/notes/n.txt", "site/page.markdown"])
        let hidden = try CLI.run(["extract", "--format", "jsonl", "--hidden", "site"], directory: root)
        XCTAssertEqual(files(hidden.stdout), ["site/.cache/c.txt", "site/.hidden.txt", "site/kept.txt", "site/notes/keep.txt"])
        // A file named on the command line is always read.
        let named = try CLI.run(["extract", "--format", "jsonl", "site/build/b.txt", "site/.hidden.txt"], directory: root)
        XCTAssertEqual(files(named.stdout), ["site/.hidden.txt", "site/build/b.txt"])

        // An ignore file above the walked directory counts inside a repository only.
        try write("kept.txt\n", ".gitignore", in: root)
        let outside = try CLI.run(["extract", "--format", "jsonl", "site"], directory: root)
        XCTAssertEqual(files(outside.stdout), ["site/kept.txt", "site/notes/keep.txt"])
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let inside = try CLI.run(["extract", "--format", "jsonl", "--allow-empty", "site"], directory: root)
        XCTAssertEqual(files(inside.stdout), ["site/notes/keep.txt"])
        try FileManager.default.removeItem(at: root.appendingPathComponent(".gitignore"))

        // extensions: in the configuration decides what a walk reads.
        try write("extensions: [html, .txt]\n", ".claimcheck.yml", in: root)
        let configured = try CLI.run(["extract", "--format", "jsonl", "site"], directory: root)
        XCTAssertEqual(files(configured.stdout), ["site/kept.txt", "site/notes/keep.txt", "site/page.html"])
    }

    // MARK: HTML articles

    func testHTMLArticlesAreReadAsTextWithPositionsInTheFile() throws {
        let root = try CLI.temporaryDirectory(self)
        try write("""
            <!DOCTYPE html>
            <html><head><title>Rally</title><script>var x = "5,000 people marched";</script></head>
            <body>
            <p>Police said <b>12,000</b> people
            marched in Minsk on Saturday.</p>
            <p>Organisers said at least 45,000&nbsp;people took part in Minsk on Saturday &amp; Sunday.</p>
            </body></html>

            """, "rally.html", in: root)
        let result = try CLI.run(["check", "--color", "never", "--date", "2024-03-10", "rally.html"], directory: root)
        XCTAssertEqual(result.stdout, """
            rally.html:4:19: error: 12000 people (Police) and [45000, ∞) people (Organisers) do not overlap; both are the crowd in Minsk on 2024-03-09 [conflict]
                Police said 12,000 people marched in Minsk on Saturday.
                            ^~~~~~~~~~~~~
            rally.html:6:20: note: crowd [45000, ∞) people according to Organisers
                Organisers said at least 45,000 people took part in Minsk on Saturday & Sunday.
                                ^~~~~~~~~~~~~~~~~~~~~~
            1 error in 1 file

            """, "the script's figure is no claim; tags and entities are gone from the evidence")
        XCTAssertEqual(result.status, 1)
    }

    // MARK: article dates

    func testArticleDatesComeFromFrontMatterAndDateHeaders() throws {
        let root = try CLI.temporaryDirectory(self)
        try write("---\ntitle: \"Rally: 40,000 expected\"\ndate: 2021-03-08\n---\nPolice said 5,000 people marched in Minsk on Saturday.\n",
                  "front.md", in: root)
        try write("Title: Rally\nDate: 2021-03-09T08:00:00Z\n\nPolice said 5,000 people marched in Minsk yesterday.\n",
                  "header.txt", in: root)
        try write("---\ndate: 2021-02-30\n---\nPolice said 5,000 people marched in Minsk.\n", "bad.md", in: root)
        let result = try CLI.run(["extract", "front.md", "header.txt", "bad.md"], directory: root)
        XCTAssertEqual(result.stdout, """
            front.md:5:13: crowd 5000 people "5,000 people" place=Minsk date=2021-03-06 source=Police
            header.txt:4:13: crowd 5000 people "5,000 people" place=Minsk date=2021-03-08 source=Police
            bad.md:4:13: crowd 5000 people "5,000 people" place=Minsk source=Police

            """, "front matter is metadata: its title's figure is no claim")
        XCTAssertEqual(result.stderr, "bad.md:2:1: warning: 'date: 2021-02-30' is not a valid article date (expected YYYY-MM-DD with a real date); the article has no date\n")
        XCTAssertEqual(result.status, 0)
    }

    // MARK: suppressions

    func testBlockAndFileSuppressionsAndMisspeltDirectives() throws {
        let root = try CLI.temporaryDirectory(self)
        let block = Self.date + """
            <!-- claimcheck-disable conflict -->
            \(Self.conflicting)<!-- claimcheck-enable conflict -->
            Organisers said 900 people attended a vigil in Kellmark on Sunday.

            """
        try write(block, "block.txt", in: root)
        let result = try CLI.run(["check", "--color", "never", "block.txt"], directory: root)
        XCTAssertEqual(result.stdout, "no findings in 1 file (1 suppressed)\n")
        XCTAssertEqual(result.status, 0, result.stderr)

        try write(Self.date + "<!-- claimcheck-disable-file -->\n" + Self.conflicting, "whole.txt", in: root)
        let whole = try CLI.run(["check", "--color", "never", "whole.txt"], directory: root)
        XCTAssertEqual(whole.stdout, "no findings in 1 file (1 suppressed)\n")

        try write(Self.date + "<!-- claimcheck-disabel-next-line -->\n" + Self.conflicting + "<!-- claimcheck-enable -->\n",
                  "typo.txt", in: root)
        let typo = try CLI.run(["check", "--color", "never", "--format", "json", "typo.txt"], directory: root)
        XCTAssertEqual(typo.status, 1, "the misspelt directive silences nothing")
        XCTAssertEqual(typo.stderr, """
            typo.txt:2:1: warning: unknown directive 'claimcheck-disabel-next-line' (did you mean 'claimcheck-disable-next-line'?); known directives: claimcheck-disable-next-line, claimcheck-disable, claimcheck-disable-file, claimcheck-enable
            typo.txt:6:1: warning: claimcheck-enable without an open claimcheck-disable

            """)

        try write(Self.date + "<!-- claimcheck-disable unsorced -->\nNothing here.\n", "id.txt", in: root)
        let id = try CLI.run(["check", "--color", "never", "id.txt"], directory: root)
        XCTAssertTrue(id.stderr.hasPrefix("id.txt:2:1: warning: unknown check 'unsorced' (did you mean 'unsourced'?) in claimcheck-disable;"), id.stderr)
    }

    // MARK: several outputs

    func testSeveralOutputsInOneRunAreWrittenWhole() throws {
        let root = try CLI.temporaryDirectory(self)
        try write(Self.date + Self.conflicting, "k.txt", in: root)
        let single = try CLI.run(["check", "--format", "sarif", "k.txt"], directory: root)
        let text = try CLI.run(["check", "--color", "never", "k.txt"], directory: root)
        let result = try CLI.run(["check", "--output", "sarif=out/report.sarif", "--output", "text=-", "--color", "never",
                                  "--output", "json=report.json", "k.txt"], directory: root)
        XCTAssertEqual(result.status, 2, "out/ does not exist: an output error, after the other outputs")
        XCTAssertEqual(result.stdout, text.stdout)
        XCTAssertTrue(result.stderr.hasPrefix("out/report.sarif: error: cannot write sarif report: cannot create "), result.stderr)
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("report.json"), encoding: .utf8),
                       try CLI.run(["check", "--format", "json", "k.txt"], directory: root).stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["k.txt", "report.json"],
                       "no temporary is left behind")
        XCTAssertEqual(try CLI.run(["check", "--exit-detail", "--output", "sarif=out/report.sarif", "k.txt"], directory: root).status, 6)

        try FileManager.default.createDirectory(at: root.appendingPathComponent("out"), withIntermediateDirectories: true)
        let written = try CLI.run(["check", "--output", "sarif=out/report.sarif", "k.txt"], directory: root)
        XCTAssertEqual(written.status, 1)
        XCTAssertEqual(written.stdout, "", "with --output only, standard output gets nothing")
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("out/report.sarif"), encoding: .utf8), single.stdout)

        let twice = try CLI.run(["check", "--output", "text=-", "--format", "json", "k.txt"], directory: root)
        XCTAssertEqual(twice.status, 2)
        XCTAssertEqual(twice.stderr, "Error: only one report can go to standard output; give the others a file with --output FORMAT=PATH\nUsage: claimcheck check [<options>] [<file> ...]\n  See 'claimcheck check --help' for more information.\n")
    }

    // MARK: exit codes

    func testExtractWritesSeveralOutputsInOneRun() throws {
        let root = try CLI.temporaryDirectory(self)
        try write(Self.date + Self.conflicting, "k.txt", in: root)
        let text = try CLI.run(["extract", "--color", "never", "k.txt"], directory: root)
        let jsonl = try CLI.run(["extract", "--format", "jsonl", "k.txt"], directory: root)
        let json = try CLI.run(["extract", "--format", "json", "k.txt"], directory: root)
        XCTAssertEqual(text.stdout.split(separator: "\n").count, 2)
        let both = try CLI.run(["extract", "--color", "never", "--output", "jsonl=claims.jsonl", "--output", "json=claims.json",
                                "--output", "text=-", "k.txt"], directory: root)
        XCTAssertEqual(both.status, 0, both.stderr)
        XCTAssertEqual(both.stdout, text.stdout)
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("claims.jsonl"), encoding: .utf8), jsonl.stdout)
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("claims.json"), encoding: .utf8), json.stdout)

        let filesOnly = try CLI.run(["extract", "--output", "jsonl=claims.jsonl", "k.txt"], directory: root)
        XCTAssertEqual(filesOnly.stdout, "", "with --output only, standard output gets nothing")
        let failed = try CLI.run(["extract", "--color", "never", "--format", "text", "--output", "json=out/claims.json", "k.txt"], directory: root)
        XCTAssertEqual(failed.status, 2, "out/ does not exist")
        XCTAssertEqual(failed.stdout, text.stdout, "the claims are still printed")
        XCTAssertTrue(failed.stderr.hasPrefix("out/claims.json: error: cannot write json report: cannot create "), failed.stderr)
        XCTAssertEqual(try CLI.run(["extract", "--exit-detail", "--output", "json=out/claims.json", "k.txt"], directory: root).status, 6)
    }

    func testExitDetailTellsErrorsApart() throws {
        let root = try CLI.temporaryDirectory(self)
        try write(Self.date + Self.conflicting, "k.txt", in: root)
        func status(_ arguments: [String]) throws -> Int32 {
            try CLI.run(["check", "--exit-detail"] + arguments, directory: root).status
        }
        XCTAssertEqual(try status(["k.txt"]), 1)
        XCTAssertEqual(try status(["--fail-on", "never", "k.txt"]), 0)
        XCTAssertEqual(try status(["missing.txt"]), 5)
        XCTAssertEqual(try status(["--baseline", "missing.json", "k.txt"]), 3)
        try write("rules:\n  - id: broken\n", "bad-rules/bad.yml", in: root)
        XCTAssertEqual(try status(["--rules", "bad-rules", "k.txt"]), 4)
        XCTAssertEqual(try CLI.run(["check", "--rules", "bad-rules", "k.txt"], directory: root).status, 2)
        XCTAssertEqual(try CLI.run(["extract", "--exit-detail", "missing.txt"], directory: root).status, 5)
    }

    // MARK: config show, version, misspelt commands

    func testConfigShowSaysWhereEachValueCameFrom() throws {
        let root = try CLI.temporaryDirectory(self)
        try write("tolerance: 20%\nchecks: {unsourced: off}\n", ".claimcheck.yml", in: root)
        let result = try CLI.run(["config", "show"], directory: root)
        let file = root.path + "/.claimcheck.yml"
        XCTAssertEqual(result.stdout, """
            configuration: \(file)
            project root: \(root.path)
            rules:
              \(CLI.packageRoot.path)/Rules  (default rules)
            fail-on: error  (default)
            tolerance: 20%  (from \(file))
            checks:
              conflict: error  (default)
              share-sum: error  (default)
              unsourced: off  (from \(file))
              unused-suppression: info  (default)
            extensions: txt, md, markdown  (default)
            ignore: none  (default)
            ignore files: .gitignore, .claimcheckignore in walked directories and above them up to the repository's top (--no-ignore turns them off)

            """)
        XCTAssertEqual(result.status, 0)
    }

    func testVersionAndMisspeltCommands() throws {
        let version = try CLI.run(["version"])
        XCTAssertEqual(try CLI.run(["--version"]).stdout, version.stdout)
        XCTAssertNotNil(version.stdout.range(of: #"^0\.1\.0 \(commit ([0-9a-f]{12}(-dirty)?|unknown)\)\n$"#, options: .regularExpression),
                        version.stdout)
        let typo = try CLI.run(["chekc", "Fixtures/check"])
        XCTAssertEqual(typo.status, 2)
        XCTAssertEqual(typo.stderr, "error: unknown command 'chekc' (did you mean 'check'?); commands: extract, check, eval, explain, rules, ingest, claims, checks, config, version, help\nRun 'claimcheck --help' for usage.\n")
    }

    // MARK: the check registry

    func testTheReadmeTableIsTheRegistrys() throws {
        let table = try CLI.run(["checks", "--format", "markdown"])
        XCTAssertEqual(table.status, 0)
        let readme = try String(contentsOf: CLI.path("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains(table.stdout), "README's checks table differs from `claimcheck checks --format markdown`:\n\(table.stdout)")
        let listed = try CLI.run(["checks"]).stdout.split(separator: "\n").map { $0.split(separator: "\t").prefix(2).joined(separator: " ") }
        XCTAssertEqual(listed, ["conflict error", "share-sum error", "unsourced warning", "unused-suppression info"])
    }

    // MARK: interrupted outputs

    func testAnInterruptedRunLeavesNoPartialReport() throws {
        let root = try CLI.temporaryDirectory(self)
        // Enough articles that the run is still going when the signal arrives.
        let article = Self.date + Self.conflicting
        for index in 0..<400 { try write(article, "a/\(index).txt", in: root) }
        let process = Process()
        process.executableURL = try XCTUnwrap(CLI.executable)
        process.arguments = ["check", "--jobs", "1", "--output", "json=report.json", "--output", "sarif=report.sarif", "a"]
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(150_000)
        process.interrupt()
        process.waitUntilExit()
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "a" }
        XCTAssertFalse(left.contains { $0.contains(".claimcheck-tmp-") }, "a temporary was left: \(left)")
        for name in left {
            // Whatever was written is whole: every report present parses.
            let data = try Data(contentsOf: root.appendingPathComponent(name))
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: data), name)
        }
    }

    // MARK: determinism

    func testOutputIsTheSameAcrossProcessesAndJobCounts() throws {
        let runs = try [["--jobs", "1"], ["--jobs", "3"], ["--jobs", "1"]].map { jobs in
            try CLI.run(["check", "--format", "json"] + jobs + ["Fixtures/check"]).stdout
        }
        XCTAssertEqual(Set(runs).count, 1)
        let findings = CheckFixtures.findings(try CheckFixtures.json(runs[0]))
        XCTAssertEqual(findings.count, 31, "20 errors, 9 warnings, 2 info, as the text summary says")
    }
}
