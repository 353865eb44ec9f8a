import ClaimStore
import ClaimStorePostgres
import Foundation
import XCTest

/// `ingest`, `claims` and `check --db` end to end, and the store's reliability under two
/// writers and a killed ingest.
///
/// Fixtures/store/march-report.md reports a march in Corvale (organisers: about 100,000);
/// march-followup.md, written three days later, quotes police saying 30,000 about the same
/// march. Checked against a store holding only the first, the second conflicts with it.
final class StoreCommandTests: XCTestCase {
    static let report = "Fixtures/store/march-report.md"
    static let followup = "Fixtures/store/march-followup.md"

    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testCheckAgainstHistoryCitesTheStoredArticle() throws {
        let db = try scratch().appendingPathComponent("claims.sqlite").path
        let ingest = try CLI.run(["ingest", Self.report, "--db", db])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        XCTAssertEqual(ingest.stderr, "ingested 1 new, 0 changed, 0 unchanged articles (1 claims extracted); \(db) holds 1 articles, 1 claims\n")

        for (format, ext) in CheckGoldenTests.formats.sorted(by: { $0.key < $1.key }) where format != "github" {
            let result = try CLI.run(["check", "--db", db, Self.followup, "--format", format])
            XCTAssertEqual(result.status, 1, "\(format): \(result.stderr)")
            XCTAssertEqual(result.stderr, "", format)
            let output = format == "sarif" ? try CheckGoldenTests.portableSARIF(result.stdout) : result.stdout
            CLI.assertGolden(output, "Fixtures/store/golden/history.\(ext)")
        }

        let json = try JSONSerialization.jsonObject(with: Data(try CLI.run(["check", "--db", db, Self.followup, "--format", "json"]).stdout.utf8)) as? [String: Any]
        let findings = json?["findings"] as? [[String: Any]] ?? []
        XCTAssertEqual(findings.count, 1)
        let cited = (findings.first?["claims"] as? [[String: Any]] ?? []).map { claim in
            "\(claim["file"] ?? "") \(claim["line"] ?? "") \(claim["quote"] ?? "") \((claim["context"] as? [String: Any])?["date"] ?? "")"
        }
        XCTAssertEqual(cited, ["Fixtures/store/march-followup.md 5 30,000 people 2026-03-14",
                               "Fixtures/store/march-report.md 5 About 100,000 people 2026-03-14"])

        // Without the store the follow-up alone has nothing to contradict.
        XCTAssertEqual(try CLI.run(["check", Self.followup]).status, 0)
    }

    func testRecordThenCheckingTheSameArticleAgainIsQuiet() throws {
        let db = try scratch().appendingPathComponent("claims.sqlite").path
        let first = try CLI.run(["check", "--db", db, "--record", Self.report])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stderr, "recorded 1 article in \(db)\n")
        // The article's own stored record is not history to itself.
        XCTAssertEqual(try CLI.run(["check", "--db", db, Self.report]).status, 0)
        let listed = try CLI.run(["claims", "--db", db, "--place", "corvale", "--format", "csv"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertEqual(listed.stdout, """
            path,line,column,article_date,title,kind,low,high,approx,unit,place,date,group,source,voice,quote\r
            Fixtures/store/march-report.md,5,1,2026-03-14,Thousands march through Corvale,crowd,100000,100000,true,people,Corvale,2026-03-14,,organisers,organisers,"About 100,000 people"\r

            """)
        XCTAssertEqual(try CLI.run(["claims", "--db", db, "--kind", "casualties"]).stdout, "")
    }

    func testRecordNeedsAStore() throws {
        let result = try CLI.run(["check", "--record", Self.report])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "error: --record needs a claims store: --db or db: in .claimcheck.yml\n")
    }

    func testBrokenStoresExitTwoAndStayUntouched() throws {
        let directory = try scratch()
        let corrupt = directory.appendingPathComponent("corrupt.sqlite").path
        let bytes = Data(repeating: 0x42, count: 2048)
        FileManager.default.createFile(atPath: corrupt, contents: bytes)
        for arguments in [["ingest", Self.report], ["check", Self.report], ["claims"]] {
            let result = try CLI.run(arguments + ["--db", corrupt])
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertEqual(result.stderr, "\(corrupt): error: not a claims store: the file is not a SQLite database or is corrupt (file is not a database)\n")
            XCTAssertEqual(result.stdout, "")
        }
        XCTAssertEqual(FileManager.default.contents(atPath: corrupt), bytes)
        let missing = directory.appendingPathComponent("none.sqlite").path
        XCTAssertEqual(try CLI.run(["claims", "--db", missing]).stderr, "\(missing): error: no claims store here (ingest creates one)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
    }

    /// Articles with one claim each, in `directory/name/`.
    func articles(_ count: Int, _ name: String, in directory: URL, offset: Int = 0) throws -> URL {
        let folder = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<count {
            let text = "date 2026-03-14\n\nPolice said \(1000 + offset + index) people marched in Town\(offset + index) on Saturday.\n"
            try text.write(to: folder.appendingPathComponent("a\(index).md"), atomically: false, encoding: .utf8)
        }
        return folder
    }

    /// Starts `claimcheck arguments…`; its standard error goes to `errors` (a file in
    /// `directory`) when given, so a failure can say why.
    func launch(_ arguments: [String], in directory: URL, errors: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        if let errors {
            let url = directory.appendingPathComponent(errors)
            FileManager.default.createFile(atPath: url.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: url)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    func testTwoConcurrentIngestsLoseNothing() throws {
        let directory = try scratch()
        let db = directory.appendingPathComponent("claims.sqlite").path
        try concurrentIngests(db: db, in: directory)
        XCTAssertEqual(try SQLiteStore(path: db).integrity(), "ok")
    }

    /// The same against PostgreSQL (skipped without CLAIMCHECK_TEST_POSTGRES_URL), in a schema of its own.
    func testTwoConcurrentIngestsLoseNothingOnPostgreSQL() throws {
        guard let url = ProcessInfo.processInfo.environment["CLAIMCHECK_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw XCTSkip("PostgreSQL store tests skipped: CLAIMCHECK_TEST_POSTGRES_URL is not set (.ci/run starts a throwaway server and sets it)")
        }
        let schema = "claimcheck_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresStore.administer(url: url, ["CREATE SCHEMA \(schema)"])
        addTeardownBlock { try? PostgresStore.administer(url: url, ["DROP SCHEMA \(schema) CASCADE"]) }
        try concurrentIngests(db: url + (url.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)", in: try scratch())
    }

    func testUnreachablePostgreSQLExitsTwo() throws {
        let result = try CLI.run(["check", "--db", "postgres://ci:sekret@127.0.0.1:1/claims", Self.report])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("postgres://ci@127.0.0.1:1/claims: error: cannot connect to the claims store: connection to server at \"127.0.0.1\", port 1 failed: Connection refused"), result.stderr)
        XCTAssertFalse(result.stderr.contains("sekret"))
        XCTAssertEqual(result.stdout, "")
    }

    /// Two processes ingest 400 files each, 100 of them the same, into one store at once.
    func concurrentIngests(db: String, in directory: URL) throws {
        _ = try articles(300, "one", in: directory)
        _ = try articles(300, "two", in: directory, offset: 300)
        _ = try articles(100, "both", in: directory, offset: 600)
        let first = try launch(["ingest", "one", "both", "--db", db, "--jobs", "1"], in: directory, errors: "first.err")
        let second = try launch(["ingest", "two", "both", "--db", db, "--jobs", "1"], in: directory, errors: "second.err")
        first.waitUntilExit()
        second.waitUntilExit()
        let said = ["first.err", "second.err"].map { (try? String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) ?? "" }
        XCTAssertEqual([first.terminationStatus, second.terminationStatus], [0, 0], said.joined(separator: "\n"))
        let listed = try CLI.run(["claims", "--db", db, "--format", "csv"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let rows = listed.stdout.split(separator: "\r\n").dropFirst()
        XCTAssertEqual(rows.count, 700)
        XCTAssertEqual(Set(rows.map { $0.split(separator: ",")[0] }).count, 700, "one claim for each of 700 articles")
    }

    func testKilledIngestLeavesAConsistentStoreAndARerunCompletes() throws {
        let directory = try scratch()
        let db = directory.appendingPathComponent("claims.sqlite").path
        _ = try articles(1500, "news", in: directory)
        let ingest = try launch(["ingest", "news", "--db", db, "--jobs", "1"], in: directory)
        // Kill once at least one chunk is committed, well before the end.
        let deadline = Date().addingTimeInterval(60)
        var committed = 0
        while Date() < deadline, ingest.isRunning {
            if FileManager.default.fileExists(atPath: db), let store = try? SQLiteStore(path: db) {
                committed = (try? store.counts().articles) ?? 0
                if committed > 0 { break }
            }
            usleep(20_000)
        }
        XCTAssertTrue(ingest.isRunning, "the ingest finished before it could be killed")
        kill(ingest.processIdentifier, SIGKILL)
        ingest.waitUntilExit()
        XCTAssertEqual(ingest.terminationReason, .uncaughtSignal)

        let store = try SQLiteStore(path: db)
        XCTAssertEqual(try store.integrity(), "ok")
        let partial = try store.counts()
        XCTAssertEqual(partial.articles, partial.claims, "every recorded article has its one claim")
        XCTAssertTrue(partial.articles > 0 && partial.articles < 1500, "\(partial.articles) articles after the kill")

        let rerun = try CLI.run(["ingest", "news", "--db", db], directory: directory)
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertTrue(rerun.stderr.hasPrefix("ingested \(1500 - partial.articles) new, 0 changed, \(partial.articles) unchanged articles"), rerun.stderr)
        let counts = try store.counts()
        XCTAssertEqual([counts.articles, counts.claims], [1500, 1500])
    }
}
