import Foundation
import Reporters
import Testing

@Suite struct JSONTests {
    @Test func numbersAreStable() {
        #expect(JSON.format(number: 3) == "3")
        #expect(JSON.format(number: -0.0) == "0")
        #expect(JSON.format(number: -42) == "-42")
        #expect(JSON.format(number: 24140.16) == "24140.16")
        #expect(JSON.format(number: 0.1) == "0.1")
        #expect(JSON.format(number: 2.5e-5) == "2.5e-05")
        #expect(JSON.format(number: 1e16) == "10000000000000000")
        #expect(JSON.format(number: 1e20) == "1e+20")
        #expect(JSON.format(number: .infinity) == "null")
        #expect(JSON.format(number: -.infinity) == "null")
        #expect(JSON.format(number: .nan) == "null")
    }

    @Test func stringsAreEscaped() {
        #expect(JSON.quote("plain") == #""plain""#)
        #expect(JSON.quote("a\"b\\c/d") == #""a\"b\\c/d""#)
        #expect(JSON.quote("l1\nl2\r\tx") == #""l1\nl2\r\tx""#)
        #expect(JSON.quote("\u{0}\u{1}\u{8}\u{C}\u{1B}\u{1F}\u{7F}") == #""\u0000\u0001\u0008\u000c\u001b\u001f\u007f""#)
        #expect(JSON.quote("é € 😀 «Zürich»") == "\"é € 😀 «Zürich»\"")
        #expect(JSON.quote("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
    }

    @Test func compactKeepsKeyOrderAndNulls() {
        let value: JSON = ["z": 1, "a": [true, false, nil], "m": ["inner": "x"], "e": [], "o": [:]]
        #expect(value.serialized() == #"{"z":1,"a":[true,false,null],"m":{"inner":"x"},"e":[],"o":{}}"#)
    }

    @Test func prettyUsesTwoSpaces() {
        let value: JSON = ["version": 1, "list": [1.5, "two"], "empty": [], "nested": ["k": nil]]
        let expected = """
        {
          "version": 1,
          "list": [
            1.5,
            "two"
          ],
          "empty": [],
          "nested": {
            "k": null
          }
        }
        """
        #expect(value.serialized(pretty: true) == expected)
    }

    @Test func outputParsesAsJSON() throws {
        let value: JSON = ["text": .string("ctl \u{1} \u{2028} \"q\" é"), "n": .number(24140.16), "inf": .number(.infinity)]
        let parsed = try JSONSerialization.jsonObject(with: Data(value.serialized().utf8)) as? [String: Any]
        #expect(parsed?["text"] as? String == "ctl \u{1} \u{2028} \"q\" é")
        #expect(parsed?["n"] as? Double == 24140.16)
        #expect(parsed?["inf"] is NSNull)
    }

    /// A streamed object reads exactly like the same object made whole, empty arrays and
    /// pieces of more than 64 KB included.
    @Test func streamedObjectMatchesTheTree() {
        let element = { (index: Int) -> JSON in ["n": JSON(index), "text": .string(String(repeating: "é", count: index % 50))] }
        let count = 3_000
        let tree: JSON = ["version": 1, "items": .array((0..<count).map(element)), "none": .array([])]
        var pieces: [String] = []
        JSON.writeObject(pretty: true, [("version", .value(1)), ("items", .elements(count: count, element: element)),
                                        ("none", .elements(count: 0, element: element))]) { pieces.append($0) }
        #expect(pieces.count > 1)
        #expect(pieces.joined() == tree.serialized(pretty: true) + "\n")
        #expect(JSON.serializedObject(pretty: false, [("a", .elements(count: 2) { JSON($0) })]) == "{\"a\":[0,1]}\n")
    }
}
