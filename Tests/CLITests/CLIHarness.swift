import Foundation
import XCTest

/// Runs the built `claimcheck` executable the way a user would: from the package root, with
/// arguments, optional standard input, and captured stdout, stderr and exit code.
///
/// Goldens (`Fixtures/extract/*.json`, `*.jsonl`, `*.text`, `Fixtures/errors/*.expected`) are
/// compared byte for byte. To rewrite them on purpose after a rule or output change, run
///
///     CLAIMCHECK_UPDATE_GOLDENS=1 swift test --filter CLITests
///
/// Every rewritten golden is reported as a test failure so an update run can never pass by
/// accident: read each rewritten file (`git diff Fixtures/`), check every claim, then run
/// the tests again without the variable. Goldens are never rewritten otherwise.
enum CLI {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The package root, found from this source file: Tests/CLITests/CLIHarness.swift.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let ruleCache = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-tests-cache").path

    static var updatingGoldens: Bool {
        ProcessInfo.processInfo.environment["CLAIMCHECK_UPDATE_GOLDENS"] == "1"
    }

    /// The `claimcheck` built alongside this test bundle, whichever build directory
    /// (`--scratch-path`) that is; `.build/debug/claimcheck` only as a last resort.
    static let executable: URL? = {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["CLAIMCHECK_BINARY"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        }
        // Linux: the main bundle is the products directory holding the .xctest executable.
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("claimcheck"))
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.appendingPathComponent("claimcheck"))
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("claimcheck"))
        }
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("claimcheck"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/claimcheck"))
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
                && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: url.path)
        }
    }()

    /// Runs `claimcheck arguments...` with the package root (or `directory`) as working directory.
    static func run(_ arguments: [String], stdin: Data? = nil, directory: URL? = nil, file: StaticString = #filePath,
                    line: UInt = #line) throws -> Result {
        guard let executable else {
            XCTFail("claimcheck executable not found next to the test bundle or in .build/debug", file: file, line: line)
            throw XCTSkip("no executable")
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("claimcheck-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        FileManager.default.createFile(atPath: inURL.path, contents: stdin ?? Data())

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["COLUMNS"] = "80"
        // One rule cache for the test run, out of the user's home: the tests then run warm.
        environment["CLAIMCHECK_CACHE"] = environment["CLAIMCHECK_CACHE"] ?? CLI.ruleCache
        process.environment = environment
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        try input.close()
        return Result(stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                      status: process.terminationStatus)
    }

    /// A path relative to the package root.
    static func path(_ relative: String) -> URL { packageRoot.appendingPathComponent(relative) }

    /// Compares `actual` with the golden file byte for byte, or rewrites the golden when
    /// CLAIMCHECK_UPDATE_GOLDENS=1 (and fails, so an update run never passes silently).
    static func assertGolden(_ actual: String, _ relativePath: String, file: StaticString = #filePath,
                             line: UInt = #line) {
        let url = path(relativePath)
        if updatingGoldens {
            let existing = try? Data(contentsOf: url)
            if existing != Data(actual.utf8) {
                try? Data(actual.utf8).write(to: url)
                XCTFail("rewrote \(relativePath) (CLAIMCHECK_UPDATE_GOLDENS=1): review it, then re-run without the variable",
                        file: file, line: line)
            }
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            XCTFail("missing golden \(relativePath); create it with CLAIMCHECK_UPDATE_GOLDENS=1 and review it",
                    file: file, line: line)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            XCTFail("output differs from \(relativePath):\n\(firstDifference(expected, actual))", file: file, line: line)
        }
    }

    /// The first differing line of two texts, for a readable failure.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let a = expected.components(separatedBy: "\n")
        let b = actual.components(separatedBy: "\n")
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? a[index] : "<end of file>"
            let right = index < b.count ? b[index] : "<end of output>"
            if left != right { return "line \(index + 1):\n  expected: \(left)\n  actual:   \(right)" }
        }
        return "(identical lines; the difference is in line endings)"
    }

    /// Parses JSON Lines output into objects.
    static func jsonLines(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { row in
            let object = try? JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any]
            if object == nil { XCTFail("not a JSON object: \(row)", file: file, line: line) }
            return object
        }
    }

    /// A fresh temporary directory, removed at the end of the test.
    static func temporaryDirectory(_ testCase: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

extension Dictionary where Key == String, Value == Any {
    subscript(path path: String) -> Any? {
        var current: Any? = self
        for key in path.split(separator: ".") {
            current = (current as? [String: Any])?[String(key)]
        }
        return current
    }
}
