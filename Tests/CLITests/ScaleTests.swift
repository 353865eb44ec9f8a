import Foundation
import XCTest

/// --jobs, --quiet, the progress line, and inputs whose size used to make the cost blow up,
/// all through the built binary.
final class ScaleTests: XCTestCase {
    /// Runs the binary like `CLI.run`, with extra environment variables.
    private func run(_ arguments: [String], environment extra: [String: String]) throws -> CLI.Result {
        let executable = try XCTUnwrap(CLI.executable)
        let scratch = try CLI.temporaryDirectory(self)
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CLI.Result(stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                          stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                          status: process.terminationStatus)
    }

    func testJobsGiveByteIdenticalOutput() throws {
        let commands: [[String]] = [
            ["extract", "--format", "jsonl", "Fixtures/extract", "Fixtures/check", "Fixtures/eval"],
            ["extract", "--format", "json", "Fixtures/extract", "Fixtures/check"],
            ["check", "--format", "json", "Fixtures/check"],
            ["eval", "Fixtures/eval/labels.jsonl", "--cross", "Fixtures/eval/cross.jsonl"],
        ]
        for command in commands {
            let outputs = try [1, 2, 4].map { jobs in try CLI.run(command + ["--jobs", "\(jobs)"]) }
            XCTAssertFalse(outputs[0].stdout.isEmpty, command.joined(separator: " "))
            for output in outputs.dropFirst() {
                XCTAssertEqual(output.stdout, outputs[0].stdout, command.joined(separator: " "))
                XCTAssertEqual(output.status, outputs[0].status, command.joined(separator: " "))
            }
        }
    }

    func testJobsMustBeAtLeastOne() throws {
        for command in [["extract", "Fixtures/extract"], ["check", "Fixtures/check"], ["eval", "Fixtures/eval/labels.jsonl"]] {
            for bad in ["0", "-3"] {
                let result = try CLI.run(command + ["--jobs=\(bad)"])
                XCTAssertEqual(result.status, 2, "\(command) --jobs \(bad)")
                XCTAssertTrue(result.stderr.contains("--jobs must be at least 1"), result.stderr)
                XCTAssertEqual(result.stdout, "")
            }
        }
        let result = try CLI.run(["extract", "--jobs", "many", "Fixtures/extract"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--jobs"), result.stderr)
    }

    /// Standard error is a file here, never a terminal: no progress line, with or without CI.
    func testNoProgressLineWhenNotATerminalOrUnderCI() throws {
        let directory = try CLI.temporaryDirectory(self)
        for index in 0..<300 {
            try Data("Police said 8,000 people marched in Valmont on Saturday, article \(index).\n".utf8)
                .write(to: directory.appendingPathComponent(String(format: "a%03d.txt", index)))
        }
        for environment in [[:], ["CI": "1"], ["CI": ""]] {
            for command in ["extract", "check"] {
                let result = try run([command, "--jobs", "1", directory.path], environment: environment)
                XCTAssertFalse(result.stderr.contains("files"), result.stderr)
                XCTAssertFalse(result.stderr.contains("\r"), result.stderr)
                XCTAssertFalse(result.stdout.contains("\r"))
            }
        }
    }

    func testQuietSilencesWarningsButNotErrors() throws {
        let directory = try CLI.temporaryDirectory(self)
        let bad = directory.appendingPathComponent("bad.txt")
        try Data("Police said 8,000 people marched in Valmont \u{FF}.\n".utf8 + [0xFF, 0x0A]).write(to: bad)
        let loud = try CLI.run(["extract", bad.path])
        XCTAssertTrue(loud.stderr.contains("warning: invalid UTF-8"), loud.stderr)
        for command in ["extract", "check"] {
            let quiet = try CLI.run([command, "--quiet", bad.path])
            XCTAssertEqual(quiet.stderr, "", command)
            XCTAssertFalse(quiet.stdout.isEmpty, command)
        }
        // The JSON report still lists the warning: --quiet is about standard error.
        let json = try CLI.run(["extract", "--quiet", "--format", "json", bad.path])
        XCTAssertTrue(json.stdout.contains("invalid UTF-8"))
        let missing = try CLI.run(["extract", "--quiet", bad.path, directory.appendingPathComponent("none.txt").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("error:"), missing.stderr)
        XCTAssertFalse(missing.stderr.contains("warning:"), missing.stderr)
    }

    /// 10 MB with no full stop used to be one sentence that never finished. Now it is cut at
    /// whitespace every few KB, with one warning, and every claim keeps a bounded sentence.
    func testTenMegabytesWithoutAFullStop() throws {
        let directory = try CLI.temporaryDirectory(self)
        let file = directory.appendingPathComponent("run-on.txt")
        var text = ""
        let words = "and the marchers went on through the long streets of the old town "
        text.reserveCapacity(10_100_000)
        var figures = 0
        while text.utf8.count < 10_000_000 {
            for _ in 0..<700 { text += words }
            text += "police said some 2,000 people marched in Valmont "
            figures += 1
        }
        try Data(text.utf8).write(to: file)
        let result = try CLI.run(["extract", "--format", "jsonl", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = CLI.jsonLines(result.stdout)
        XCTAssertEqual(lines.count, figures)
        XCTAssertLessThan(result.stdout.utf8.count, figures * 2_000)
        for line in lines {
            let sentence = try XCTUnwrap(line["sentence"] as? String)
            XCTAssertLessThanOrEqual(sentence.utf8.count, 2 * 240 + 60)
            XCTAssertTrue(sentence.contains("2,000 people"), sentence)
            XCTAssertTrue(sentence.hasPrefix("…") || sentence.hasSuffix("…"), "a window of a longer sentence is marked")
        }
        XCTAssertEqual(result.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("warning: no sentence end within 4096 bytes"), result.stderr)
    }

    /// 4,000 figures in one 170 KB sentence: `check --format json` printed the whole sentence
    /// with every claim (574 MB). Each claim now carries a window of it.
    func testManyFiguresInOneLongSentence() throws {
        let directory = try CLI.temporaryDirectory(self)
        let file = directory.appendingPathComponent("table.txt")
        let text = (0..<4_000).map { "\($0 % 9 + 1),000 people marched in Valmont" }.joined(separator: ", ") + "."
        try Data(text.utf8).write(to: file)
        let result = try CLI.run(["check", "--format", "json", "--fail-on", "never", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let claims = try XCTUnwrap(report["claims"] as? [[String: Any]])
        XCTAssertEqual(claims.count, 4_000, "one claim per figure")
        for claim in claims { XCTAssertLessThanOrEqual((claim["sentence"] as? String ?? "").utf8.count, 2 * 240 + 60) }
        XCTAssertLessThan(result.stdout.utf8.count, 40_000_000)
    }
}
