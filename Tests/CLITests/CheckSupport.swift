import Foundation
import XCTest

/// What the `check` CLI tests share beyond CLIHarness.swift (which finds and runs the binary):
/// the fixture set, the golden command line, SARIF schema validation and a run on a terminal.
enum CheckFixtures {
    /// The articles of the combined run: every `.txt` and `.md` directly in Fixtures/check, in
    /// name order, as package-relative paths. Subdirectories (golden/, config/, bad-config/,
    /// cases/) hold goldens and single-purpose inputs and are not part of it.
    static func articles() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: CLI.path("Fixtures/check").path)
        return names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted().map { "Fixtures/check/" + $0 }
    }

    /// The combined run whose output the goldens in Fixtures/check/golden hold:
    /// `claimcheck check --color never --format FORMAT Fixtures/check/*.{txt,md}` from the package root.
    static func combinedRun(format: String) throws -> CLI.Result {
        try CLI.run(["check", "--color", "never", "--format", format] + articles())
    }

    /// Parses a JSON document printed by `check --format json`.
    static func json(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                      "not a JSON object", file: file, line: line)
    }

    static func findings(_ document: [String: Any]) -> [[String: Any]] {
        document["findings"] as? [[String: Any]] ?? []
    }

    static func quotes(of finding: [String: Any]) -> [String] {
        (finding["claims"] as? [[String: Any]] ?? []).compactMap { $0["quote"] as? String }
    }

    static func files(of finding: [String: Any]) -> [String] {
        (finding["claims"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
    }
}

/// Runs `claimcheck` on a pseudo-terminal (util-linux `script`), so `--color auto` sees a
/// terminal and only NO_COLOR can turn colour off. CLIHarness always sets NO_COLOR and pipes
/// the output, so it cannot show that NO_COLOR is what disables colour.
enum CheckTerminal {
    static let script: URL? = ["/usr/bin/script", "/bin/script"].map(URL.init(fileURLWithPath:))
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// Standard output as the terminal showed it (line ends become CR LF), and the exit code
    /// of `script` itself. `noColor` nil removes NO_COLOR from the environment.
    static func run(_ arguments: [String], noColor: String?) throws -> String {
        guard let script else { throw XCTSkip("util-linux 'script' is not installed; no pseudo-terminal") }
        guard let executable = CLI.executable else { throw XCTSkip("claimcheck executable not found") }
        let command = ([executable.path] + arguments).map(quote).joined(separator: " ")
        let process = Process()
        process.executableURL = script
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.currentDirectoryURL = CLI.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = noColor
        environment["TERM"] = "xterm"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    private static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
