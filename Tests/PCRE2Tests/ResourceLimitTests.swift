import Foundation
import PCRE2
import XCTest

final class ResourceLimitTests: XCTestCase {
    private let catastrophic = "(a+)+$"
    private var subject: String { String(repeating: "a", count: 40) + "b" }

    func testSmallMatchLimitThrowsAResourceLimitError() throws {
        let regex = try Regex(catastrophic, limits: Regex.Limits(match: 10_000, depth: 1000))
        XCTAssertEqual(regex.limits.match, 10_000)
        XCTAssertEqual(regex.limits.depth, 1000)
        let started = Date()
        XCTAssertThrowsError(try regex.matches(subject)) { error in
            guard let error = error as? PCRE2Error else { return XCTFail("not a PCRE2Error: \(error)") }
            XCTAssertTrue(error.isResourceLimit, "\(error.code): \(error.message)")
            XCTAssertNil(error.offset)
            XCTAssertTrue(error.message.contains("limit"), error.message)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testForEachMatchThrowsTooAndStops() throws {
        let regex = try Regex(catastrophic, limits: Regex.Limits(match: 10_000, depth: 1000))
        XCTAssertThrowsError(try allMatches(regex, in: subject)) { error in
            XCTAssertEqual((error as? PCRE2Error)?.isResourceLimit, true)
        }
    }

    func testSameLimitsAllowAnOrdinaryMatch() throws {
        let regex = try Regex(catastrophic, limits: Regex.Limits(match: 10_000, depth: 1000))
        XCTAssertTrue(try regex.matches(String(repeating: "a", count: 40)))
    }

    func testResourceLimitCodes() {
        // PCRE2_ERROR_MATCHLIMIT -47, DEPTHLIMIT -53, HEAPLIMIT -63, JIT_STACKLIMIT -46.
        for code: Int32 in [-47, -53, -63, -46] {
            XCTAssertTrue(PCRE2Error(code: code).isResourceLimit, "\(code)")
        }
        XCTAssertFalse(PCRE2Error(code: -1).isResourceLimit)  // no match
        XCTAssertFalse(PCRE2Error(code: 114).isResourceLimit)  // a compile error
    }
}
