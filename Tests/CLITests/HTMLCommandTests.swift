import Foundation
import XCTest

/// `--format html` and `--template` through the command line.
final class HTMLCommandTests: XCTestCase {
    func template(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-\(UUID().uuidString).mustache")
        try text.write(to: url, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testATemplateFileReplacesTheShippedOne() throws {
        let custom = try template("{{summary.claims}} claims, {{summary.findings}} findings in {{summary.files}} files\n{{#findings}}{{check}} {{file}}:{{line}}\n{{/findings}}")
        let result = try CLI.run(["check", "Fixtures/check/tarrow-march-sunday.txt", "Fixtures/check/tarrow-march-tuesday.txt",
                                  "--format", "html", "--template", custom.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "2 claims, 1 findings in 2 files\nconflict Fixtures/check/tarrow-march-sunday.txt:1\n")
        XCTAssertEqual(result.stderr, "")
    }

    func testABrokenTemplateIsNamedWithLineAndColumnAndNothingIsChecked() throws {
        let broken = try template("<p>\n{{#summary}}\n</p>\n")
        let result = try CLI.run(["check", "Fixtures/check", "--format", "html", "--template", broken.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "\(broken.path):4:1: error: template syntax error: a section is never closed\n")
    }

    func testAMissingTemplateIsAnError() throws {
        let result = try CLI.run(["extract", "Fixtures/check", "--format", "html", "--template", "no/such.mustache"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "no/such.mustache: error: cannot read the HTML template\n")
    }

    func testTheShippedTemplateIsFoundAndTheExitStatusShown() throws {
        let result = try CLI.run(["check", "Fixtures/check/halden-climate-march.txt", "--format", "html", "--fail-on", "never"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasPrefix("<!DOCTYPE html>\n"))
        XCTAssertTrue(result.stdout.contains("<p class=\"status-0\"><strong>0</strong>: no finding at or above the failure threshold</p>"))
        XCTAssertTrue(result.stdout.contains("<li><code>Rules</code></li>"))
    }

    func testExtractPagesHighlightEveryClaim() throws {
        let json = try CLI.run(["extract", "Fixtures/check/halden-climate-march.txt", "--format", "jsonl"])
        let html = try CLI.run(["extract", "Fixtures/check/halden-climate-march.txt", "--format", "html"])
        XCTAssertEqual(html.status, 0)
        let claims = json.stdout.split(separator: "\n").count
        XCTAssertEqual(claims, 2)
        XCTAssertEqual(html.stdout.components(separatedBy: "<mark class=\"claim ").count - 1, claims)
        XCTAssertTrue(html.stdout.contains("<h2>Exit status</h2><p class=\"status-0\"><strong>0</strong>"), "the page shows the run's exit status")
        let missing = try CLI.run(["extract", "Fixtures/check/halden-climate-march.txt", "no-such.txt", "--format", "html"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stdout.contains("<p class=\"status-2\"><strong>2</strong>"))
    }
}
