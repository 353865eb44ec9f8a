/// The readable text of an HTML article, with a map back to the file's byte offsets so every
/// claim's line and column point into the original. Tags are dropped (block tags become a
/// paragraph break, `<br>` a line break), `script`, `style`, `template` and `head` are skipped
/// whole, comments are dropped, entities are decoded (`&nbsp;` and `&thinsp;` as plain spaces:
/// in HTML they only glue words or digit groups), and newlines inside text become spaces (HTML
/// does not break paragraphs there). One linear pass over the bytes.
public struct HTMLText: Sendable {
    public var text: [UInt8]
    /// Where runs of text start: (offset in `text`, offset in the file), increasing in both.
    public var anchors: [(text: Int, source: Int)]

    /// The file offset of a text offset.
    public func sourceOffset(of offset: Int) -> Int {
        var low = 0
        var high = anchors.count - 1
        guard high >= 0 else { return offset }
        while low < high {
            let mid = (low + high + 1) / 2
            if anchors[mid].text <= offset { low = mid } else { high = mid - 1 }
        }
        return anchors[low].source + (offset - anchors[low].text)
    }

    /// File extensions read as HTML.
    public static let extensions: Set<String> = ["html", "htm", "xhtml"]

    static let skipped: Set<String> = ["script", "style", "template", "head", "noscript", "svg"]
    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "blockquote", "section",
        "article", "header", "footer", "aside", "figure", "figcaption", "pre", "hr", "dl", "dt", "dd", "main", "nav",
        "title", "body", "form", "address", "caption",
    ]

    public init(_ html: [UInt8]) {
        var out: [UInt8] = []
        out.reserveCapacity(html.count)
        var anchors: [(text: Int, source: Int)] = [(0, 0)]
        var index = 0
        let count = html.count
        /// Text continues from `source` at the current output position.
        func anchor(_ source: Int) {
            if let last = anchors.last, last.source + (out.count - last.text) == source { return }
            if anchors.last?.text == out.count { anchors.removeLast() }
            anchors.append((out.count, source))
        }
        func paragraphBreak(at source: Int, lines: Int) {
            // Collapse repeated breaks: "</p><p>" is one paragraph break, not two.
            var trailing = 0
            while trailing < out.count, out[out.count - 1 - trailing] == 0x0A { trailing += 1 }
            guard !out.isEmpty, trailing < lines else { return }
            anchor(source)
            for _ in trailing..<lines { out.append(0x0A) }
        }
        while index < count {
            let byte = html[index]
            if byte == UInt8(ascii: "<"), let tag = HTMLText.tag(at: index, in: html) {
                if tag.isComment {
                    index = tag.end
                } else if HTMLText.skipped.contains(tag.name), !tag.isClosing, !tag.selfClosing {
                    paragraphBreak(at: index, lines: 2)
                    index = HTMLText.end(ofElement: tag.name, from: tag.end, in: html)
                } else if tag.name == "br" {
                    anchor(index)
                    out.append(0x0A)
                    index = tag.end
                } else {
                    if HTMLText.blocks.contains(tag.name) { paragraphBreak(at: index, lines: 2) }
                    index = tag.end
                }
                anchor(index)
                continue
            }
            if byte == UInt8(ascii: "&"), let (decoded, end) = HTMLText.entity(at: index, in: html) {
                anchor(index)
                out += decoded
                index = end
                anchor(index)
                continue
            }
            out.append(byte == 0x0A || byte == 0x0D || byte == 0x09 ? 0x20 : byte)
            index += 1
        }
        text = out
        self.anchors = anchors
    }

    struct Tag {
        var name: String
        var isClosing: Bool
        var isComment: Bool
        var selfClosing: Bool
        var end: Int
    }

    /// The tag starting at `start` (`<p class="x">`, `</p>`, `<!-- … -->`, `<!DOCTYPE …>`), or nil
    /// when the `<` is text ("a < b").
    static func tag(at start: Int, in html: [UInt8]) -> Tag? {
        var index = start + 1
        guard index < html.count else { return nil }
        if html[index...].starts(with: Array("!--".utf8)) {
            var scan = index + 3
            while scan + 2 < html.count, !(html[scan] == 0x2D && html[scan + 1] == 0x2D && html[scan + 2] == 0x3E) { scan += 1 }
            return Tag(name: "", isClosing: false, isComment: true, selfClosing: false, end: min(html.count, scan + 3))
        }
        var closing = false
        if html[index] == UInt8(ascii: "/") { closing = true; index += 1 }
        guard index < html.count else { return nil }
        let first = html[index]
        let isLetter = (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z")
        guard isLetter || first == UInt8(ascii: "!") || first == UInt8(ascii: "?") else { return nil }
        var nameEnd = index
        while nameEnd < html.count, isNameByte(html[nameEnd]) { nameEnd += 1 }
        let name = String(decoding: html[index..<nameEnd], as: UTF8.self).lowercased()
        // Find the closing '>' outside quoted attribute values.
        var scan = nameEnd
        var quote: UInt8 = 0
        while scan < html.count {
            let byte = html[scan]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                let selfClosing = scan > start && html[scan - 1] == UInt8(ascii: "/")
                return Tag(name: name, isClosing: closing, isComment: false, selfClosing: selfClosing, end: scan + 1)
            }
            scan += 1
        }
        return Tag(name: name, isClosing: closing, isComment: false, selfClosing: false, end: html.count)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    /// After `</name>` (case-insensitive), or the end of the file.
    static func end(ofElement name: String, from start: Int, in html: [UInt8]) -> Int {
        let closing = Array("</\(name)".utf8)
        var index = start
        while index + closing.count <= html.count {
            if html[index] == UInt8(ascii: "<"), zip(html[index..<index + closing.count], closing).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) }),
               let tag = tag(at: index, in: html) {
                return tag.end
            }
            index += 1
        }
        return html.count
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "thinsp": " ",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’", "sbquo": "‚",
        "ldquo": "“", "rdquo": "”", "bdquo": "„", "hellip": "…", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢",
        "deg": "°", "times": "×", "divide": "÷", "minus": "−", "plusmn": "±", "frac12": "½", "frac14": "¼",
        "frac34": "¾", "percnt": "%", "shy": "", "laquo": "«", "raquo": "»", "middot": "·", "bull": "•",
        "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à", "oacute": "ó", "uacute": "ú", "iacute": "í",
        "ntilde": "ñ", "ccedil": "ç", "ouml": "ö", "uuml": "ü", "auml": "ä", "szlig": "ß", "copy": "©", "reg": "®",
    ]

    /// `&amp;`, `&#8217;`, `&#x2019;` decoded, with where the entity ends; nil for a bare `&`.
    static func entity(at start: Int, in html: [UInt8]) -> ([UInt8], Int)? {
        var index = start + 1
        let limit = min(html.count, start + 12)
        while index < limit, html[index] != UInt8(ascii: ";"), isNameByte(html[index]) || html[index] == UInt8(ascii: "#") {
            index += 1
        }
        guard index < html.count, html[index] == UInt8(ascii: ";"), index > start + 1 else { return nil }
        let body = String(decoding: html[(start + 1)..<index], as: UTF8.self)
        let end = index + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value), value != 0 else { return nil }
            return (Array(String(Character(scalar)).utf8), end)
        }
        guard let decoded = named[body] else { return nil }
        return (Array(decoded.utf8), end)
    }
}
