import Foundation
import XCTest

/// `claimcheck explain FILE[:LINE]`: the rule author's view of one article.
final class ExplainCommandTests: XCTestCase {
    static let rules: [String: String] = [
        "lexicon.yml": """
            lexicon:
              numbers: {two: 2}
              units:
                m: {m: 1, km: 1000}
                percent: {"%": 1}
                people: {}
              weekdays: [monday, tuesday, wednesday, thursday, friday, saturday, sunday]

            """,
        "birds.yml": """
            kind: birds
            unit: people
            priority: 10
            rules:
              - id: birds.geese
                pattern: '(?<value>\\w+)\\s+geese'
                requires: '\\bsaw\\b'
              - id: birds.flock
                priority: 5
                pattern: 'flock\\s+of\\s+(?<value>\\d+)\\s+geese'
              - id: birds.counted
                refers-back: true
                pattern: 'counted\\s+(?<value>\\d+)'

            """,
        "share.yml": """
            kind: share
            unit: percent
            prefilter: '%'
            rules:
              - id: share.pct
                pattern: '(?<value>\\d+)%'

            """,
        "walk.yml": """
            kind: walk
            rules:
              - id: walk.dist
                pattern: 'walked\\s+(?<value>\\d+)\\s*(?<unit>[a-z]+)'

            """,
        "context/place.yml": """
            context: place
            rules:
              - id: place.in
                pattern: '\\bin\\s+(?<place>(?-i:[A-Z][a-z]+))'

            """,
        "context/date.yml": """
            context: date
            rules:
              - id: date.weekday
                pattern: '\\bon\\s+(?<date>(?&weekday))'

            """,
        "context/source.yml": """
            context: source
            rules:
              - id: source.said
                pattern: '(?<source>(?-i:[A-Z][a-z]+))\\s+said'

            """,
    ]

    static let article = """
        date 2021-03-08
        We saw 40 geese in Dunmore on Saturday. Anna said she saw a flock of 300 geese.
        He walked 5 furlongs.

        """

    /// A directory holding the rules above (`rules/`) and the article (`a.txt`).
    private func workspace() throws -> URL {
        let directory = try CLI.temporaryDirectory(self)
        for (name, text) in Self.rules {
            let url = directory.appendingPathComponent("rules/" + name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try Self.article.write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        return directory
    }

    /// Runs `explain` with only the rules above; paths under the workspace are shown relative.
    private func explain(_ arguments: [String], in directory: URL, stdin: Data? = nil) throws -> CLI.Result {
        var result = try CLI.run(["explain", "--no-default-rules", "--rules", directory.appendingPathComponent("rules").path]
                                 + arguments, stdin: stdin)
        result.stdout = result.stdout.replacingOccurrences(of: directory.path + "/", with: "")
        result.stderr = result.stderr.replacingOccurrences(of: directory.path + "/", with: "")
        return result
    }

    func testAFileIsExplainedSentenceBySentence() throws {
        let directory = try workspace()
        let result = try explain([directory.appendingPathComponent("a.txt").path], in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, """
            a.txt: article date 2021-03-08; 5 claim rules

            a.txt:2:1: sentence 1: "We saw 40 geese in Dunmore on Saturday."
              birds.geese: 1 match
                2:8 "40 geese" -> claim 1
                  value="40"
              4 rules skipped by sentence tests (--all lists them)
              claim 1: birds 40 people "40 geese" (birds.geese)
                place: "Dunmore" (place.in found "Dunmore" in this sentence)
                date: "2021-03-06" (date.weekday found "Saturday" in this sentence)
                group: none
                source: none
                voice: (the writer's own)

            a.txt:2:41: sentence 2: "Anna said she saw a flock of 300 geese."
              birds.geese: 1 match
                2:70 "300 geese" -> claim 2
                  value="300"
              birds.flock: 1 match
                2:61 "flock of 300 geese" -> lost the overlap to birds.geese "300 geese" at 2:70 (higher priority: 10 over 5)
                  value="300"
              3 rules skipped by sentence tests (--all lists them)
              claim 2: birds 300 people "300 geese" (birds.geese)
                place: "Dunmore" (inherited from sentence 1 on line 2: place.in found "Dunmore")
                date: "2021-03-06" (inherited from sentence 1 on line 2: date.weekday found "Saturday")
                group: none
                source: "Anna" (source.said found "Anna" in this sentence)
                voice: anna

            a.txt:3:1: sentence 3: "He walked 5 furlongs."
              walk.dist: 1 match
                3:4 "walked 5 furlongs" -> rejected: unit "furlongs" is not in the lexicon
                  value="5" unit="furlongs"
              4 rules skipped by sentence tests (--all lists them)

            """)
    }

    func testALineShowsOnlyItsSentencesAndAllListsSkippedRules() throws {
        let directory = try workspace()
        let result = try explain([directory.appendingPathComponent("a.txt").path + ":3", "--all", "--date", "2021-03-10"],
                                 in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            a.txt: article date 2021-03-10; 5 claim rules

            a.txt:3:1: sentence 3: "He walked 5 furlongs."
              birds.geese: skipped: requires did not match the sentence
              birds.flock: skipped: none of the words every match needs is in the sentence (claimcheck rules show lists them)
              birds.counted (refers back): skipped: none of the words every match needs is in the sentence (claimcheck rules show lists them)
              share.pct: skipped: prefilter did not match the sentence
              walk.dist: 1 match
                3:4 "walked 5 furlongs" -> rejected: unit "furlongs" is not in the lexicon
                  value="5" unit="furlongs"

            """)
    }

    func testStandardInput() throws {
        let directory = try workspace()
        let result = try explain(["-"], in: directory, stdin: Data("Officials counted 9. No figures here.\n".utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            <stdin>: article date none; 5 claim rules

            <stdin>:1:1: sentence 1: "Officials counted 9."
              birds.counted (refers back): 1 match
                1:11 "counted 9" -> dropped: it refers back, but no comparable claim comes before it
                  value="9"
              4 rules skipped by sentence tests (--all lists them)

            <stdin>:1:22: sentence 2: "No figures here."
              not searched: no digit, number word or vague quantity

            """)
        // "-:1" looks like an option to the argument parser: it goes after "--".
        let line = try explain(["--format", "json", "--", "-:1"], in: directory, stdin: Data("Officials counted 9.\n".utf8))
        XCTAssertEqual(line.status, 0, line.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["file"] as? String, "<stdin>")
        XCTAssertEqual(object["line"] as? Int, 1)
    }

    func testJSONIsAStableDocument() throws {
        let directory = try workspace()
        let result = try explain([directory.appendingPathComponent("a.txt").path + ":2", "--format", "json"], in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object.keys.sorted(), ["articleDate", "errors", "file", "line", "sentences", "version"])
        XCTAssertEqual(object["version"] as? Int, 1)
        XCTAssertEqual(object["file"] as? String, "a.txt")
        XCTAssertEqual(object["articleDate"] as? String, "2021-03-08")
        XCTAssertEqual(object["line"] as? Int, 2)
        XCTAssertEqual((object["errors"] as? [Any])?.count, 0)
        let sentences = try XCTUnwrap(object["sentences"] as? [[String: Any]])
        XCTAssertEqual(sentences.map { $0["number"] as? Int }, [1, 2])
        let second = sentences[1]
        XCTAssertEqual(second["text"] as? String, "Anna said she saw a flock of 300 geese.")
        XCTAssertEqual(second["status"] as? String, "searched")
        XCTAssertEqual([second["line"], second["column"], second["endLine"], second["start"], second["end"]].map { $0 as? Int },
                       [2, 41, 2, 56, 95])
        // Without --all only the rules whose sentence tests passed and whose words are in the sentence.
        let rules = try XCTUnwrap(second["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.map { $0["rule"] as? String }, ["birds.geese", "birds.flock"])
        let flock = try XCTUnwrap(rules[1]["matches"] as? [[String: Any]])
        XCTAssertEqual(flock.count, 1)
        XCTAssertEqual(flock[0]["text"] as? String, "flock of 300 geese")
        XCTAssertEqual(flock[0][path: "outcome.result"] as? String, "lost-overlap")
        XCTAssertEqual(flock[0][path: "outcome.winner"] as? String, "birds.geese")
        XCTAssertEqual(flock[0][path: "outcome.reason"] as? String, "higher priority: 10 over 5")
        let captures = try XCTUnwrap(flock[0]["captures"] as? [[String: String]])
        XCTAssertEqual(captures, [["name": "value", "text": "300"]])

        let claims = try XCTUnwrap(second["claims"] as? [[String: Any]])
        XCTAssertEqual(claims.count, 1)
        let claim = claims[0]
        XCTAssertEqual(claim["number"] as? Int, 2)
        XCTAssertEqual(claim["voice"] as? String, "anna")
        XCTAssertEqual(claim[path: "claim.quote"] as? String, "300 geese")
        XCTAssertEqual(claim[path: "claim.context.place"] as? String, "Dunmore")
        XCTAssertEqual(claim[path: "provenance.place.from"] as? String, "inherited")
        XCTAssertEqual(claim[path: "provenance.place.sentence"] as? Int, 1)
        XCTAssertEqual(claim[path: "provenance.place.rule"] as? String, "place.in")
        XCTAssertEqual(claim[path: "provenance.source.from"] as? String, "mention")
        XCTAssertEqual(claim[path: "provenance.source.text"] as? String, "Anna")
        XCTAssertEqual(claim[path: "provenance.group.from"] as? String, "none")
        XCTAssertTrue(claim["referent"] is NSNull)

        let all = try explain([directory.appendingPathComponent("a.txt").path + ":2", "--format", "json", "--all"], in: directory)
        let allObject = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])
        let allRules = try XCTUnwrap((allObject["sentences"] as? [[String: Any]])?.first?["rules"] as? [[String: Any]])
        XCTAssertEqual(allRules.map { $0["rule"] as? String }, ["birds.geese", "birds.flock", "birds.counted", "share.pct", "walk.dist"])
        XCTAssertEqual(allRules[3]["skipped"] as? String, "prefilter did not match the sentence")
    }

    func testShippedRulesNameTheReferentAndTheVoices() throws {
        let directory = try CLI.temporaryDirectory(self)
        let file = directory.appendingPathComponent("valmont.txt")
        try "Organisers said 40,000 people joined the march in Valmont on Saturday. Police put the figure at 8,000.\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["explain", file.path, "--date", "2021-03-08"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for expected in [
            "1:17 \"40,000 people\" -> claim 1",
            "claim 1: crowd 40000 people \"40,000 people\" (crowd.count)",
            "voice: organisers",
            "claim 2: crowd 8000 people \"put the figure at 8,000\" (figure.put-at)",
            "refers back to claim 1: crowd.count \"40,000 people\"",
            "place: \"Valmont\" (inherited from sentence 1 on line 1: place.in found \"Valmont\")",
            "voice: police",
        ] {
            XCTAssertTrue(lines.contains(expected), "missing line: \(expected)\n\(result.stdout)")
        }
    }

    func testBadInputNamesTheFileAndExitsTwo() throws {
        let directory = try workspace()
        let file = directory.appendingPathComponent("a.txt").path
        let cases: [([String], String)] = [
            ([directory.appendingPathComponent("missing.txt").path], "missing.txt: error: no such file\n"),
            ([directory.appendingPathComponent("missing.txt").path + ":4"], "missing.txt: error: no such file\n"),
            ([file + ":x"], "a.txt: error: 'x' is not a line number (expected FILE:LINE with LINE from 1)\n"),
            ([file + ":0"], "a.txt: error: line numbers start at 1, got 0\n"),
            ([file + ":9"], "a.txt: error: line 9 is past the end of the file (3 lines)\n"),
            ([file + ":1"], "a.txt:1: error: no sentence on this line (it is blank or only a date prefix)\n"),
            ([directory.path], "error: is a directory, not an article\n"),
        ]
        for (arguments, message) in cases {
            let result = try explain(arguments, in: directory)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
            XCTAssertEqual(result.stderr, message.hasPrefix("error:") ? directory.path + ": " + message : message, "\(arguments)")
        }
        let badDate = try explain([file, "--date", "2021-3-1"], in: directory)
        XCTAssertEqual(badDate.status, 2)
        XCTAssertTrue(badDate.stderr.hasPrefix("Error: --date must be YYYY-MM-DD, got '2021-3-1'\n"), badDate.stderr)
        let none = try CLI.run(["explain"])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("Missing expected argument"), none.stderr)
    }

    func testHelpListsExplain() throws {
        let top = try CLI.run(["--help"])
        XCTAssertTrue(top.stdout.contains("explain"), top.stdout)
        let help = try CLI.run(["explain", "--help"])
        XCTAssertEqual(help.status, 0)
        for option in ["--format", "--all", "--date", "--rules", "--no-default-rules", "<file[:line]>"] {
            XCTAssertTrue(help.stdout.contains(option), option)
        }
    }
}
