import Foundation
import XCTest
@testable import Claims

/// The package root, found from this file's path so tests run from any directory.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // ClaimsTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

let shippedRulesDirectory = packageRoot.appendingPathComponent("Rules").path

/// The shipped rules, loaded once. Loading must produce no diagnostics at all.
enum Shipped {
    static let loaded: (RuleSet, [Diagnostic]) = RuleLoader(directories: [shippedRulesDirectory]).load()
    static var rules: RuleSet { loaded.0 }
    static var lexicon: Lexicon { loaded.0.lexicon }

    /// Every rule example's text and every line of the fixture articles: what the analyses of
    /// the shipped patterns are checked against.
    static var examplesAndFixtureLines: [String] {
        var result = rules.claimRules.flatMap { $0.examples.map(\.text) } + rules.contextRules.flatMap { $0.examples.map(\.text) }
        let fixtures = packageRoot.appendingPathComponent("Fixtures").path
        for path in (FileManager.default.subpaths(atPath: fixtures) ?? []).sorted() where path.hasSuffix(".txt") {
            let text = (try? String(contentsOfFile: fixtures + "/" + path, encoding: .utf8)) ?? ""
            result += text.split(separator: "\n").map(String.init)
        }
        return result
    }
}

/// Extracts claims from `text` with the shipped rules.
func extract(_ text: String, date: String? = "2021-03-08", path: String = "t.txt") -> [Claim] {
    Extractor(rules: Shipped.rules).extract(Document(path: path, text: text), dateOverride: date).claims
}

/// What the extractor tests compare: the parts of a claim a reader sees.
struct Summary: Equatable, CustomStringConvertible {
    var kind: String
    var quote: String
    var value: String
    var unit: String? = nil
    var place: String? = nil
    var date: String? = nil
    var group: String? = nil
    var source: String? = nil

    init(_ kind: String, _ quote: String, _ value: String, unit: String? = nil, place: String? = nil,
         date: String? = nil, group: String? = nil, source: String? = nil) {
        self.kind = kind
        self.quote = quote
        self.value = value
        self.unit = unit
        self.place = place
        self.date = date
        self.group = group
        self.source = source
    }

    /// Every field of `claim`; `unit` and `date` only when `full`.
    init(_ claim: Claim, full: Bool = false) {
        self.init(claim.kind, claim.quote, claim.value.description, unit: full ? claim.unit : nil,
                  place: claim.context.place, date: full ? claim.context.date : nil,
                  group: claim.context.group, source: claim.source)
    }

    var description: String {
        "\(kind) \"\(quote)\" \(value) unit=\(unit ?? "-") place=\(place ?? "-") date=\(date ?? "-") group=\(group ?? "-") source=\(source ?? "-")"
    }
}

/// Summaries of the claims in `text` (without unit and date unless `full`).
func summaries(_ text: String, date: String? = "2021-03-08", full: Bool = false) -> [Summary] {
    extract(text, date: date).map { Summary($0, full: full) }
}

/// A fresh, empty temporary directory, removed when the test ends.
func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("claimcheck-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Writes `text` to `name` under `directory` (creating subdirectories) and returns its path.
@discardableResult
func write(_ text: String, to name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}
