import Foundation
import XCTest

/// A second hostile sweep through the built binary: reports written onto pipes and odd paths,
/// fragment bombs in rule files, symlinked rule directories, repeated suppression ids,
/// labels files with Windows line endings, long ignore files and non-finite lexicon bounds.
/// Inputs are generated here, not committed.
final class HostileInputTests2: XCTestCase {
    static let article = "At least 100,000 people marched in Valmont on Saturday.\nPolice put the figure at 8,000 in Valmont on Saturday.\n"

    /// A directory holding `a.txt` with two conflicting crowd figures.
    func articleDirectory() throws -> URL {
        let directory = try CLI.temporaryDirectory(self)
        try Self.article.write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        return directory
    }

    func fileType(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }

    // MARK: - Reports onto pipes, descriptors and link loops

    /// A report onto a named pipe goes into the pipe; renaming a temporary over it (as for a
    /// regular file) replaced the pipe, and the same rename over /dev/null broke the machine.
    func testReportOntoANamedPipeIsWrittenIntoIt() throws {
        let directory = try articleDirectory()
        XCTAssertEqual(mkfifo(directory.appendingPathComponent("report.json").path, 0o600), 0)
        let result = try shell("""
            timeout 20 cat report.json > received.json & reader=$!
            timeout 20 "$0" check --format text --output json=report.json a.txt > /dev/null; status=$?
            wait $reader; exit $status
            """, in: directory)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(fileType(directory.appendingPathComponent("report.json").path), S_IFIFO)
        let received = try String(contentsOf: directory.appendingPathComponent("received.json"), encoding: .utf8)
        XCTAssertTrue(received.hasPrefix("{\n  \"version\": 1,\n  \"findings\": ["), received)
    }

    func testReportOntoANamedPipeNobodyReadsIsAnErrorNotAHang() throws {
        let directory = try articleDirectory()
        let fifo = directory.appendingPathComponent("report.json").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let result = try shell(#"exec timeout 20 "$0" check --format text --output json=report.json a.txt"#, in: directory)
        XCTAssertEqual(result.status, 2, "a hang would end in timeout's 124")
        // The findings still reach standard output; only the report is lost.
        XCTAssertTrue(result.stdout.contains("[conflict]"), result.stdout)
        XCTAssertEqual(result.stderr, "report.json: error: cannot write json report: open: no process is reading the named pipe\n")
        XCTAssertEqual(fileType(fifo), S_IFIFO)
    }

    /// `--output sarif=>(gzip > out)` hands the tool /dev/fd/N, a link to a pipe with no path.
    func testReportOntoAnInheritedDescriptor() throws {
        let directory = try articleDirectory()
        let direct = try shell(#"exec "$0" check --format sarif a.txt"#, in: directory)
        // Descriptor 3 is a pipe to cat, as with >(…).
        let result = try shell(#""$0" check --format text --output sarif=/dev/fd/3 a.txt 3>&1 >/dev/null | cat"#, in: directory)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, direct.stdout)
    }

    func testBaselineOntoANamedPipeIsWrittenIntoIt() throws {
        let directory = try articleDirectory()
        XCTAssertEqual(mkfifo(directory.appendingPathComponent("baseline.json").path, 0o600), 0)
        let result = try shell("""
            timeout 20 cat baseline.json > received.json & reader=$!
            timeout 20 "$0" check --write-baseline baseline.json a.txt > /dev/null; status=$?
            wait $reader; exit $status
            """, in: directory)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(fileType(directory.appendingPathComponent("baseline.json").path), S_IFIFO)
        let received = try String(contentsOf: directory.appendingPathComponent("received.json"), encoding: .utf8)
        XCTAssertTrue(received.contains("\"fingerprint\""), received)
        XCTAssertEqual(result.status, 1)
    }

    /// A link pointing at itself is an error, not a link silently replaced by the report.
    func testReportOntoASymlinkLoopIsAnError() throws {
        let directory = try articleDirectory()
        let loop = directory.appendingPathComponent("report.json").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "report.json")
        let result = try shell(#"exec "$0" check --format text --output json=report.json a.txt"#, in: directory)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "report.json: error: cannot write json report: open: Too many levels of symbolic links\n")
        XCTAssertEqual(fileType(loop), S_IFLNK)
    }

    func testReportOntoADirectoryIsAnErrorBeforeAnyTemporary() throws {
        let directory = try articleDirectory()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("out"), withIntermediateDirectories: false)
        let result = try shell(#"exec "$0" check --format text --output json=out a.txt"#, in: directory)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "out: error: cannot write json report: open: Is a directory\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["a.txt", "out"])
    }

    // MARK: - Rule files

    /// A fragment with a named capture is pasted into its callers; one calling itself a dozen
    /// times grew 12^8-fold (minutes and gigabytes) before this bound.
    func testFragmentPastingBombIsBounded() throws {
        let rules = try CLI.temporaryDirectory(self)
        let file = rules.appendingPathComponent("bomb.yml")
        try """
            kind: crowd
            unit: people
            define:
              grows: '(?<value>\\d+)\(String(repeating: "(?&grows)", count: 12))'
            rules:
              - id: bomb.count
                pattern: '(?&grows) people'

            """.write(to: file, atomically: true, encoding: .utf8)
        let started = Date()
        let result = try CLI.run(["rules", "list", "--rules", rules.path])
        // A hang guard, not a speed measure: unbounded, the pasting never finishes.
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, """
            \(file.path):4:10: error: fragment 'grows' expands to more than 262144 bytes once the fragments it calls are pasted in; it is not used
            \(file.path):7:14: error: rule bomb.count: pattern does not compile: reference to non-existent subpattern at offset 3
                (?&grows) people
                   ^
            2 rule errors; nothing was checked

            """)
    }

    /// Deployments link `Rules -> releases/N/Rules`; the walk must follow the link it was given.
    func testSymlinkedRuleDirectoryIsRead() throws {
        let root = try CLI.temporaryDirectory(self)
        let real = root.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try """
            kind: crowd
            unit: people
            rules:
              - id: linked.marchers
                pattern: '(?<value>\\d+) marchers'

            """.write(to: real.appendingPathComponent("linked.yml"), atomically: true, encoding: .utf8)
        let link = root.appendingPathComponent("rules")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real")
        let result = try CLI.run(["rules", "list", "--rules", link.path])
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("linked.marchers\tclaim:crowd\t\(link.path)/linked.yml:4"), result.stdout)
    }

    // MARK: - Suppressions

    func testRepeatedIdInASuppressionIsWarnedOnce() throws {
        let directory = try CLI.temporaryDirectory(self)
        let file = directory.appendingPathComponent("a.md")
        try "<!-- claimcheck-disable-next-line bogus bogus, bogus conflict conflict -->\n\(Self.article)"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "--format", "text", file.path])
        XCTAssertEqual(result.stderr, """
            \(file.path):1:1: warning: unknown check 'bogus' in claimcheck-disable-next-line; known checks: conflict, share-sum, unsourced, unused-suppression

            """)
    }

    func testAMillionRepeatedIdsInASuppressionTakeNoTime() throws {
        let directory = try CLI.temporaryDirectory(self)
        let file = directory.appendingPathComponent("a.md")
        try ("<!-- claimcheck-disable " + String(repeating: "x ", count: 1_000_000) + "-->\nAt least 100 people marched in Valmont.\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let started = Date()
        let result = try CLI.run(["check", "--format", "json", file.path])
        // A hang guard, not a speed measure: one warning per repeat took minutes.
        XCTAssertLessThan(Date().timeIntervalSince(started), 45)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr.components(separatedBy: "unknown check 'x'").count, 2, String(result.stderr.prefix(2000)))
    }

    // MARK: - Labels

    /// "\r\n" is a single Character in Swift: a labels file saved on Windows was one line.
    func testLabelsFileWithWindowsLineEndingsIsRead() throws {
        let directory = try CLI.temporaryDirectory(self)
        for name in ["a", "b"] {
            try "At least 100 people marched in Valmont.\n".write(to: directory.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
        }
        let lines = ["a", "b"].map {
            #"{"file":"\#($0).txt","claims":[{"quote":"At least 100 people","kind":"crowd","low":100,"high":null,"sourced":false}]}"#
        }
        let unix = directory.appendingPathComponent("unix.jsonl")
        let windows = directory.appendingPathComponent("windows.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: unix)
        try Data([0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)).write(to: windows)
        let expected = try CLI.run(["eval", unix.path])
        let result = try CLI.run(["eval", windows.path])
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, expected.stdout)
        XCTAssertTrue(result.stdout.contains("crowd       2             100%"), result.stdout)
    }

    // MARK: - Dates and ignore lists

    func testDatesBeforeYearZeroPrintAsISO() throws {
        let directory = try CLI.temporaryDirectory(self)
        let file = directory.appendingPathComponent("a.txt")
        try "date 0000-01-01 At least 100 people marched in Valmont yesterday.\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["extract", file.path])
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, "\(file.path):1:17: crowd [100, ∞) people \"At least 100 people\" place=Valmont date=-0001-12-31\n")
    }

    /// A repository's .gitignore is tried against every article of the archive: thirty
    /// thousand patterns over three hundred files, each glob prepared once.
    func testALongIgnoreFileOverManyArticlesIsApplied() throws {
        let root = try CLI.temporaryDirectory(self)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let articles = root.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        for index in 1...300 {
            try "At least \(index) people marched in Valmont.\n"
                .write(to: articles.appendingPathComponent("a\(index).txt"), atomically: true, encoding: .utf8)
        }
        let patterns = (1...30_000).map { "*.tmp\($0)" } + ["a1?.txt", "!a12.txt"]
        try (patterns.joined(separator: "\n") + "\n").write(to: root.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        // Its speed is the benchmark's business (a debug binary on a busy machine is no
        // measure); this pins what a long ignore file with re-inclusion does.
        let result = try CLI.run(["extract", "--format", "jsonl", articles.path])
        XCTAssertEqual(result.stderr, "")
        // a10, a11, a13 ... a19 are ignored; a12 is re-included.
        XCTAssertEqual(CLI.jsonLines(result.stdout).count, 291)
    }

    /// "nan" and "1e999" read as numbers: a vague quantity bounded by NaN matched no claim
    /// and dropped every "thousands of people" without a word.
    func testNonFiniteBoundsInTheLexiconAreRuleErrors() throws {
        let rules = try CLI.temporaryDirectory(self)
        let file = rules.appendingPathComponent("lexicon.yml")
        try """
            lexicon:
              vague:
                thousands: "[nan, 40000]"
                myriads: "[10000, 1e999]"

            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["rules", "list", "--rules", rules.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, """
            \(file.path):3:16: error: lexicon.vague.thousands must be an interval of numbers such as "[1000, 25000]"
            \(file.path):4:14: error: lexicon.vague.myriads must be an interval of numbers such as "[1000, 25000]"
            2 rule errors; nothing was checked

            """)
    }
}
