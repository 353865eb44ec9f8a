import Checker
import Claims
import Foundation
import Frontend
import Reporters
import XCTest

final class RunStatusTests: XCTestCase {
    func testExitCodes() {
        XCTAssertEqual(RunStatus().exitCode(detailed: false), 0)
        XCTAssertEqual(RunStatus(findingsFail: true).exitCode(detailed: true), 1)
        XCTAssertEqual(RunStatus(failures: [.input, .output], findingsFail: true).exitCode(detailed: false), 2)
        XCTAssertEqual(RunStatus(failures: [.input, .output], findingsFail: true).exitCode(detailed: true), 5)
        XCTAssertEqual(RunStatus(failures: [.output]).exitCode(detailed: true), 6)
        XCTAssertEqual(RunStatus(failures: [.rules, .configuration]).exitCode(detailed: true), 3)
    }
}

final class IgnoreFileTests: XCTestCase {
    func testGitSyntax() {
        let file = IgnoreFile(directory: "/p", text: "# comment\n\n*.bak\nbuild/\n/top.txt\ndocs/*.md\n!docs/keep.md\n")
        XCTAssertEqual(file.decision(for: "a/b/x.bak", isDirectory: false), true)
        XCTAssertEqual(file.decision(for: "a/build", isDirectory: true), true)
        XCTAssertNil(file.decision(for: "a/build", isDirectory: false), "build/ matches directories only")
        XCTAssertEqual(file.decision(for: "top.txt", isDirectory: false), true)
        XCTAssertNil(file.decision(for: "sub/top.txt", isDirectory: false), "a leading / anchors")
        XCTAssertEqual(file.decision(for: "docs/a.md", isDirectory: false), true)
        XCTAssertEqual(file.decision(for: "docs/keep.md", isDirectory: false), false, "the last match decides")
        XCTAssertNil(file.decision(for: "x/docs/a.md", isDirectory: false), "a middle / anchors too")
    }

    func testDeeperFilesOverrideShallowerOnes() {
        var stack = IgnoreStack()
        let files = ["/p/.gitignore": "*.txt\n", "/p/sub/.claimcheckignore": "!keep.txt\n"]
        stack = stack.entering("/p") { files[$0] }
        XCTAssertTrue(stack.isIgnored("/p/sub/keep.txt", isDirectory: false))
        stack = stack.entering("/p/sub") { files[$0] }
        XCTAssertFalse(stack.isIgnored("/p/sub/keep.txt", isDirectory: false))
        XCTAssertTrue(stack.isIgnored("/p/sub/other.txt", isDirectory: false))
        XCTAssertFalse(stack.isIgnored("/q/other.txt", isDirectory: false), "outside its directory a file says nothing")
    }
}

final class ProjectTests: XCTestCase {
    func testDiscoveryPerInputAndTheWorkingDirectoryFallback() throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("claimcheck-project-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let desk = root.appendingPathComponent("desk")
        try FileManager.default.createDirectory(at: desk.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        try Data("tolerance: 5%\n".utf8).write(to: desk.appendingPathComponent(".claimcheck.yml"))
        try Data("x".utf8).write(to: desk.appendingPathComponent("articles/a.txt"))

        let fromInput = try Project.resolve(inputs: [desk.path + "/articles/a.txt"], explicitConfig: nil,
                                            workingDirectory: root.path + "/elsewhere")
        XCTAssertEqual(fromInput.config.tolerance, 0.05)
        XCTAssertEqual(fromInput.root, desk.path)

        let none = try Project.resolve(inputs: [root.path + "/elsewhere"], explicitConfig: nil, workingDirectory: root.path + "/elsewhere")
        XCTAssertNil(none.config.path)
        XCTAssertEqual(none.root, root.path + "/elsewhere", "without a config: the inputs' common root")

        let standardInput = try Project.resolve(inputs: ["-"], explicitConfig: nil, workingDirectory: desk.path + "/articles")
        XCTAssertEqual(standardInput.config.tolerance, 0.05, "standard input: the working directory's configuration")
    }
}

final class CheckRunTests: XCTestCase {
    func testARunReportsWithoutPrinting() throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("claimcheck-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let article = "date 2024-03-10\nPolice said 12,000 people marched through Kellmark on Saturday.\n\nThe union said at least 45,000 people marched in Kellmark on Saturday.\n"
        try Data(article.utf8).write(to: root.appendingPathComponent("k.txt"))
        var request = CheckRun.Request(inputs: [root.path + "/k.txt"], workingDirectory: root.path)
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules").path
        request.defaultRules = shipped
        request.workers = 1
        let outcome = CheckRun(request).run()
        XCTAssertEqual(outcome.ruleDiagnostics, [])
        XCTAssertEqual(outcome.ruleDirectories, [shipped])
        let report = try XCTUnwrap(outcome.report)
        XCTAssertEqual(report.fileCount, 1)
        XCTAssertEqual(report.claims.map(\.quote), ["12,000 people", "at least 45,000 people"])
        XCTAssertEqual(report.findings.map(\.check), ["conflict"])
        XCTAssertEqual(outcome.status, RunStatus(failures: [], findingsFail: true))

        request.inputs = [root.path + "/missing.txt"]
        let missing = CheckRun(request).run()
        XCTAssertEqual(missing.status.failures, [.input])
        XCTAssertEqual(missing.diagnostics.map(\.message), ["no such file or directory"])
    }
}
