import Claims
import Foundation
import XCTest

let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

enum Shipped {
    static let rules: RuleSet = RuleLoader(directories: [packageRoot.appendingPathComponent("Rules").path]).load().0
}

/// A fresh temporary directory, removed when the test ends.
func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-eval-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

@discardableResult
func write(_ text: String, to name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}

/// A produced claim over `quote` in `text`, as the extractor would report it.
func claim(_ kind: String, _ quote: String, in text: String, file: String, _ value: Interval,
           unit: String = "people", source: String? = nil) -> Claim {
    let start = text.utf8.count - (text.range(of: quote).map { text[$0.lowerBound...].utf8.count } ?? 0)
    let attribution = source.map { Attribution(kind: .named, text: $0, rule: "test") }
    return Claim(kind: kind, rule: "test.\(kind)", quote: quote, file: file, line: 1, column: start + 1, start: start,
                 end: start + quote.utf8.count, sentence: text, sentenceStart: 0, sentenceIndex: 0, value: value,
                 unit: unit, context: ClaimContext(), attribution: attribution)
}
