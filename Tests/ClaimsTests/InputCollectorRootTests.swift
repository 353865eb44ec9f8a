import Foundation
import XCTest
@testable import Claims

/// Input paths are normalised so one file is read once, and the inputs' common directory is
/// the project root when there is no configuration file (issue 8).
final class InputCollectorRootTests: XCTestCase {
    func testCommonRootAndDuplicates() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-root-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for dir in ["a/x", "b"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        let one = root.appendingPathComponent("a/x/one.txt").path
        let two = root.appendingPathComponent("b/two.txt").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: one))
        try Data("y".utf8).write(to: URL(fileURLWithPath: two))
        let base = root.standardizedFileURL.path

        XCTAssertEqual(InputCollector.commonRoot(of: [one]), base + "/a/x")
        XCTAssertEqual(InputCollector.commonRoot(of: [root.path + "/a"]), base + "/a")
        XCTAssertEqual(InputCollector.commonRoot(of: [one, "-", two]), base)
        XCTAssertNil(InputCollector.commonRoot(of: ["-"]))

        let spellings = [one, root.path + "/a/./x/one.txt", root.path + "/b/../a/x//one.txt", root.path + "/a", two]
        let (paths, diagnostics) = InputCollector().paths(for: spellings)
        XCTAssertEqual(paths, [one, two])
        XCTAssertEqual(diagnostics, [])
    }
}
