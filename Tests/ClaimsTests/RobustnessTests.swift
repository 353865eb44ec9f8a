import XCTest
@testable import Claims

/// Whatever bytes arrive, extraction returns (no trap, no hang) and positions stay inside
/// the document. A cheap stand-in for fuzzing that runs on every `swift test`.
final class RobustnessTests: XCTestCase {
    static let rules: RuleSet = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return RuleLoader(directories: [root.appendingPathComponent("Rules").path]).load().0
    }()

    /// A fixed-seed generator so a failure reproduces.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func testRandomMutationsOfNewsTextNeverTrap() {
        let extractor = Extractor(rules: Self.rules)
        let seedText = Array("""
        date 2021-03-08 At least 100,000 people marched in Valmont on Saturday, organisers said. \
        Police put the figure at 8,000. Ms Arden won 54% of the vote and Mr Dorsey 51%. \
        The convoy stopped 40 km from the border. More than 500 people were arrested. \u{201C}Quote\u{201D} é ü 9.9%.
        """.utf8)
        let pieces: [[UInt8]] = [[0xFF], [0xC3], [0xE2, 0x80], [0x0A], [0x0A, 0x0A], Array("1,000,000,000,000".utf8),
                                 Array(" between ".utf8), Array(" tens of thousands of ".utf8), Array("%".utf8), [0x2E]]
        var random = SplitMix(state: 42)
        for _ in 0..<300 {
            var bytes = seedText
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                let position = Int.random(in: 0...bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes.insert(contentsOf: pieces.randomElement(using: &random)!, at: position)
                case 1: if position < bytes.count { bytes.remove(at: position) }
                default: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
                }
            }
            let document = Document(path: "fuzz", bytes: bytes)
            let (claims, _) = extractor.extract(document)
            for claim in claims {
                XCTAssertTrue(0 <= claim.start && claim.start < claim.end && claim.end <= bytes.count)
                XCTAssertGreaterThanOrEqual(claim.line, 1)
                XCTAssertGreaterThanOrEqual(claim.column, 1)
            }
        }
    }

    func testPathologicalInputsReturn() {
        let extractor = Extractor(rules: Self.rules)
        let inputs: [[UInt8]] = [
            [],
            Array(repeating: 0x20, count: 100_000),
            Array(String(repeating: "1,", count: 20_000).utf8),
            Array(String(repeating: "at least ", count: 5_000).utf8) + Array("5 people gathered".utf8),
            Array(String(repeating: "A. ", count: 20_000).utf8),
            Array(repeating: 0xFF, count: 10_000),
            Array("date 2021-02-29 About 300 people marched.".utf8),
        ]
        for bytes in inputs {
            _ = extractor.extract(Document(path: "edge", bytes: bytes))
        }
        let invalidDate = extractor.extract(Document(path: "edge", bytes: inputs.last!)).claims
        XCTAssertEqual(invalidDate.map(\.quote), ["About 300 people"])
        XCTAssertNil(invalidDate.first?.context.date, "2021-02-29 is not a date, so it is not the article date")
    }
}
