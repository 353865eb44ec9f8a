import Claims
import XCTest
@testable import Checker

/// The sweep must give exactly the findings of comparing every pair, and stay fast when one
/// key holds thousands of claims.
final class ConflictScaleTests: XCTestCase {
    let options = CheckOptions(tolerance: 0.1)

    /// 20,000 articles, one claim each, all about one march, alternating two rival figures:
    /// pairwise this took 109 s. Every claim after the first contradicts the one before it.
    func testTwentyThousandClaimsInOneKey() {
        let claims = (0..<20_000).map { index in
            claim(exact(index % 2 == 0 ? 1_000 : 50_000), quote: "figure \(index)", place: "Valmont",
                  date: "2021-03-06", source: "organisers", file: String(format: "a%05d.md", index), line: 1)
        }
        var uncapped = ConflictCheck()
        uncapped.maxFindingsPerKey = .max
        let all = uncapped.run(claims, options: options)
        XCTAssertEqual(all.count, 19_999)
        XCTAssertEqual(all.first?.claims.map(\.file), ["a00000.md", "a00001.md"])

        let findings = ConflictCheck().run(claims, options: options)
        XCTAssertEqual(findings.count, 201, "the 200 widest pairs and one count of the rest")
        XCTAssertTrue(findings.last!.message.hasPrefix("19799 more conflicting pairs not listed (19999 in all, the 200 widest shown)"),
                      findings.last!.message)
        XCTAssertEqual(Set(findings.map(\.fingerprint)).count, 201)
    }

    /// Thousands of mutually conflicting voices in one article: still one finding per voice
    /// a claim contradicts, computed without comparing every pair.
    func testManyVoicesInOneArticle() {
        let claims = (0..<3_000).map { index in
            claim(exact(Double(index % 3) * 10_000 + 1_000), quote: "q\(index)", place: "Valmont",
                  source: "voice\(index % 3)", file: "a.md", line: index + 1)
        }
        var uncapped = ConflictCheck()
        uncapped.maxFindingsPerKey = .max
        // Claim i contradicts the first claim of each other voice already seen: 2 from i = 2 on.
        XCTAssertEqual(uncapped.run(claims, options: options).count, 1 + 2 * 2_998)
    }

    /// Random claims over a few keys, files and voices, with revisions, overlapping quotes,
    /// vague values and article dates: identical to the pairwise reference.
    func testSameFindingsAsPairwiseComparison() {
        var generator = SplitMix(seed: 7)
        for round in 0..<200 {
            var claims: [Claim] = []
            let count = Int(generator.next() % 40) + 1
            for index in 0..<count {
                let low = Double(generator.next() % 6) * 500
                let value: Interval
                switch generator.next() % 5 {
                case 0: value = Interval(low: low, high: nil)
                case 1: value = Interval(low: low, high: low + Double(generator.next() % 3) * 400)
                case 2: value = about(low)
                case 3:
                    var vague = Interval(low: low, high: low * 10)
                    vague.vague = true
                    value = vague
                default: value = exact(low)
                }
                let file = "f\(generator.next() % 3).md"
                let start = Int(generator.next() % 12) * 10
                var made = claim(value, quote: "q\(index)xxxxxxxxxxxx", place: generator.next() % 4 == 0 ? "Lindale" : "Valmont",
                                 date: ["2021-03-06", "2021-03-07", "2021-03-08"][Int(generator.next() % 3)],
                                 source: ["police", "organisers", nil][Int(generator.next() % 3)],
                                 file: file, line: start / 10 + 1, start: start)
                made.articleDated = generator.next() % 4 == 0
                if generator.next() % 4 == 0, let target = claims.filter({ $0.file == file }).last {
                    made.revises = target.start..<target.end
                }
                claims.append(made)
            }
            let expected = pairwise(claims)
            var uncapped = ConflictCheck()
            uncapped.maxFindingsPerKey = .max
            XCTAssertEqual(uncapped.run(claims, options: options), expected, "round \(round)")
            if expected.count <= 200 { XCTAssertEqual(ConflictCheck().run(claims, options: options), expected) }
        }
    }

    /// The pre-sweep algorithm, kept as the reference.
    private func pairwise(_ claims: [Claim]) -> [Finding] {
        let check = ConflictCheck()
        let tolerance = options.tolerance
        let groups = Dictionary(grouping: claims.filter(\.comparable), by: { ComparisonKey($0) })
        let replaced = ConflictCheck.replaced(claims)
        var findings: [Finding] = []
        var reported = Set<Claim>()
        var inFile: [(earlier: Claim, later: Claim)] = []
        func rivals(of claim: Claim) -> [Claim] {
            inFile.compactMap { $0.earlier == claim ? $0.later : $0.later == claim ? $0.earlier : nil }
        }
        func repeated(_ own: Claim, _ other: Claim) -> Bool {
            rivals(of: own).contains { $0.voice == other.voice && !check.conflicts($0, other, tolerance: tolerance) }
        }
        func repeats(_ a: Claim, _ b: Claim) -> Bool { repeated(a, b) || repeated(b, a) }
        for key in groups.keys.sorted() {
            let group = groups[key]!.sorted(by: Claim.positionOrder)
            var pairs: [(earlier: Claim, later: Claim)] = []
            for j in group.indices.dropFirst() {
                let later = group[j]
                let candidates = group[..<j].filter { earlier in
                    if earlier.overlapsText(of: later) { return false }
                    if check.revises(later, earlier) { return check.differs(earlier, later, tolerance: tolerance) }
                    return !check.sameVoice(earlier, later) && check.conflicts(earlier, later, tolerance: tolerance)
                }
                let own = candidates.filter { $0.file == later.file }
                var voices = Set<String>()
                for earlier in own where voices.insert(earlier.voice).inserted { pairs.append((earlier, later)) }
                var otherVoices = Set<String>()
                for other in candidates.filter({ $0.file != later.file }).prefix(ConflictCheck.otherArticleHits)
                where !replaced.contains(later) && !replaced.contains(other) && otherVoices.insert(other.voice).inserted {
                    pairs.append((other, later))
                }
            }
            // A pair across articles that one article already reports, with the other's figure
            // in the same voice set against the same claim, is dropped.
            inFile += pairs.filter { $0.earlier.file == $0.later.file }
            for pair in pairs where pair.earlier.file == pair.later.file || !repeats(pair.earlier, pair.later) {
                findings.append(check.finding(pair.earlier, pair.later, options: options))
                reported.insert(pair.later)
            }
        }
        for key in groups.keys.sorted() where key.scope.isEmpty {
            for later in groups[key]!.sorted(by: Claim.positionOrder) where later.articleDated && !reported.contains(later) && !replaced.contains(later) {
                guard let day = later.context.date.flatMap(CalendarDate.init(iso:)) else { continue }
                var voices = Set<String>()
                for back in 1...ConflictCheck.articleDateWindow {
                    var other = key
                    other.date = ComparisonKey.normalize(day.adding(days: -back).description)
                    let conflicting = (groups[other] ?? []).sorted(by: Claim.positionOrder).filter { earlier in
                        earlier.file != later.file && !replaced.contains(earlier) && !earlier.articleDated
                            && check.conflicts(earlier, later, tolerance: tolerance)
                    }
                    for earlier in conflicting.prefix(ConflictCheck.otherArticleHits) where voices.insert(earlier.voice).inserted
                        && !repeats(earlier, later) {
                        findings.append(check.finding(earlier, later, options: options))
                    }
                }
            }
        }
        // Revisions the key sweep does not pair: of a figure with another key, or of a later one.
        let ordered = claims.filter(\.comparable).sorted(by: Claim.positionOrder)
        for later in ordered where later.revises != nil {
            for earlier in ordered where earlier.file == later.file && earlier.start..<earlier.end == later.revises {
                guard earlier.value.vague == later.value.vague, !earlier.overlapsText(of: later) else { continue }
                if Claim.positionOrder(earlier, later), ComparisonKey(earlier) == ComparisonKey(later) { continue }
                let made = check.finding(earlier, later, options: options)
                if check.differs(earlier, later, tolerance: tolerance), !findings.contains(where: { $0.fingerprint == made.fingerprint }) {
                    findings.append(made)
                }
            }
        }
        return findings
    }
}

/// A small deterministic generator, so a failing round can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
