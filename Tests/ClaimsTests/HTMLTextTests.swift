@testable import Claims
import XCTest

final class HTMLTextTests: XCTestCase {
    private func text(_ html: String) -> String {
        String(decoding: HTMLText(Array(html.utf8)).text, as: UTF8.self)
    }

    func testTagsEntitiesAndSkippedElements() {
        XCTAssertEqual(text("<p>Police said <b>12,000</b> people</p><p>Next &amp; last&nbsp;one &#8217;&#x2019; &bogus; a < b</p>"),
                       "Police said 12,000 people\n\nNext & last one ’’ &bogus; a < b\n\n")
        XCTAssertEqual(text("<head><title>T</title></head><script>var a = '<p>5,000</p>';</script><style>p{}</style>x<br>y<!-- note -->z"),
                       "x\nyz")
        XCTAssertEqual(text("<p>one\ntwo</p>\n<div><p>three</p></div>"), "one two\n\n \n\nthree\n\n",
                       "source newlines are spaces; block tags break paragraphs")
        XCTAssertEqual(text("<a href=\"x>y\" title='>'>link</a>"), "link", "a '>' inside a quoted attribute does not end the tag")
        XCTAssertEqual(text("<script>never closed"), "")
    }

    func testPositionsPointIntoTheFile() {
        let html = "<html><body>\n<h1>Crowds&nbsp;march</h1>\n<p>Police said <b>12,000</b> people</p>\n</body></html>\n"
        let document = Document(path: "a.html", bytes: Array(html.utf8), html: true)
        let readable = String(decoding: document.bytes, as: UTF8.self)
        let offset = readable.utf8.distance(from: readable.utf8.startIndex, to: readable.range(of: "12,000")!.lowerBound)
        XCTAssertEqual(document.position(of: offset).line, 3)
        XCTAssertEqual(document.position(of: offset).column, 19)
        let march = readable.utf8.distance(from: readable.utf8.startIndex, to: readable.range(of: "march")!.lowerBound)
        XCTAssertEqual(document.position(of: march).line, 2)
        XCTAssertEqual(document.position(of: march).column, 17, "after the six bytes of &nbsp;")
        XCTAssertEqual(document.line(3), "<p>Police said <b>12,000</b> people</p>", "lines are the file's")
        XCTAssertTrue(Document.isHTML(path: "x/a.HTM"))
        XCTAssertFalse(Document.isHTML(path: "x.html/a.txt"))
    }
}
