import Foundation
import XCTest

/// Bad rules and bad inputs: exit code 2, an exact message on stderr (Fixtures/errors/*.expected),
/// and the other inputs still processed.
final class ErrorTests: XCTestCase {
    static let article = "Fixtures/extract/valmont-march.txt"

    /// (expected-file name, rules directory) — each directory holds exactly one problem.
    static let ruleCases: [(String, String)] = [
        ("rules-malformed-yaml", "Fixtures/errors/rules/malformed-yaml"),
        ("rules-unknown-key", "Fixtures/errors/rules/unknown-key"),
        ("rules-duplicate-id", "Fixtures/errors/rules/duplicate-id"),
        ("rules-bad-regex", "Fixtures/errors/rules/bad-regex"),
        ("rules-missing-group", "Fixtures/errors/rules/missing-group"),
        ("rules-unknown-unit", "Fixtures/errors/rules/unknown-unit"),
        ("rules-dir-missing", "Fixtures/errors/rules/no-such-directory"),
    ]

    func testBadRuleDirectoriesStopEveryCommand() throws {
        for (name, directory) in Self.ruleCases {
            let result = try CLI.run(["extract", "--rules", directory, Self.article])
            XCTAssertEqual(result.status, 2, name)
            XCTAssertEqual(result.stdout, "", "\(name): nothing is extracted with broken rules")
            XCTAssertTrue(result.stderr.hasSuffix("1 rule error; nothing was checked\n"), name)
            CLI.assertGolden(result.stderr, "Fixtures/errors/\(name).expected")

            // The same rules fail `rules test` and `rules list` the same way.
            for command in [["rules", "test"], ["rules", "list"]] {
                let other = try CLI.run(command + ["--rules", directory])
                XCTAssertEqual(other.status, 2, "\(name): \(command)")
                XCTAssertEqual(other.stderr, result.stderr, "\(name): \(command)")
            }
        }
    }

    func testRuleErrorsPointAtTheProblem() throws {
        func stderr(_ directory: String) throws -> String {
            try CLI.run(["extract", "--rules", "Fixtures/errors/rules/" + directory, Self.article]).stderr
        }
        let file = "Fixtures/errors/rules/%@/petition.yml"
        func location(_ directory: String, _ line: Int, _ column: Int?) -> String {
            String(format: file, directory) + ":\(line)" + (column.map { ":\($0)" } ?? "") + ": error: "
        }
        XCTAssertTrue(try stderr("malformed-yaml").hasPrefix(location("malformed-yaml", 8, 9) + "invalid YAML"))
        XCTAssertTrue(try stderr("unknown-key").hasPrefix(location("unknown-key", 7, 5) + "unknown key 'exmaples'"))
        XCTAssertTrue(try stderr("unknown-key").contains("did you mean 'examples'?"))
        XCTAssertTrue(try stderr("unknown-unit").hasPrefix(location("unknown-unit", 2, 7) + "unknown unit 'furlongs'"))
        XCTAssertTrue(try stderr("missing-group").hasPrefix(location("missing-group", 6, 14) + "rule petition.signed: pattern must capture"))
        // A duplicate names both definitions (line only: the id is the whole item).
        XCTAssertTrue(try stderr("duplicate-id").hasPrefix(location("duplicate-id", 7, nil)
            + "duplicate rule id 'petition.signed' (first defined at " + String(format: file, "duplicate-id") + ":4)"))

        // A pattern that does not compile: rule id, PCRE2 message, offset, and a caret under it.
        let regex = try stderr("bad-regex").components(separatedBy: "\n")
        XCTAssertTrue(regex[0].hasPrefix(location("bad-regex", 6, 14) + "rule petition.signed: pattern does not compile: "), regex[0])
        let offset = try XCTUnwrap(regex[0].range(of: #"at offset (\d+)$"#, options: .regularExpression))
        let number = try XCTUnwrap(Int(regex[0][offset].split(separator: " ").last!))
        XCTAssertEqual(regex[1], "    (?<value>(?&number)\\s+signatures")
        XCTAssertEqual(regex[2], "    " + String(repeating: " ", count: number) + "^")
    }

    func testNoRuleDirectoriesIsOneLineWithoutARuleCount() throws {
        for command in ["check", "extract"] {
            let result = try CLI.run([command, "--no-default-rules", Self.article])
            XCTAssertEqual(result.status, 2, command)
            XCTAssertEqual(result.stderr, "error: --no-default-rules needs at least one --rules DIR\n", command)
        }
    }

    func testMissingInputFile() throws {
        let result = try CLI.run(["extract", "Fixtures/errors/inputs/missing.txt"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "Fixtures/errors/inputs/missing.txt: error: no such file or directory\n")
    }

    func testBinaryFileIsSkipped() throws {
        let result = try CLI.run(["extract", "Fixtures/errors/inputs/binary.txt"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "", "no claims from a binary file")
        XCTAssertEqual(result.stderr, "Fixtures/errors/inputs/binary.txt: error: binary file skipped (it contains NUL bytes)\n")
    }

    func testInvalidUTF8StillYieldsTheValidText() throws {
        let result = try CLI.run(["extract", "--format", "jsonl", "Fixtures/errors/inputs/invalid-utf8.txt"])
        XCTAssertEqual(result.status, 0, "invalid UTF-8 is a warning, not an error")
        XCTAssertEqual(result.stderr, "Fixtures/errors/inputs/invalid-utf8.txt:3:27: warning: invalid UTF-8 (byte offset 114); "
            + "shown as U+FFFD, the text around it is still read\n")
        let claims = CLI.jsonLines(result.stdout)
        XCTAssertEqual(claims.map { $0["quote"] as? String },
                       ["About 4,000 people", "more than 300 supporters", "60 people were arrested"])
        // The claim on the line with the bad bytes keeps its position, counted in characters.
        XCTAssertEqual(claims[1]["line"] as? Int, 3)
        XCTAssertEqual(claims[1]["column"] as? Int, 51)
        XCTAssertEqual(claims.map { $0["kind"] as? String }, ["crowd", "crowd", "casualties"])
    }

    /// One run with a good article, a missing file, a binary file and invalid UTF-8: every
    /// problem is reported, every readable file's claims are still printed, exit code 2.
    func testOtherFilesAreStillProcessed() throws {
        let result = try CLI.run(["extract", "--format", "jsonl",
                                  "Fixtures/errors/inputs/invalid-utf8.txt", "Fixtures/errors/inputs/binary.txt",
                                  "Fixtures/errors/inputs/missing.txt", "Fixtures/extract/dorvan-clashes.txt"])
        XCTAssertEqual(result.status, 2)
        CLI.assertGolden(result.stderr, "Fixtures/errors/inputs-mixed.expected")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let dorvan = try String(contentsOf: CLI.path("Fixtures/extract/dorvan-clashes.jsonl"), encoding: .utf8)
        XCTAssertTrue(result.stdout.hasSuffix(dorvan), "the good article's claims are printed unchanged")
        XCTAssertEqual(lines.filter { $0.contains("\"file\":\"Fixtures/errors/inputs/invalid-utf8.txt\"") }.count, 3)
        XCTAssertFalse(result.stdout.contains("binary.txt"))

        // The text format prints the same claims.
        let text = try CLI.run(["extract", "Fixtures/errors/inputs/missing.txt", Self.article])
        XCTAssertEqual(text.status, 2)
        XCTAssertEqual(text.stdout, try String(contentsOf: CLI.path("Fixtures/extract/valmont-march.text"), encoding: .utf8))
        XCTAssertEqual(text.stderr, "Fixtures/errors/inputs/missing.txt: error: no such file or directory\n")

        // JSON lists the problems in the document too.
        let json = try CLI.run(["extract", "--format", "json", "Fixtures/errors/inputs/missing.txt", Self.article])
        XCTAssertEqual(json.status, 2)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let errors = try XCTUnwrap(root["errors"] as? [[String: Any]])
        XCTAssertEqual(errors.map { $0["file"] as? String }, ["Fixtures/errors/inputs/missing.txt"])
        XCTAssertEqual(errors.first?["severity"] as? String, "error")
        XCTAssertFalse((root["claims"] as? [Any] ?? []).isEmpty)
    }

    func testUsageErrorsExitWithTwo() throws {
        let cases: [([String], String)] = [
            (["extract"], "no input: give files, directories, - for standard input, or --files-from"),
            (["extract", "--date", "2021-13-40", Self.article], "--date must be YYYY-MM-DD, got '2021-13-40'"),
            (["extract", "--format", "xml", Self.article], "'xml' is invalid for '--format <format>'"),
            (["extract", "--no-such-flag", Self.article], "--no-such-flag"),
            (["frobnicate"], "frobnicate"),
        ]
        for (arguments, message) in cases {
            let result = try CLI.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
