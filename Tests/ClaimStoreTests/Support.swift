import ClaimStore
import Claims
import Foundation
import XCTest

let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

enum Shipped {
    static let rules: RuleSet = RuleLoader(directories: [packageRoot.appendingPathComponent("Rules").path]).load().0
}

func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("claimstore-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

@discardableResult
func write(_ text: String, to name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}

/// A hand-made claim: every field set, so a round trip through a store shows any loss.
func sampleClaim(kind: String = "crowd", quote: String = "about 100,000 people", value: Interval = .point(100_000, approx: true),
                 place: String? = "Corvale", date: String? = "2026-03-14", group: String? = nil,
                 source: (Attribution.Kind, String)? = (.named, "organisers"), start: Int = 40,
                 comparable: Bool = true, file: String = "ignored.md") -> Claim {
    var claim = Claim(kind: kind, rule: "crowd.marched", quote: quote, file: file, line: 3, column: 7,
                      start: start, end: start + quote.utf8.count, sentence: "Some said \(quote) marched.", sentenceStart: start - 10,
                      sentenceIndex: 2, value: value, unit: "people",
                      context: ClaimContext(place: place, date: date, group: group, inherited: ["date"]),
                      attribution: source.map { Attribution(kind: $0.0, text: $0.1, rule: "attr.said") },
                      comparable: comparable, paragraph: 1, revises: 5..<9, articleDated: true)
    claim.sentenceCut = (true, false)
    return claim
}
