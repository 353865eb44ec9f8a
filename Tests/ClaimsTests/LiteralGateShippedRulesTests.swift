import Foundation
import PCRE2
import XCTest
@testable import Claims

/// The literal gate skips a pattern only where it cannot match: checked for every shipped
/// pattern with literals against every rule example and every line of the fixture articles.
/// (`claimcheck-bench --verify-literals` does the same over a whole corpus.)
final class LiteralGateShippedRulesTests: XCTestCase {
    private var gated: [(id: String, regex: Regex)] {
        var result: [(id: String, regex: Regex)] = []
        var seen: Set<ObjectIdentifier> = []
        func add(_ id: String, _ regex: Regex?) {
            guard let regex, regex.bound != nil, seen.insert(ObjectIdentifier(regex)).inserted else { return }
            result.append((id, regex))
        }
        for rule in Shipped.rules.claimRules {
            add(rule.id, rule.regex)
            rule.prefilters.forEach { add(rule.id + " (prefilter)", $0) }
            add(rule.id + " (requires)", rule.requires)
            add(rule.id + " (excludes)", rule.excludes)
        }
        for rule in Shipped.rules.contextRules {
            add(rule.id, rule.regex)
            rule.prefilters.forEach { add(rule.id + " (prefilter)", $0) }
        }
        return result
    }

    private var texts: [String] { Shipped.examplesAndFixtureLines }

    func testMostShippedPatternsHaveLiterals() {
        // The gate is only worth its pass if most sentence tests and rules have a set.
        XCTAssertGreaterThan(gated.count, 150)
    }

    func testTheGateNeverSkipsAPatternThatMatches() throws {
        let patterns = gated
        let gate = LiteralGate(literals: patterns.map { $0.regex.bound! })
        let matchers = patterns.map { Matcher($0.regex) }
        var possible: [UInt64] = []
        var skipped = 0
        for text in texts {
            let bytes = Array(text.utf8)
            try bytes.withUnsafeBufferPointer { buffer in
                gate.scan(buffer, 0..<buffer.count, into: &possible)
                for (index, matcher) in matchers.enumerated() where !LiteralGate.allows(index, possible) {
                    skipped += 1
                    if let match = try matcher.firstMatch(in: buffer, from: 0) {
                        XCTFail("\(patterns[index].id) matches \"\(String(decoding: buffer[match.range], as: UTF8.self))\" in \"\(text)\" without any of its literals")
                    }
                }
            }
        }
        XCTAssertGreaterThan(skipped, 10_000, "the check exercised the gate")
    }

    func testNoMatchStartsAfterThePatternsLastLiteral() throws {
        let patterns = gated
        let gate = LiteralGate(literals: patterns.map { $0.regex.bound! })
        let matchers = patterns.map { Matcher($0.regex) }
        var possible: [UInt64] = []
        var ends: [Int] = []
        var limited = 0
        for text in texts {
            let bytes = Array(text.utf8)
            try bytes.withUnsafeBufferPointer { buffer in
                gate.scan(buffer, 0..<buffer.count, into: &possible, ends: &ends)
                for (index, matcher) in matchers.enumerated() where LiteralGate.allows(index, possible) {
                    guard let limit = LiteralGate.limit(index, ends) else { continue }
                    var all: [Range<Int>] = [], bounded: [Range<Int>] = []
                    try matcher.forEachMatch(in: buffer) { all.append($0.range) }
                    try matcher.forEachMatch(in: buffer, limit: limit) { bounded.append($0.range) }
                    if limit < buffer.count - 1 { limited += 1 }
                    XCTAssertEqual(all, bounded, "\(patterns[index].id) in \"\(text)\" with its offset limit \(limit)")
                }
            }
        }
        XCTAssertGreaterThan(limited, 1_000, "the check exercised limits short of the text's end")
    }
}
