import Foundation
import XCTest

/// What a shell script run around the claimcheck binary printed, and how it ended.
struct ShellOutcome {
    var stdout: String
    var stderr: String
    var status: Int32
    var exited: Bool
    var seconds: Double
}

extension XCTestCase {
    /// Runs `script` with /bin/sh in `directory` (the package root unless given), `$0` being
    /// the claimcheck binary, so a test can redirect or close the binary's streams or hand it
    /// pipes of its own; `stdout` replaces the captured standard output.
    func shell(_ script: String, in directory: URL = CLI.packageRoot, stdout: FileHandle? = nil) throws -> ShellOutcome {
        guard let executable = CLI.executable else { throw XCTSkip("no executable") }
        let scratch = try CLI.temporaryDirectory(self)
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, executable.path]
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = stdout ?? out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(started)
        try out.close()
        try err.close()
        return ShellOutcome(stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                            status: process.terminationStatus, exited: process.terminationReason == .exit, seconds: seconds)
    }
}
