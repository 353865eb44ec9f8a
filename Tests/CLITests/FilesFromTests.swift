import Foundation
import XCTest

/// `--files-from` reads input paths from a list, for archives too large for an argument list.
final class FilesFromTests: XCTestCase {
    func testListedPathsAreReadLikeArguments() throws {
        let listed = try CLI.run(["extract", "--format", "jsonl", "--files-from", "-"],
                                 stdin: Data("seeds/000_f7d28e7ffc9ee51f.txt\n\n  Fixtures/extract/valmont-march.txt  \n".utf8))
        let direct = try CLI.run(["extract", "--format", "jsonl", "seeds/000_f7d28e7ffc9ee51f.txt",
                                  "Fixtures/extract/valmont-march.txt"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertEqual(listed.stdout, direct.stdout)
        XCTAssertEqual(CLI.jsonLines(listed.stdout).first?["file"] as? String, "seeds/000_f7d28e7ffc9ee51f.txt")
    }

    func testAnUnreadableListIsAnError() throws {
        let result = try CLI.run(["extract", "--files-from", "Fixtures/no-such-list.txt"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "Fixtures/no-such-list.txt: error: cannot read the list of input paths\n")
    }

    func testStandardInputCannotBeBothListAndArticle() throws {
        let result = try CLI.run(["check", "--files-from", "-", "-"], stdin: Data())
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("standard input cannot be both"), result.stderr)
    }
}
