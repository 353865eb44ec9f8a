import Foundation
import XCTest
@testable import Claims

/// End to end on the seed article (AP, Minsk protests, 16 August 2020) with the shipped rules.
final class SeedArticleTests: XCTestCase {
    private func seedClaims() throws -> (Document, [Claim], [Diagnostic]) {
        let path = packageRoot.appendingPathComponent("seeds/000_f7d28e7ffc9ee51f.txt").path
        let data = try XCTUnwrap(FileManager.default.contents(atPath: path), "missing \(path)")
        let document = Document(path: "seed.txt", bytes: [UInt8](data))
        let (claims, diagnostics) = Extractor(rules: Shipped.rules).extract(document)
        return (document, claims, diagnostics)
    }

    func testTheDatePrefixIsRead() throws {
        let (document, _, diagnostics) = try seedClaims()
        XCTAssertEqual(document.prefixDate, "2020-08-16")
        XCTAssertEqual(diagnostics, [])
        XCTAssertFalse(document.looksBinary)
        XCTAssertNil(document.firstInvalidUTF8)
    }

    func testExactClaims() throws {
        let (_, claims, _) = try seedClaims()
        XCTAssertEqual(claims.map { Summary($0) }, [
            Summary("crowd", "At least 100,000 people", "[100000, ∞)", place: "Minsk"),
            Summary("crowd", "from 100,000 to 200,000 people", "[100000, 200000]", place: "Minsk"),
            Summary("crowd", "thousands of supporters", "~[1000, 40000]", place: "Minsk", group: "supporters"),
            Summary("distance", "15 miles from Belarus’ borders", "24140.16", place: "Belarus", group: "belarus’ borders",
                    source: "Lukashenko"),
            Summary("vote_share", "more than 80% of the votes", "(80, 100]", place: "Minsk", group: "Lukashenko",
                    source: "election officials"),
            Summary("vote_share", "with about 9.9%", "~9.9", place: "Minsk", group: "Tsikhanouskaya",
                    source: "election officials"),
            Summary("crowd", "about 1,000 people", "~1000", place: "Prague"),
        ])
    }

    func testPositionsRulesAndDates() throws {
        let (_, claims, _) = try seedClaims()
        XCTAssertEqual(claims.map { "\($0.line):\($0.column)" }, ["1:18", "3:18", "7:12", "9:170", "11:181", "11:263", "25:19"])
        XCTAssertEqual(claims.map(\.rule), [
            "crowd.count", "crowd.range", "crowd.count", "distance.from-landmark",
            "vote_share.of-the-vote", "vote_share.with", "crowd.count",
        ])
        XCTAssertEqual(claims.map(\.context.date), [
            "2020-08-16", "2020-08-16", "2020-08-16", "2020-08-16", "2020-08-09", "2020-08-09", "2020-08-16",
        ])
        XCTAssertEqual(claims.map(\.unit), ["people", "people", "people", "m", "percent", "percent", "people"])
    }

    func testTheRangeIsAttributedAnonymously() throws {
        let (_, claims, _) = try seedClaims()
        XCTAssertEqual(claims[1].attribution, Attribution(kind: .anonymous, text: "Estimates ranged", rule: "source.anonymous"))
        XCTAssertEqual(claims[1].context.inherited, ["place", "date"])
    }

    func testQuotesAreTheBytesAtTheirOffsets() throws {
        let (document, claims, _) = try seedClaims()
        for claim in claims {
            XCTAssertEqual(document.text(claim.start..<claim.end), claim.quote)
            XCTAssertTrue(claim.sentence.contains(claim.quote))
            XCTAssertEqual(document.text(claim.sentenceStart..<claim.sentenceStart + claim.sentence.utf8.count), claim.sentence)
        }
    }

    func testThePipelineGivesTheSameClaims() throws {
        let path = packageRoot.appendingPathComponent("seeds/000_f7d28e7ffc9ee51f.txt").path
        let results = ExtractionPipeline(rules: Shipped.rules, workers: 2).run(paths: [path, path + ".missing"])
        XCTAssertEqual(results.count, 2)
        XCTAssertEqual(results[0].claims.map(\.quote), try seedClaims().1.map(\.quote))
        XCTAssertEqual(results[1].diagnostics.map(\.description), ["\(path).missing: error: no such file"])
    }
}
