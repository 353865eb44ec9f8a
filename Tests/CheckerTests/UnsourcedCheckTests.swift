import Claims
import XCTest
@testable import Checker

final class UnsourcedCheckTests: XCTestCase {
    func testNamedAnonymousAndMissingSources() {
        let missing = claim("arrests", Interval(low: 500, high: nil, lowInclusive: false), line: 1)
        let named = claim("arrests", exact(500), source: "the rights group Lantern", line: 2)
        let anonymous = claim(Interval(low: 5000, high: 8000), anonymous: "estimates ranged", line: 3)
        let findings = UnsourcedCheck().run([anonymous, named, missing], options: CheckOptions())
        XCTAssertEqual(findings.map(\.message), [
            "arrests figure (500, ∞) people has no named source",
            "crowd figure [5000, 8000] people is attributed only anonymously (\"estimates ranged\")",
        ])
        XCTAssertEqual(findings.map(\.severity), [.warning, .warning])
        XCTAssertEqual(findings.map { $0.claims.map(\.line) }, [[1], [3]])
    }
}
