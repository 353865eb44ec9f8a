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

/// Walks read each entry's type from the listing and stat only links and unknown types.
final class InputCollectorWalkTests: XCTestCase {
    func testWalkReadsFilesLinksAndSubdirectoriesInPathOrder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("sub/deeper"), withIntermediateDirectories: true)
        for name in ["b.txt", "a.TXT", "sub/c.md", "sub/deeper/d.markdown", ".hidden.txt", "notes.", "e.tar.gz"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(name))
        }
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("link.txt").path, withDestinationPath: root.appendingPathComponent("b.txt").path)
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("loop").path, withDestinationPath: root.path)
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("gone.txt").path, withDestinationPath: root.appendingPathComponent("nowhere").path)

        let (paths, diagnostics) = InputCollector().paths(for: [root.path + "/", root.appendingPathComponent("b.txt").path])
        let shown = root.path
        XCTAssertEqual(paths, ["a.TXT", "b.txt", "link.txt", "sub/c.md", "sub/deeper/d.markdown"].map { shown + "/" + $0 })
        XCTAssertEqual(diagnostics.map(\.file), [shown + "/gone.txt"])
    }

    func testPathExtensionAsNSStringGivesIt() {
        for (name, expected) in [(".profile", ""), ("notes.", ""), ("a.tar.gz", "gz"), ("a.TXT", "txt"), ("x", ""),
                                 ("a..md", "md"), (".a.txt", "txt"), ("é.MD", "md"), ("a.ü", "ü")] {
            XCTAssertEqual(InputCollector.pathExtension(name), expected, name)
            XCTAssertEqual(InputCollector.pathExtension(name), (name as NSString).pathExtension.lowercased(), name)
        }
    }

    /// A file is read into a buffer sized from its stat: every byte, whatever the size.
    func testReadGivesEveryByte() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for size in [0, 1, 65_536, 200_003] {
            let bytes = (0..<size).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            let path = directory.appendingPathComponent("\(size).txt").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            guard case .success(let document) = InputCollector.read(path) else { return XCTFail("\(size) bytes not read") }
            XCTAssertEqual(document.bytes, bytes, "\(size) bytes")
        }
        guard case .failure(let missing) = InputCollector.read(directory.path + "/none.txt") else { return XCTFail("read a missing file") }
        XCTAssertEqual(missing.message, Issue.noSuchFile(directoryToo: false).diagnostic().message)
        guard case .failure(let folder) = InputCollector.read(directory.path) else { return XCTFail("read a directory") }
        XCTAssertEqual(folder.message, Issue.isDirectory.diagnostic().message)
    }
}
