import PCRE2
import XCTest

final class NamedGroupTests: XCTestCase {
    func testNamedGroupRanges() throws {
        let regex = try Regex(#"(?<low>\d+)-(?<high>\d+)"#)
        XCTAssertEqual(regex.groupNumbers, ["low": [1], "high": [2]])
        let found = try XCTUnwrap(firstMatch(regex, in: "from 10-20 km", groups: ["low", "high", "nope"]))
        XCTAssertEqual(found.0, 5..<10)
        XCTAssertEqual(found.1["low"], 5..<7)
        XCTAssertEqual(found.1["high"], 8..<10)
        XCTAssertEqual(found.1["nope"], .some(nil))
    }

    func testGroupsByNumber() throws {
        let regex = try Regex(#"(a)(x)?(b)"#)
        let matcher = Matcher(regex)
        let bytes = Array("zab".utf8)
        try bytes.withUnsafeBufferPointer { buffer in
            let match = try XCTUnwrap(try matcher.firstMatch(in: buffer, from: 0))
            XCTAssertEqual(match.range, 1..<3)
            XCTAssertEqual(match.range(ofGroup: 0), 1..<3)
            XCTAssertEqual(match.range(ofGroup: 1), 1..<2)
            XCTAssertNil(match.range(ofGroup: 2), "an optional group that did not take part is unset")
            XCTAssertEqual(match.range(ofGroup: 3), 2..<3)
            XCTAssertNil(match.range(ofGroup: 4))
            XCTAssertNil(match.range(ofGroup: -1))
        }
    }

    func testDuplicateNamesListEveryNumber() throws {
        let regex = try Regex("(?<value>a)|(?<value>b)|(?<other>c)", options: [.utf, .dupnames])
        XCTAssertEqual(regex.groupNumbers["value"], [1, 2])
        XCTAssertEqual(regex.groupNumbers["other"], [3])
        XCTAssertEqual(regex.captureCount, 3)
    }

    func testDuplicateNamesTakeTheAlternativeThatMatched() throws {
        let regex = try Regex(#"x(?<value>a+)|y(?<value>b+)"#, options: [.utf, .dupnames])
        XCTAssertEqual(try firstMatch(regex, in: "..xaa", groups: ["value"])?.1["value"], 3..<5)
        XCTAssertEqual(try firstMatch(regex, in: "..ybbb", groups: ["value"])?.1["value"], 3..<6)
    }

    func testFirstSetDuplicateGroupWins() throws {
        // Both groups take part; the lower-numbered one is reported.
        let regex = try Regex(#"(?<n>a)?(?<n>b)"#, options: [.utf, .dupnames])
        XCTAssertEqual(try firstMatch(regex, in: "ab", groups: ["n"])?.1["n"], 0..<1)
        // Only the second takes part.
        XCTAssertEqual(try firstMatch(regex, in: "b", groups: ["n"])?.1["n"], 0..<1)
        XCTAssertEqual(try firstMatch(regex, in: "xb", groups: ["n"])?.1["n"], 1..<2)
    }

    func testEmptyCaptureIsSetNotNil() throws {
        let regex = try Regex(#"a(?<e>x*)b"#)
        XCTAssertEqual(try firstMatch(regex, in: "ab", groups: ["e"])?.1["e"], 1..<1)
    }

    func testNamesInsideDefineBlockAreListed() throws {
        let regex = try Regex(#"(?<value>(?&num))(?(DEFINE)(?<num>\d+))"#)
        XCTAssertEqual(Set(regex.groupNumbers.keys), ["value", "num"])
        let found = try XCTUnwrap(firstMatch(regex, in: "n=42", groups: ["value", "num"]))
        XCTAssertEqual(found.1["value"], 2..<4)
        XCTAssertEqual(found.1["num"], .some(nil), "a subroutine call does not set the called group")
    }
}
