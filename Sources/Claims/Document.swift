/// One article as UTF-8 bytes, with what is needed to turn byte offsets into
/// line/column positions and text. Invalid UTF-8 is kept as-is (matching tolerates it)
/// and replaced with U+FFFD only when text is shown.
public struct Document: Sendable {
    public let path: String
    public let bytes: [UInt8]
    /// The article's own date: a leading `date YYYY-MM-DD` line, front matter or a `Date:`
    /// header (see `ArticleHeader`).
    public let prefixDate: String?
    /// Where the article text starts, after any date line, front matter or header block.
    public let bodyStart: Int
    /// A date the article gives that is not a real YYYY-MM-DD, for a warning.
    public let dateProblem: (text: String, line: Int)?
    /// Byte offset of the first invalid UTF-8 sequence, if any.
    public let firstInvalidUTF8: Int?
    /// "UTF-16LE" or "UTF-16BE" when the file began with that byte order mark and was
    /// converted to UTF-8 (offsets then count in the UTF-8 text, lines and columns are the file's).
    public let convertedFrom: String?
    /// Line starts of the file as lines and columns count them (`source` when there is one).
    private let lineStarts: [Int]
    /// For an HTML article: the file's bytes and the map from `bytes` (its readable text) back to
    /// them; positions and lines are the file's. Nil for plain text, where the two are the same.
    private let source: Source?

    struct Source: Sendable {
        var bytes: [UInt8]
        var html: HTMLText
    }

    /// A UTF-8 byte order mark is dropped (offsets and columns count from after it), UTF-16
    /// with a byte order mark is converted to UTF-8, and a lone CR (old Mac line ends) is read
    /// as LF, byte for byte, so lines, paragraphs and sentences break there as elsewhere.
    /// With `html`, the bytes are an HTML page whose readable text is the article (`HTMLText`).
    public init(path: String, bytes raw: [UInt8], html: Bool = false) {
        self.path = path
        var bytes = raw
        convertedFrom = Document.decodeByteOrderMark(&bytes)
        if let firstCR = bytes.firstIndex(of: 0x0D) {
            for index in firstCR..<bytes.count where bytes[index] == 0x0D
                && (index + 1 == bytes.count || bytes[index + 1] != 0x0A) {
                bytes[index] = 0x0A
            }
        }
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
        if html {
            var text = HTMLText(bytes)
            let readable = text.text
            text.text = []  // held once, as `bytes`
            source = Source(bytes: bytes, html: text)
            bytes = readable
        } else {
            source = nil
        }
        self.bytes = bytes
        let header = ArticleHeader.parse(bytes)
        (prefixDate, bodyStart, dateProblem) = (header.date, header.bodyStart, header.problem)
        firstInvalidUTF8 = Document.firstInvalidUTF8(in: bytes)
    }

    /// Whether a path names an HTML article (by extension).
    public static func isHTML(path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return HTMLText.extensions.contains(path[path.index(after: dot)...].lowercased())
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// 1-based line and column; the column counts characters (Unicode scalars), not bytes.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        var cursor = Cursor()
        return position(of: offset, from: &cursor)
    }

    /// Where the last position was found, so positions of many claims in one long line are
    /// counted once, not from the line start each time.
    public struct Cursor {
        var line = -1
        var offset = 0
        var column = 1
        public init() {}
    }

    /// Like `position(of:)`, continuing from `cursor` when `offset` is later on the same line.
    public func position(of offset: Int, from cursor: inout Cursor) -> (line: Int, column: Int) {
        let clamped = min(max(offset, 0), bytes.count)
        let file = source?.bytes ?? bytes
        let target = min(source.map { $0.html.sourceOffset(of: clamped) } ?? clamped, file.count)
        let line = lineIndex(of: target)
        if line != cursor.line || target < cursor.offset {
            cursor.line = line
            cursor.offset = lineStarts[line]
            cursor.column = 1
        }
        while cursor.offset < target {
            if file[cursor.offset] & 0xC0 != 0x80 { cursor.column += 1 }
            cursor.offset += 1
        }
        return (line + 1, cursor.column)
    }

    private func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    public func text(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<bytes.count)
        return String(decoding: bytes[clamped], as: UTF8.self)
    }

    /// The text of 1-based line `number` of the file (HTML markup included), without its line break.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let file = source?.bytes ?? bytes
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : file.count
        if end > start, file[end - 1] == 0x0D { end -= 1 }
        return String(decoding: file[start..<max(start, end)], as: UTF8.self)
    }

    public var lineCount: Int { lineStarts.count }

    /// Whether the file itself (the HTML page, not its readable text) ends with a line break.
    public var fileEndsWithLineBreak: Bool { (source?.bytes ?? bytes).last == 0x0A }

    /// Strips a UTF-8 byte order mark, or converts UTF-16 marked LE or BE to UTF-8 (an unpaired
    /// surrogate or odd last byte becomes U+FFFD); returns the converted encoding's name.
    static func decodeByteOrderMark(_ bytes: inout [UInt8]) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            return nil
        }
        let little: Bool
        if bytes.starts(with: [0xFF, 0xFE]) { little = true }
        else if bytes.starts(with: [0xFE, 0xFF]) { little = false }
        else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(little ? a | b << 8 : a << 8 | b)
            index += 2
        }
        var text = String(decoding: units, as: UTF16.self)
        if index < bytes.count { text.append("\u{FFFD}") }
        bytes = Array(text.utf8)
        return little ? "UTF-16LE" : "UTF-16BE"
    }

    /// `date YYYY-MM-DD` at the very start, possibly after whitespace and possibly
    /// followed by the first sentence on the same line.
    static func parseDatePrefix(_ bytes: [UInt8]) -> (String?, Int) {
        var index = 0
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        let keyword = Array("date".utf8)
        guard bytes.count >= index + 4 + 1 + 10,
              bytes[index..<index + 4].map({ $0 | 0x20 }) == keyword,
              isSpace(bytes[index + 4]) else { return (nil, 0) }
        index += 4
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index + 10 <= bytes.count else { return (nil, 0) }
        let candidate = String(decoding: bytes[index..<index + 10], as: UTF8.self)
        guard CalendarDate(iso: candidate) != nil,
              index + 10 == bytes.count || isSpace(bytes[index + 10]) else { return (nil, 0) }
        index += 10
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return (candidate, index)
    }

    /// "date 2021-02-30" or "date 21-3-8": something meant as a prefix that is not one.
    static func malformedDatePrefix(_ bytes: [UInt8]) -> String? {
        var index = 0
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        let head = bytes[index..<min(bytes.count, index + 24)]
        guard head.count > 6, head.prefix(5).map({ $0 | 0x20 }) == Array("date ".utf8),
              let digit = head.dropFirst(5).first(where: { !isSpace($0) }), digit >= 0x30, digit <= 0x39 else { return nil }
        return head.split(whereSeparator: isSpace).prefix(2).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            if byte & 0xE0 == 0xC0, byte >= 0xC2 { length = 2 }
            else if byte & 0xF0 == 0xE0 { length = 3 }
            else if byte & 0xF8 == 0xF0, byte <= 0xF4 { length = 4 }
            else { return index }
            guard index + length <= count else { return index }
            for next in 1..<length where bytes[index + next] & 0xC0 != 0x80 { return index }
            // Overlong forms and UTF-16 surrogates are invalid even when well shaped.
            let second = bytes[index + 1]
            if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F)
                || (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) { return index }
            index += length
        }
        return nil
    }

    /// A NUL byte near the start is the usual sign of a binary file.
    public var looksBinary: Bool { bytes.prefix(8192).contains(0) }
}
