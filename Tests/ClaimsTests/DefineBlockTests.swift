import Foundation
import XCTest
@testable import Claims

/// A pattern is compiled with only the fragments it calls, directly or through others.
final class DefineBlockTests: XCTestCase {
    func testOnlyCalledFragmentsAreDefined() {
        let fragments = [(name: "a", pattern: "x(?&b)"), (name: "b", pattern: "y"), (name: "c", pattern: "z")]
        XCTAssertEqual(Fragments.calls(in: "(?&a)|(?&zz)"), ["a", "zz"])
        XCTAssertEqual(Fragments.defineBlock(fragments, calledFrom: "q(?&a)"), "(?(DEFINE)(?<a>x(?&b)\n)(?<b>y\n))")
        XCTAssertEqual(Fragments.defineBlock(fragments, calledFrom: "plain"), "")
    }
}
