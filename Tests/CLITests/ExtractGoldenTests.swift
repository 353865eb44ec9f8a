import Foundation
import XCTest

/// `claimcheck extract` on the fixture articles must reproduce the reviewed goldens byte for
/// byte. See CLIHarness.swift for how to regenerate them (CLAIMCHECK_UPDATE_GOLDENS=1).
final class ExtractGoldenTests: XCTestCase {
    /// Every article in Fixtures/extract, as package-relative paths in name order.
    static func articles() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: CLI.path("Fixtures/extract").path)
        return names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted().map { "Fixtures/extract/" + $0 }
    }

    static func golden(for article: String, extension ext: String) -> String {
        (article as NSString).deletingPathExtension + "." + ext
    }

    func testFixtureSetIsComplete() throws {
        let articles = try Self.articles()
        XCTAssertGreaterThanOrEqual(articles.count, 4)
        XCTAssertTrue(articles.contains { $0.hasSuffix(".md") }, "one fixture must be Markdown")
        for article in articles {
            let text = try String(contentsOf: CLI.path(article), encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("date "), "\(article) must start with a date prefix")
        }
    }

    func testJSONGoldens() throws {
        for article in try Self.articles() {
            let result = try CLI.run(["extract", "--format", "json", article])
            XCTAssertEqual(result.status, 0, "\(article): \(result.stderr)")
            XCTAssertEqual(result.stderr, "", article)
            CLI.assertGolden(result.stdout, Self.golden(for: article, extension: "json"))
        }
    }

    func testEveryGoldenClaimComesFromItsArticle() throws {
        // Guards the goldens themselves: a claim's quote must be the text at its offsets.
        for article in try Self.articles() {
            let bytes = try Data(contentsOf: CLI.path(article))
            let golden = try Data(contentsOf: CLI.path(Self.golden(for: article, extension: "json")))
            let root = try XCTUnwrap(JSONSerialization.jsonObject(with: golden) as? [String: Any])
            let claims = try XCTUnwrap(root["claims"] as? [[String: Any]])
            XCTAssertFalse(claims.isEmpty, article)
            XCTAssertEqual((root["errors"] as? [Any])?.count, 0, article)
            for claim in claims {
                let start = try XCTUnwrap(claim["start"] as? Int)
                let end = try XCTUnwrap(claim["end"] as? Int)
                XCTAssertEqual(String(decoding: bytes[start..<end], as: UTF8.self), claim["quote"] as? String, article)
                XCTAssertEqual(claim["file"] as? String, article)
            }
        }
    }

    func testTextGolden() throws {
        let article = "Fixtures/extract/valmont-march.txt"
        let result = try CLI.run(["extract", "--format", "text", article])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        CLI.assertGolden(result.stdout, Self.golden(for: article, extension: "text"))
        // Text is the default format.
        XCTAssertEqual(try CLI.run(["extract", article]).stdout, result.stdout)
    }

    func testJSONLinesGolden() throws {
        let article = "Fixtures/extract/dorvan-clashes.txt"
        let result = try CLI.run(["extract", "--format", "jsonl", article])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        CLI.assertGolden(result.stdout, Self.golden(for: article, extension: "jsonl"))
        // One line per claim, the same claims as the JSON document.
        let golden = try Data(contentsOf: CLI.path(Self.golden(for: article, extension: "json")))
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: golden) as? [String: Any])
        let claims = try XCTUnwrap(document["claims"] as? [[String: Any]])
        let lines = CLI.jsonLines(result.stdout)
        XCTAssertEqual(lines.count, claims.count)
        XCTAssertEqual(lines.map { $0["quote"] as? String }, claims.map { $0["quote"] as? String })
    }

    func testStandardInput() throws {
        let article = "Fixtures/extract/valmont-march.txt"
        let input = try Data(contentsOf: CLI.path(article))
        let result = try CLI.run(["extract", "--format", "json", "-"], stdin: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let golden = try String(contentsOf: CLI.path(Self.golden(for: article, extension: "json")), encoding: .utf8)
        XCTAssertEqual(result.stdout, golden.replacingOccurrences(of: "\"file\": \"\(article)\"", with: "\"file\": \"<stdin>\""))
        XCTAssertTrue(result.stdout.contains("\"file\": \"<stdin>\""))

        // `-` mixes with files, in argument order.
        let mixed = try CLI.run(["extract", "--format", "jsonl", "Fixtures/extract/dorvan-clashes.txt", "-"], stdin: input)
        XCTAssertEqual(mixed.status, 0, mixed.stderr)
        let files = CLI.jsonLines(mixed.stdout).compactMap { $0["file"] as? String }
        XCTAssertEqual(Array(Set(files)).sorted(), ["<stdin>", "Fixtures/extract/dorvan-clashes.txt"])
        XCTAssertEqual(files.first, "Fixtures/extract/dorvan-clashes.txt")
        XCTAssertEqual(files.last, "<stdin>")
    }

    func testDirectoriesAreWalkedForTextAndMarkdownOnly() throws {
        let dir = try CLI.temporaryDirectory(self)
        let sub = dir.appendingPathComponent("nested/deeper")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        func write(_ name: String, _ count: Int, in folder: URL = dir) throws {
            let text = "date 2022-05-01 About \(count) people marched in Korlin on Saturday.\n"
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        try write("b.txt", 1_001)
        try write("a.md", 1_002)
        try write("c.TXT", 1_003)
        try write("notes.json", 1_004)
        try write("readme.markdown", 1_005)
        try write("data.csv", 1_006)
        try write("article.txt.bak", 1_007)
        try write("z.txt", 1_008, in: sub)

        let result = try CLI.run(["extract", "--format", "jsonl", dir.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let claims = CLI.jsonLines(result.stdout)
        let seen = claims.compactMap { ($0[path: "value.low"] as? NSNumber)?.intValue }
        XCTAssertEqual(Set(seen), [1_001, 1_002, 1_003, 1_005, 1_008], "only .txt, .md and .markdown files (any case) are read")
        let files = claims.compactMap { ($0["file"] as? String).map { ($0 as NSString).lastPathComponent } }
        XCTAssertEqual(files, files.sorted { a, b in
            // Path order: a.md, b.txt, c.TXT, nested/deeper/z.txt, readme.markdown.
            let order = ["a.md", "b.txt", "c.TXT", "z.txt", "readme.markdown"]
            return (order.firstIndex(of: a) ?? 9) < (order.firstIndex(of: b) ?? 9)
        })

        // A directory with nothing to read is a warning; with --allow-empty not an error
        // (without it, reading no article at all is: InputRegressionTests).
        let empty = try CLI.temporaryDirectory(self)
        try Data("x".utf8).write(to: empty.appendingPathComponent("notes.json"))
        let none = try CLI.run(["extract", "--allow-empty", empty.path])
        XCTAssertEqual(none.status, 0)
        XCTAssertEqual(none.stdout, "")
        XCTAssertEqual(none.stderr, "\(empty.path): warning: no article files in this directory (looked for .markdown, .md, .txt)\n")
    }

    func testDateOptionOverridesThePrefix() throws {
        let input = Data("date 2020-01-05 About 3,000 people marched in Korlin. Police said 40 people were arrested on Friday.\n".utf8)
        let plain = CLI.jsonLines(try CLI.run(["extract", "--format", "jsonl", "-"], stdin: input).stdout)
        XCTAssertEqual(plain.map { $0[path: "context.date"] as? String }, ["2020-01-05", "2020-01-03"])

        let overridden = try CLI.run(["extract", "--format", "jsonl", "--date", "2021-06-01", "-"], stdin: input)
        XCTAssertEqual(overridden.status, 0, overridden.stderr)
        // No date in the sentence: the --date value; "Friday": the Friday on or before it.
        XCTAssertEqual(CLI.jsonLines(overridden.stdout).map { $0[path: "context.date"] as? String },
                       ["2021-06-01", "2021-05-28"])

        // A fixture article: "on Saturday" resolves against --date, not the 2021-03-14 prefix.
        let article = try CLI.run(["extract", "--format", "jsonl", "--date", "2021-03-21", "Fixtures/extract/valmont-march.txt"])
        XCTAssertEqual(CLI.jsonLines(article.stdout).first?[path: "context.date"] as? String, "2021-03-20")
    }
}
