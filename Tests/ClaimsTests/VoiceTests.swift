import Foundation
import XCTest
@testable import Claims

/// A source's voice comes from the lexicon: possessive endings and joining words.
final class VoiceTests: XCTestCase {
    func testVoicesUseTheLexicon() {
        let normalizer = ContextNormalizer(lexicon: Shipped.lexicon)
        XCTAssertEqual(normalizer.voice("the city electoral commission"), "commission")
        XCTAssertEqual(normalizer.voice("An FDNY spokesman"), "fdny spokesman")
        XCTAssertEqual(normalizer.voice("an NYPD spokesman"), "nypd spokesman")
        XCTAssertEqual(normalizer.voice("the spokesman"), "spokesman")
        XCTAssertEqual(normalizer.voice("POLICE SPOKESMAN"), "spokesman")
        XCTAssertEqual(normalizer.voice("the U.N. agency"), "u.n agency")
        XCTAssertEqual(normalizer.voice("Marek’s office"), "office")
        XCTAssertEqual(normalizer.voice("the organisers'"), "organisers")
        XCTAssertEqual(normalizer.voice("monitors and state media"), "monitors and state media")
        XCTAssertEqual(Attribution(kind: .anonymous, text: "estimates ranged", rule: "r").voice, "anonymous")
    }
}
