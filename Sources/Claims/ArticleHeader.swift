/// An article's own date and where its text starts, from the first of:
/// a first line `date YYYY-MM-DD`; YAML front matter (`---` … `---`) with a `date:` key; a block
/// of `Key: value` header lines before the first blank line that includes `Date:`.
/// Front matter and header blocks are metadata, not article text, so the body starts after them.
/// A date given in one of these forms but not a real YYYY-MM-DD is a problem to warn about.
public struct ArticleHeader: Equatable, Sendable {
    public var date: String?
    public var bodyStart: Int
    /// The malformed date as written ("date: 2021-02-30") and its 1-based line.
    public var problem: (text: String, line: Int)?

    public static func == (a: ArticleHeader, b: ArticleHeader) -> Bool {
        a.date == b.date && a.bodyStart == b.bodyStart && a.problem?.text == b.problem?.text && a.problem?.line == b.problem?.line
    }

    static let maxHeaderLines = 40

    public static func parse(_ bytes: [UInt8]) -> ArticleHeader {
        let (prefix, start) = Document.parseDatePrefix(bytes)
        if prefix != nil { return ArticleHeader(date: prefix, bodyStart: start) }
        if let malformed = Document.malformedDatePrefix(bytes) {
            return ArticleHeader(date: nil, bodyStart: 0, problem: (malformed, 1))
        }
        let lines = headLines(bytes)
        if let frontMatter = frontMatter(lines) { return frontMatter }
        if let block = headerBlock(lines) { return block }
        return ArticleHeader(date: nil, bodyStart: 0)
    }

    struct Line {
        var text: Substring
        var start: Int
        var end: Int  // after the newline
    }

    /// The first lines of the file, as text (bounded, so a huge file costs nothing here).
    static func headLines(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        while start < bytes.count, lines.count < maxHeaderLines {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            lines.append(Line(text: Substring(text.hasSuffix("\r") ? String(text.dropLast()) : text), start: start,
                              end: min(end + 1, bytes.count)))
            start = end + 1
        }
        return lines
    }

    static func frontMatter(_ lines: [Line]) -> ArticleHeader? {
        guard let first = lines.first, first.text.trimmingTrailingSpaces == "---" else { return nil }
        guard let close = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.text.trimmingTrailingSpaces) }) else {
            return nil
        }
        var header = ArticleHeader(date: nil, bodyStart: lines[close].end)
        for (index, line) in lines[1..<close].enumerated() {
            guard let value = value(of: "date", in: line.text, caseSensitive: true) else { continue }
            if let date = isoDate(value) { header.date = date } else { header.problem = ("date: \(value)", index + 2) }
            break
        }
        return header
    }

    static func headerBlock(_ lines: [Line]) -> ArticleHeader? {
        guard let blank = lines.firstIndex(where: { $0.text.allSatisfy(\.isWhitespace) }), blank > 0 else { return nil }
        let block = lines[..<blank]
        guard block.allSatisfy({ isHeaderLine($0.text) }),
              let dateIndex = block.firstIndex(where: { value(of: "date", in: $0.text, caseSensitive: false) != nil }) else { return nil }
        let written = Self.value(of: "date", in: lines[dateIndex].text, caseSensitive: false)!
        var header = ArticleHeader(date: nil, bodyStart: lines[blank].end)
        if let date = isoDate(written) { header.date = date } else { header.problem = ("Date: \(written)", dateIndex + 1) }
        return header
    }

    /// "Title: Thousands march" — a short key of letters, spaces or dashes, a colon, a value.
    static func isHeaderLine(_ text: Substring) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let key = text[..<colon]
        return !key.isEmpty && key.count <= 30 && key.first!.isLetter
            && key.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "_" }
    }

    /// The value of `key: value`, unquoted, or nil when the line is another key.
    static func value(of key: String, in text: Substring, caseSensitive: Bool) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = text[..<colon]
        guard caseSensitive ? name == key : name.lowercased() == key else { return nil }
        var value = text[text.index(after: colon)...].trimmingCharacters(in: " \t")
        if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
            value = String(value.dropFirst().dropLast())
        }
        return value
    }

    /// "2021-03-08", also with a time after it ("2021-03-08T10:00:00Z", "2021-03-08 10:00").
    static func isoDate(_ value: String) -> String? {
        let day = String(value.prefix(10))
        guard CalendarDate(iso: day) != nil else { return nil }
        let rest = value.dropFirst(10)
        guard rest.isEmpty || rest.first == "T" || rest.first == " " else { return nil }
        return day
    }
}

private extension Substring {
    var trimmingTrailingSpaces: Substring {
        var copy = self
        while copy.last == " " || copy.last == "\t" { copy.removeLast() }
        return copy
    }

    func trimmingCharacters(in set: String) -> String {
        var copy = self
        while let first = copy.first, set.contains(first) { copy.removeFirst() }
        while let last = copy.last, set.contains(last) { copy.removeLast() }
        return String(copy)
    }
}
