import Claims
import Foundation
@testable import Reporters
import Testing

/// The explain view's text and JSON renderings of one small, fully known report.
@Suite struct ExplainReporterTests {
    /// One claim rule and one source rule, loaded from a scratch directory.
    static func report(_ text: String, line: Int? = nil) throws -> ExplainReport {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("explain-reporter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = [
            "lexicon.yml": "lexicon:\n  units:\n    people: {}\n",
            "geese.yml": "kind: geese\nunit: people\nrules:\n  - id: geese.count\n    pattern: '(?<value>\\d+)\\s+geese'\n",
            "source.yml": "context: source\nrules:\n  - id: source.said\n    pattern: '(?<source>(?-i:[A-Z][a-z]+))\\s+said'\n",
        ]
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let (rules, diagnostics) = RuleLoader(directories: [directory.path]).load()
        #expect(diagnostics == [])
        return try Extractor(rules: rules).explain(Document(path: "g.txt", text: text), line: line)
    }

    @Test func textShowsMatchesCapturesAndProvenanceWithControlCharactersEscaped() throws {
        let report = try Self.report("Anna said 4 geese\u{1B}[2J flew.\nNo figure.")
        let expected = #"""
        g.txt: article date none; 1 claim rules

        g.txt:1:1: sentence 1: "Anna said 4 geese\u{1B}[2J flew."
          geese.count: 1 match
            1:11 "4 geese" -> claim 1
              value="4"
          claim 1: geese 4 people "4 geese" (geese.count)
            place: none
            date: none
            group: none
            source: "Anna" (source.said found "Anna" in this sentence)
            voice: anna

        g.txt:2:1: sentence 2: "No figure."
          not searched: no digit, number word or vague quantity

        """#
        #expect(ExplainFormat.text.reporter().render(report) == expected)
    }

    @Test func jsonFollowsTheDocumentedShape() throws {
        let report = try Self.report("Anna said 4 geese flew.")
        let json = ExplainFormat.json.reporter().render(report)
        let claim = JSONContract.claim(report.sentences[0].claims[0].claim).serialized(pretty: false)
        #expect(json.hasPrefix("{\n  \"version\": 1,\n  \"file\": \"g.txt\",\n  \"articleDate\": null,\n  \"line\": null,\n  \"sentences\": ["))
        #expect(json.hasSuffix("  \"errors\": []\n}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let sentence = try #require((object["sentences"] as? [[String: Any]])?.first)
        let match = try #require(((sentence["rules"] as? [[String: Any]])?.first?["matches"] as? [[String: Any]])?.first)
        #expect(match["text"] as? String == "4 geese")
        #expect((match["outcome"] as? [String: Any])?["result"] as? String == "claim")
        #expect((match["outcome"] as? [String: Any])?["claim"] as? Int == 1)
        let explained = try #require((sentence["claims"] as? [[String: Any]])?.first)
        let source = try #require((explained["provenance"] as? [String: Any])?["source"] as? [String: Any])
        #expect(source["from"] as? String == "mention")
        #expect(source["rule"] as? String == "source.said")
        #expect(source["text"] as? String == "Anna")
        #expect(source["sentence"] is NSNull)
        #expect(explained["voice"] as? String == "anna")
        // The embedded claim is exactly the extract contract's object.
        let embedded = try JSONSerialization.data(withJSONObject: try #require(explained["claim"]), options: [.sortedKeys])
        let contract = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(claim.utf8)),
                                                  options: [.sortedKeys])
        #expect(embedded == contract)
    }

    @Test func reasonsRead() {
        #expect(ExplainText.skip(.prefilter(index: 1, count: 2)) == "prefilter 2 of 2 did not match the sentence")
        #expect(ExplainText.overlap(.length(winner: 14, loser: 7)) == "longer match: 14 bytes over 7")
        #expect(ExplainText.overlap(.earlier) == "same priority and length, earlier in the text")
        #expect(ExplainText.referent(.unitMismatch(rule: "distance.value", quote: "5 km", unit: "m", wanted: "people"))
                == "the nearest comparable claim (distance.value \"5 km\") is in m, not people")
        #expect(ExplainText.rejection(.emptyMatch) == "the match is empty")
    }
}
