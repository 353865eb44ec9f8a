import Foundation
import XCTest
@testable import Claims

final class DocumentTests: XCTestCase {
    private func document(_ text: String) -> Document { Document(path: "a.txt", text: text) }

    func testDatePrefixOnItsOwnLine() {
        let doc = document("date 2021-03-08\nPolice said 500 marched.")
        XCTAssertEqual(doc.prefixDate, "2021-03-08")
        XCTAssertEqual(doc.bodyStart, 16)
    }

    func testDatePrefixWithLeadingWhitespaceAndTheFirstSentenceOnTheSameLine() {
        let doc = document(" \n\t date 2020-08-16 At least 100,000 people gathered.")
        XCTAssertEqual(doc.prefixDate, "2020-08-16")
        XCTAssertEqual(doc.bodyStart, 20)
        XCTAssertEqual(doc.text(doc.bodyStart..<doc.bodyStart + 8), "At least")
    }

    func testDatePrefixAlone() {
        let doc = document("date 2021-03-08")
        XCTAssertEqual(doc.prefixDate, "2021-03-08")
        XCTAssertEqual(doc.bodyStart, 15)
    }

    func testDateKeywordIsCaseInsensitive() {
        XCTAssertEqual(document("DATE 2021-03-08 x").prefixDate, "2021-03-08")
    }

    func testNotADatePrefix() {
        for text in ["dated 2021-03-08 x", "date 2021-02-29 x", "date 2021-03-08x", "date: 2021-03-08 x",
                     "x date 2021-03-08", "date 21-03-08 x", "date", ""] {
            let doc = document(text)
            XCTAssertNil(doc.prefixDate, text)
            XCTAssertEqual(doc.bodyStart, 0, text)
        }
    }

    func testPositionsCountCharactersNotBytes() {
        let doc = document("héllo\nwörld ok")
        XCTAssertEqual(doc.lineCount, 2)
        XCTAssertTrue(doc.position(of: 0) == (1, 1))
        XCTAssertTrue(doc.position(of: 3) == (1, 3), "after the two-byte é")
        XCTAssertTrue(doc.position(of: 6) == (1, 6), "the newline itself")
        XCTAssertTrue(doc.position(of: 7) == (2, 1))
        XCTAssertTrue(doc.position(of: 14) == (2, 7), "\"ok\": 6 characters, 7 bytes into the line")
        XCTAssertTrue(doc.position(of: 99) == (2, 9), "past the end clamps to the end")
    }

    func testPositionsWithFourByteCharacters() {
        let doc = document("🙂🙂 x\n\ny")
        XCTAssertTrue(doc.position(of: 9) == (1, 4))
        XCTAssertTrue(doc.position(of: 12) == (3, 1))
    }

    func testLines() {
        let doc = document("héllo\r\nwörld\n\nlast")
        XCTAssertEqual(doc.lineCount, 4)
        XCTAssertEqual(doc.line(1), "héllo", "a CR before the LF is dropped")
        XCTAssertEqual(doc.line(2), "wörld")
        XCTAssertEqual(doc.line(3), "")
        XCTAssertEqual(doc.line(4), "last")
        XCTAssertEqual(doc.line(0), "")
        XCTAssertEqual(doc.line(5), "")
        let trailing = document("a\n")
        XCTAssertEqual(trailing.lineCount, 2)
        XCTAssertEqual(trailing.line(2), "")
    }

    func testInvalidUTF8() {
        let doc = Document(path: "bad.txt", bytes: [0x61, 0x0A, 0x62, 0xFF, 0x63])
        XCTAssertEqual(doc.firstInvalidUTF8, 3)
        XCTAssertTrue(doc.position(of: 3) == (2, 2))
        XCTAssertEqual(doc.text(2..<5), "b\u{FFFD}c")
        XCTAssertEqual(doc.line(2), "b\u{FFFD}c")
        XCTAssertNil(document("héllo €𝄞").firstInvalidUTF8)
        XCTAssertEqual(Document(path: "", bytes: [0x61, 0xE2, 0x82]).firstInvalidUTF8, 1, "truncated at the end")
        XCTAssertEqual(Document(path: "", bytes: [0x61, 0xE2, 0x28, 0xA1]).firstInvalidUTF8, 1, "bad continuation")
        XCTAssertEqual(Document(path: "", bytes: [0xC0, 0x80]).firstInvalidUTF8, 0, "overlong")
        XCTAssertEqual(Document(path: "", bytes: [0x20, 0xF5, 0x80, 0x80, 0x80]).firstInvalidUTF8, 1)
        XCTAssertEqual(Document(path: "", bytes: [0x80]).firstInvalidUTF8, 0, "a lone continuation byte")
    }

    func testExtractorWarnsAboutInvalidUTF8AndReadsOn() {
        let bytes = Array("Police said\n".utf8) + [0xFF] + Array(" about 3,000 people marched in Portbury.".utf8)
        let (claims, diagnostics) = Extractor(rules: Shipped.rules).extract(Document(path: "bad.txt", bytes: bytes))
        XCTAssertEqual(diagnostics.map(\.description), [
            "bad.txt:2:1: warning: invalid UTF-8 (byte offset 12); shown as U+FFFD, the text around it is still read",
        ])
        XCTAssertEqual(claims.map(\.quote), ["about 3,000 people"])
    }

    func testTextClampsItsRange() {
        let doc = document("abc")
        XCTAssertEqual(doc.text(1..<10), "bc")
        XCTAssertEqual(doc.text(5..<10), "")
    }

    func testLooksBinary() {
        XCTAssertTrue(Document(path: "", bytes: [0x61, 0x00, 0x62]).looksBinary)
        XCTAssertFalse(document("plain text").looksBinary)
        XCTAssertFalse(Document(path: "", bytes: Array(repeating: 0x61, count: 8192) + [0x00]).looksBinary,
                       "only the first 8 KiB are looked at")
    }

    func testInputCollectorSkipsBinaryFiles() throws {
        let directory = try temporaryDirectory(self)
        let path = directory.appendingPathComponent("bin.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data([0x61, 0x00])))
        guard case .failure(let diagnostic) = InputCollector.read(path) else { return XCTFail("read a binary file") }
        XCTAssertEqual(diagnostic.description, "\(path): error: binary file skipped (it contains NUL bytes)")
    }

    func testUTF8ByteOrderMarkIsDroppedBeforeTheDatePrefix() {
        let doc = Document(path: "a.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("date 2021-03-08 Police said 500.".utf8))
        XCTAssertEqual(doc.prefixDate, "2021-03-08")
        XCTAssertNil(doc.convertedFrom)
        XCTAssertEqual(doc.bodyStart, 16)
        XCTAssertEqual(doc.position(of: doc.bodyStart).column, 17)
    }

    func testUTF16IsConvertedAndKeepsCharacterColumns() {
        let text = "Caf\u{E9} \u{1F600}\nPolice said 500."
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let doc = Document(path: "a.txt", bytes: little)
        XCTAssertEqual(doc.convertedFrom, "UTF-16LE")
        XCTAssertEqual(doc.bytes, Array(text.utf8))
        XCTAssertFalse(doc.looksBinary)
        // An odd trailing byte and an unpaired surrogate show as U+FFFD.
        let broken = Document(path: "b.txt", bytes: [0xFE, 0xFF, 0xD8, 0x00, 0x00, 0x41, 0x42])
        XCTAssertEqual(broken.convertedFrom, "UTF-16BE")
        XCTAssertEqual(broken.text(0..<broken.bytes.count), "\u{FFFD}A\u{FFFD}")
    }

    func testLoneCarriageReturnIsALineBreakAndCRLFStaysOne() {
        let doc = document("one\rtwo\r\nthree\r")
        XCTAssertEqual(doc.lineCount, 4)
        XCTAssertEqual(doc.position(of: 4).line, 2)
        XCTAssertEqual(doc.position(of: 9).line, 3)
        XCTAssertEqual((1...3).map(doc.line), ["one", "two", "three"])
        XCTAssertEqual(doc.bytes.count, 15)
    }
}
