import PCRE2
import XCTest

final class CompileErrorTests: XCTestCase {
    func testMissingParenthesisCarriesMessageAndOffset() {
        XCTAssertThrowsError(try Regex("a(b")) { error in
            guard let error = error as? PCRE2Error else { return XCTFail("not a PCRE2Error: \(error)") }
            XCTAssertEqual(error.offset, 3)
            XCTAssertTrue(error.message.contains("missing closing parenthesis"), error.message)
            XCTAssertEqual(error.description, "\(error.message) at offset 3")
            XCTAssertFalse(error.isResourceLimit)
            XCTAssertLessThan(error.code, 0 + 200, "compile error codes are positive and small")
            XCTAssertGreaterThan(error.code, 100)
        }
    }

    func testOffsetPointsInsideThePattern() {
        // "nothing to repeat": the second quantifier at byte 2.
        XCTAssertThrowsError(try Regex("a**b")) { error in
            guard let error = error as? PCRE2Error else { return XCTFail("\(error)") }
            XCTAssertEqual(error.offset, 2)
            XCTAssertTrue(error.message.contains("quantifier does not follow a repeatable item"), error.message)
        }
    }

    func testOffsetIsInBytesNotCharacters() {
        // "é" is two bytes, so the unclosed group is reported at byte 4, not character 3.
        XCTAssertThrowsError(try Regex("é(b")) { error in
            XCTAssertEqual((error as? PCRE2Error)?.offset, 4)
        }
    }

    func testUnknownSubroutineIsAnError() {
        XCTAssertThrowsError(try Regex(#"(?&nope)\d"#)) { error in
            guard let error = error as? PCRE2Error else { return XCTFail("\(error)") }
            XCTAssertTrue(error.message.contains("non-existent subpattern"), error.message)
            XCTAssertNotNil(error.offset)
        }
    }

    func testDuplicateNamesNeedDupnames() {
        let pattern = "(?<n>a)|(?<n>b)"
        XCTAssertThrowsError(try Regex(pattern)) { error in
            guard let error = error as? PCRE2Error else { return XCTFail("\(error)") }
            XCTAssertTrue(error.message.contains("same name"), error.message)
        }
        XCTAssertNoThrow(try Regex(pattern, options: [.utf, .dupnames]))
    }

    func testErrorsAreEquatableByCodeAndOffset() {
        let first = PCRE2Error(code: 114, offset: 3)
        XCTAssertEqual(first, PCRE2Error(code: 114, offset: 3))
        XCTAssertNotEqual(first, PCRE2Error(code: 114, offset: 4))
        XCTAssertEqual(PCRE2Error(code: 114).description, PCRE2Error(code: 114).message)
    }

    func testUnknownCodeStillHasAMessage() {
        XCTAssertFalse(PCRE2Error(code: -9999).message.isEmpty)
    }
}
