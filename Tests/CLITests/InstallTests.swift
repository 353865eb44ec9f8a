import Foundation
import XCTest

/// `Scripts/install` into a temporary prefix, then the installed binary run from another
/// directory: it must find its rules under PREFIX/share, not in this checkout.
final class InstallTests: XCTestCase {
    func testInstalledBinaryRunsFromAnotherDirectory() throws {
        let executable = try XCTUnwrap(CLI.executable)
        let prefix = try CLI.temporaryDirectory(self)
        let manualTool = executable.deletingLastPathComponent().appendingPathComponent("generate-manual")
        let hasManualTool = FileManager.default.isExecutableFile(atPath: manualTool.path)
        if !hasManualTool {
            // .ci/run builds it first; a plain `swift test` cannot build it from inside the test run.
            print("InstallTests: no generate-manual beside the test binary (swift build --product generate-manual); the man page is not checked")
        }
        let install = Process()
        install.executableURL = CLI.path("Scripts/install")
        install.arguments = ["--prefix", prefix.path, "--binary", executable.path]
            + (hasManualTool ? ["--manual-tool", manualTool.path] : ["--no-manual"])
        let output = Pipe()
        install.standardOutput = output
        install.standardError = output
        try install.run()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        install.waitUntilExit()
        XCTAssertEqual(install.terminationStatus, 0, log)

        var expected = ["bin/claimcheck", "share/claimcheck/Rules/crowd.yml", "share/claimcheck/Rules/lexicon.yml",
                        "share/claimcheck/Templates/report.html.mustache",
                        "share/doc/claimcheck/README.md", "share/bash-completion/completions/claimcheck",
                        "share/zsh/site-functions/_claimcheck", "share/fish/vendor_completions.d/claimcheck.fish"]
        if hasManualTool { expected.append("share/man/man1/claimcheck.1") }
        for path in expected {
            XCTAssertTrue(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(path).path), path)
        }
        if hasManualTool {
            let manual = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/claimcheck.1"), encoding: .utf8)
            XCTAssertTrue(manual.contains(".Nm claimcheck"), String(manual.prefix(300)))
        }
        let bash = try String(contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/claimcheck"), encoding: .utf8)
        XCTAssertTrue(bash.contains("extract") && bash.contains("check"), String(bash.prefix(300)))

        // From a directory with no Rules and no checkout above it.
        let elsewhere = try CLI.temporaryDirectory(self)
        try FileManager.default.copyItem(at: CLI.path("seeds"), to: elsewhere.appendingPathComponent("seeds"))
        let installed = prefix.appendingPathComponent("bin/claimcheck")
        let dirs = try run(installed, ["rules", "dirs"], in: elsewhere)
        XCTAssertEqual(dirs.output, prefix.appendingPathComponent("share/claimcheck/Rules").path + "\tdefault rules\n")
        let extract = try run(installed, ["extract", "seeds"], in: elsewhere)
        XCTAssertEqual(extract.status, 0)
        XCTAssertEqual(extract.output, try CLI.run(["extract", "seeds"]).stdout)
    }

    /// Runs `executable` in `directory`; standard output and the exit status.
    private func run(_ executable: URL, _ arguments: [String], in directory: URL) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (output, process.terminationStatus)
    }
}
