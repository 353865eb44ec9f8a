import Foundation
import PCRE2
import XCTest
@testable import Claims

/// Start filters skip only positions where no match starts: every shipped pattern with one
/// finds, on every rule example and every line of the fixture articles, the matches the same
/// pattern finds without it. (The fuzz target `rules` does the same for fuzzed rule files.)
final class StartFilterShippedRulesTests: XCTestCase {
    private var texts: [String] { Shipped.examplesAndFixtureLines }

    func testRulePatternsAndTheTriggerHaveFiltersAndSentenceTestsNone() {
        let rules = Shipped.rules
        let filtered = rules.claimRules.filter { $0.regex.starts != nil }.count + rules.contextRules.filter { $0.regex.starts != nil }.count
        // Most rules start with a number, a verb or a few words; some can start at any word.
        XCTAssertGreaterThan(filtered, 100)
        XCTAssertNotNil(rules.trigger.starts)
        XCTAssertTrue(rules.claimRules.allSatisfy { rule in (rule.prefilters + [rule.requires, rule.excludes].compactMap { $0 }).allSatisfy { $0.starts == nil } })
    }

    func testAFilteredPatternFindsWhatThePlainPatternFinds() throws {
        let texts = self.texts
        for regex in Shipped.rules.matchedPatterns where regex.starts != nil {
            let plain = try Regex(regex.pattern, options: regex.options, jit: false)
            let (with, without) = (Matcher(regex), Matcher(plain))
            for text in texts {
                try Array(text.utf8).withUnsafeBufferPointer { buffer in
                    XCTAssertEqual(try with.matches(in: buffer), try without.matches(in: buffer), "\(regex.starts!.summary) on \(text)")
                }
            }
        }
    }

    func testThePatternsTheRuleCacheReadsBackHaveTheirFilters() throws {
        let directory = NSTemporaryDirectory() + "claimcheck-start-filter-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = RuleCache(directory: directory)
        let rulesDirectory = packageRoot.appendingPathComponent("Rules").path
        _ = RuleLoader(directories: [rulesDirectory], cache: cache).load()
        let (warm, _) = RuleLoader(directories: [rulesDirectory], cache: cache).load()
        XCTAssertEqual(warm.matchedPatterns.map { $0.starts?.encoded ?? [] }, Shipped.rules.matchedPatterns.map { $0.starts?.encoded ?? [] })
    }
}
