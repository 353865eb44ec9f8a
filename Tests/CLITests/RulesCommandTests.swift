import Foundation
import XCTest

/// `rules test`, `rules list`, `--help`, and the promise that rules are data: a rule file
/// written at run time changes what `extract` finds, with no rebuild.
final class RulesCommandTests: XCTestCase {
    /// The "N passed, N failed" summary, wherever it sits on the last line.
    static let summary = #"\b(\d+) passed, (\d+) failed\b"#

    /// (passed, failed) from the last line of `rules test`.
    func summary(_ output: String, file: StaticString = #filePath, line: UInt = #line) throws -> (Int, Int) {
        let last = try XCTUnwrap(output.split(separator: "\n").last.map(String.init), file: file, line: line)
        let regex = try NSRegularExpression(pattern: Self.summary)
        let match = try XCTUnwrap(regex.firstMatch(in: last, range: NSRange(last.startIndex..., in: last)),
                                  "unexpected summary: \(last)", file: file, line: line)
        func number(_ index: Int) -> Int { Int((last as NSString).substring(with: match.range(at: index)))! }
        return (number(1), number(2))
    }

    func testShippedRulesPassTheirExamples() throws {
        let result = try CLI.run(["rules", "test"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stderr, "")
        let (passed, failed) = try summary(result.stdout)
        XCTAssertEqual(failed, 0)
        // Every example the first line counts passed: "N examples in R rules from F files".
        let first = try XCTUnwrap(result.stdout.split(separator: "\n").first)
        XCTAssertEqual(first.split(separator: " ").first.flatMap { Int($0) }, passed, String(first))
        XCTAssertTrue(result.stdout.contains("\(passed) passed, 0 failed"))
    }

    func testRulesListNamesEveryRule() throws {
        let result = try CLI.run(["rules", "list"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let ids = Set(rows.compactMap { $0.first.map(String.init) })
        for id in ["crowd.count", "crowd.range", "crowd.crowd-of", "vote_share.of-the-vote", "turnout.was",
                   "distance.from-landmark", "distance.value", "casualties.killed", "casualties.injured",
                   "casualties.detained", "percent.value", "place.in", "date.weekday", "source.according-to"] {
            XCTAssertTrue(ids.contains(id), "rules list lacks \(id)")
        }
        for row in rows {
            XCTAssertGreaterThanOrEqual(row.count, 3, "id, kind and file:line on every row: \(row)")
            XCTAssertTrue(row[1].hasPrefix("claim:") || row[1].hasPrefix("context:"), "\(row)")
            XCTAssertNotNil(row[2].range(of: #"\.ya?ml:\d+$"#, options: .regularExpression), "\(row)")
        }
        XCTAssertTrue(rows.contains { $0[0] == "crowd.count" && $0[1] == "claim:crowd" })
    }

    func testExecutableIsTheOneBuiltWithTheseTests() throws {
        // Not a stale binary from another build directory: it sits beside the test bundle.
        guard ProcessInfo.processInfo.environment["CLAIMCHECK_BINARY"] == nil else { return }
        let executable = try XCTUnwrap(CLI.executable)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: executable.deletingLastPathComponent().path)
        XCTAssertTrue(siblings.contains { $0.hasSuffix(".xctest") }, "\(executable.path) is not beside the test bundle")
    }

    func testHelp() throws {
        let top = try CLI.run(["--help"])
        XCTAssertEqual(top.status, 0)
        for word in ["USAGE", "extract", "check", "rules"] { XCTAssertTrue(top.stdout.contains(word), word) }
        let extract = try CLI.run(["extract", "--help"])
        XCTAssertEqual(extract.status, 0)
        for word in ["--format", "--rules", "--date", "standard input"] { XCTAssertTrue(extract.stdout.contains(word), word) }
        let rules = try CLI.run(["rules", "--help"])
        XCTAssertEqual(rules.status, 0)
        XCTAssertTrue(rules.stdout.contains("test") && rules.stdout.contains("list"))
    }

    // MARK: - New rules without a rebuild

    static let petitionRules = """
    # A claim kind the tool has never heard of: signatures on a petition.
    kind: petition
    unit: people
    priority: 15
    description: How many people signed a petition.
    define:
      signed: 'signatures|signatories|(?:people|residents|citizens)\\s+(?:have\\s+)?signed'
    rules:
      - id: petition.signatures
        description: '"more than 120,000 signatures", "40,000 people have signed".'
        pattern: '(?<![\\d.,])\\b(?:(?<qualifier>(?&qualifier_before))\\s+)?(?<value>(?&vague)|(?&number))\\s+(?:(?&signed))\\b'
        examples:
          match:
            - text: "The petition has gathered more than 120,000 signatures."
              quote: "more than 120,000 signatures"
              low: 120000
              high: null
              lowInclusive: false
              unit: people
            - text: "About 40,000 people have signed, the organisers said."
              low: 40000
              approx: true
              source: the organisers
          no-match:
            - "The petition was delivered on Monday."

    """

    /// A new phrasing for an existing kind: "demonstrators were tallied at approximately 12,000".
    static let talliedRules = """
    kind: crowd
    unit: people
    rules:
      - id: crowd.tallied-at
        description: '"the demonstrators were tallied at about 12,000".'
        pattern: '\\b(?<group>demonstrators|protesters|marchers)\\s+were\\s+tallied\\s+at\\s+(?:(?<qualifier>(?&qualifier_before))\\s+)?(?<value>(?&number))'
        examples:
          match:
            - text: "Demonstrators were tallied at approximately 12,000 in Saint-Aubel."
              low: 12000
              approx: true
              place: Saint-Aubel

    """

    static let article = """
    date 2023-09-10 A petition against the Korlin bypass has gathered more than 120,000 signatures, \
    and about 40,000 residents have signed a second one, the organisers said.

    Demonstrators were tallied at approximately 12,000 in Saint-Aubel on Saturday.

    """

    func testNewRuleFileIsUsedWithoutRebuilding() throws {
        let dir = try CLI.temporaryDirectory(self)
        try Data(Self.petitionRules.utf8).write(to: dir.appendingPathComponent("petition.yml"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("more"), withIntermediateDirectories: true)
        try Data(Self.talliedRules.utf8).write(to: dir.appendingPathComponent("more/crowd-tallied.yaml"))
        let input = Data(Self.article.utf8)

        // The shipped rules know neither phrasing.
        let before = try CLI.run(["extract", "--format", "jsonl", "-"], stdin: input)
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertEqual(CLI.jsonLines(before.stdout).count, 0, before.stdout)

        let after = try CLI.run(["extract", "--format", "jsonl", "--rules", dir.path, "-"], stdin: input)
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertEqual(after.stderr, "")
        let claims = CLI.jsonLines(after.stdout)
        XCTAssertEqual(claims.map { $0["rule"] as? String },
                       ["petition.signatures", "petition.signatures", "crowd.tallied-at"])
        XCTAssertEqual(claims.map { $0["kind"] as? String }, ["petition", "petition", "crowd"])
        XCTAssertEqual(claims.map { $0["quote"] as? String },
                       ["more than 120,000 signatures", "about 40,000 residents have signed",
                        "Demonstrators were tallied at approximately 12,000"])
        XCTAssertEqual(claims[0][path: "value.low"] as? Int, 120_000)
        XCTAssertTrue(claims[0][path: "value.high"] is NSNull)
        XCTAssertEqual(claims[0][path: "value.lowInclusive"] as? Bool, false)
        XCTAssertEqual(claims[1][path: "value.approx"] as? Bool, true)
        XCTAssertEqual(claims[1]["source"] as? String, "the organisers")
        XCTAssertEqual(claims.map { $0["unit"] as? String }, ["people", "people", "people"])
        // Shipped context rules serve the new rules: place and date from the sentence.
        XCTAssertEqual(claims[2][path: "context.place"] as? String, "Saint-Aubel")
        XCTAssertEqual(claims[2][path: "context.date"] as? String, "2023-09-09")

        // `rules list` and `rules test` pick the file up too, and run its examples.
        let list = try CLI.run(["rules", "list", "--rules", dir.path])
        XCTAssertTrue(list.stdout.contains("petition.signatures\tclaim:petition\t"), list.stdout)
        XCTAssertTrue(list.stdout.contains("crowd.tallied-at\tclaim:crowd\t"), list.stdout)

        let shipped = try summary(try CLI.run(["rules", "test"]).stdout)
        let test = try CLI.run(["rules", "test", "--rules", dir.path])
        XCTAssertEqual(test.status, 0, test.stdout + test.stderr)
        let (passed, failed) = try summary(test.stdout)
        XCTAssertEqual(failed, 0)
        XCTAssertEqual(passed, shipped.0 + 4, "the three petition examples and the crowd.tallied-at example ran")

        // Only the new rules: --no-default-rules still needs a lexicon, so this must fail cleanly.
        let alone = try CLI.run(["extract", "--no-default-rules", "--rules", dir.path, "-"], stdin: input)
        XCTAssertEqual(alone.status, 2)
        XCTAssertTrue(alone.stderr.contains("nothing was checked"), alone.stderr)
    }

    // MARK: - rules show

    static let showRules = """
    kind: petition
    unit: people
    define:
      signed: 'signatures|signatories|(?:people|residents|citizens)\\s+(?:have\\s+)?signed'
    rules:
      - id: petition.signatures
        description: '"120,000 signatures".'
        prefilter: '\\bsign'
        pattern: '(?<value>\\d+)\\s+(?&signed)\\b'
        examples:
          match: ["120 signatures"]
      - id: petition.ahead
        description: A word only in a lookahead is not required.
        pattern: '(?<value>\\d+)(?=\\s+signatures)'
        examples:
          match: ["120 signatures"]
    """

    func testRulesShowPrintsWhatARuleCompilesTo() throws {
        let dir = try CLI.temporaryDirectory(self)
        try Data(Self.showRules.utf8).write(to: dir.appendingPathComponent("petition.yml"))
        let result = try CLI.run(["rules", "show", "petition.signatures", "petition.ahead", "--rules", dir.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let lines = result.stdout.replacingOccurrences(of: dir.path, with: "DIR").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines, [
            "petition.signatures  claim rule, kind petition, unit people, priority 0",
            "  DIR/petition.yml:6",
            "  \"120,000 signatures\".",
            #"  pattern: (?<value>\d+)\s+(?&signed)\b"#,
            "    starts with: [0-9]",
            "    tried where it begins: [0123456789]…",
            "    words: signed, signatures, signatories",
            #"  prefilter: \bsign"#,
            #"    starts with: [Ss\x{140}-\x{17f}]"#, // caseless s also matches U+017F LONG S
            "    words: sign",
            "",
            "petition.ahead  claim rule, kind petition, unit people, priority 0",
            "  DIR/petition.yml:12",
            "  A word only in a lookahead is not required.",
            #"  pattern: (?<value>\d+)(?=\s+signatures)"#,
            "    starts with: [0-9]",
            "    tried where it begins: [0123456789]…",
            "    words: \\d",
            "",
        ])
    }

    func testRulesShowNamesAnUnknownIdWithASuggestion() throws {
        let result = try CLI.run(["rules", "show", "crowd.cout"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "claimcheck: no rule 'crowd.cout' (did you mean 'crowd.count'?); `claimcheck rules list` lists them\n")
    }

    func testAFailingExampleInANewFileFailsRulesTest() throws {
        let dir = try CLI.temporaryDirectory(self)
        let wrong = Self.petitionRules.replacingOccurrences(of: "low: 120000", with: "low: 99999")
        let path = dir.appendingPathComponent("petition.yml")
        try Data(wrong.utf8).write(to: path)
        let result = try CLI.run(["rules", "test", "--rules", dir.path])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        let (_, failed) = try summary(result.stdout)
        XCTAssertEqual(failed, 1)
        let failure = try XCTUnwrap(result.stdout.split(separator: "\n").first.map(String.init))
        XCTAssertTrue(failure.hasPrefix(path.path + ":"), failure)
        XCTAssertTrue(failure.contains("petition.signatures"), failure)
        XCTAssertTrue(failure.contains("99999"), failure)
    }

    func testARuleFileOverridesAShippedRuleById() throws {
        // Replacing crowd.count with a rule that only knows "marchers" removes the other crowds.
        let dir = try CLI.temporaryDirectory(self)
        let override = """
        kind: crowd
        unit: people
        rules:
          - id: crowd.count
            description: Only marchers.
            pattern: '(?<value>(?&number))\\s+marchers'

        """
        try Data(override.utf8).write(to: dir.appendingPathComponent("crowd.yml"))
        let input = Data("date 2023-09-10 About 3,000 people and 500 marchers gathered in Korlin.\n".utf8)
        let shipped = CLI.jsonLines(try CLI.run(["extract", "--format", "jsonl", "-"], stdin: input).stdout)
        XCTAssertEqual(shipped.map { $0["quote"] as? String }, ["About 3,000 people", "500 marchers"])
        let result = try CLI.run(["extract", "--format", "jsonl", "--rules", dir.path, "-"], stdin: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(CLI.jsonLines(result.stdout).map { $0["quote"] as? String }, ["500 marchers"])
    }
}
