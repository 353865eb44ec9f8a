import Foundation
import XCTest
@testable import Checker

/// A baseline written as `check arch` must still match `check ./arch` or an absolute path.
final class FingerprintPathTests: XCTestCase {
    func testOneFileOneName() {
        let cwd = FileManager.default.currentDirectoryPath
        XCTAssertEqual(Fingerprint.path("arch/a.txt"), "arch/a.txt")
        XCTAssertEqual(Fingerprint.path("./arch/a.txt"), "arch/a.txt")
        XCTAssertEqual(Fingerprint.path("arch/../arch/a.txt"), "arch/a.txt")
        XCTAssertEqual(Fingerprint.path(cwd + "/arch/a.txt"), "arch/a.txt")
        XCTAssertEqual(Fingerprint.path("<stdin>"), "<stdin>")
    }
}

/// With a project root, the working directory no longer matters (issue 8).
final class FingerprintRootTests: XCTestCase {
    func testPathsAreRelativeToTheRoot() {
        XCTAssertEqual(Fingerprint.path("/p/articles/a.txt", root: "/p"), "articles/a.txt")
        XCTAssertEqual(Fingerprint.path("/p/articles/../articles/a.txt", root: "/p/"), "articles/a.txt")
        XCTAssertEqual(Fingerprint.path("/elsewhere/a.txt", root: "/p"), "/elsewhere/a.txt")
        XCTAssertEqual(Fingerprint.path("<stdin>", root: "/p"), "<stdin>")
    }
}
