/// A claim's sentence on one line with its quote underlined, compiler-style:
///
///     Police put the figure at 8,000 on Saturday.
///                              ^~~~~
struct Snippet: Equatable, Sendable {
    var line: String
    /// Spaces up to the quote, then `^` and a `~` for each further display column.
    var marker: String

    /// Sentences wider than this are cut around the quote, with "…" marking the cuts.
    static let maxWidth = 120
    /// At most this many columns of text are kept before the quote when cutting.
    static let maxLead = 40

    /// `quoteOffset` is the quote's byte offset within `sentence` (`claim.start -
    /// claim.sentenceStart`) and `quoteLength` its length in bytes. Offsets inside a
    /// character are moved outwards to a character boundary. Nil when the offset lies
    /// outside the sentence.
    init?(sentence: String, quoteOffset: Int, quoteLength: Int) {
        let bytes = Array(sentence.utf8)
        guard quoteOffset >= 0, quoteOffset <= bytes.count, !bytes.isEmpty else { return nil }
        var start = quoteOffset
        while start > 0, start < bytes.count, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        var end = min(bytes.count, max(start, quoteOffset + max(quoteLength, 0)))
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }

        var before = Snippet.display(bytes[..<start])
        let quote = Snippet.display(bytes[start..<end])
        var after = Snippet.display(bytes[end...])
        while let first = before.first, first == " " { before.removeFirst() }
        while let last = after.last, last == " " { after.removeLast() }

        let quoteWidth = Snippet.width(quote)
        if Snippet.width(before) + quoteWidth + Snippet.width(after) > Snippet.maxWidth {
            before = Snippet.keepingEnd(of: before, width: Snippet.maxLead)
            let room = max(Snippet.maxWidth - Snippet.width(before) - quoteWidth, 20)
            after = Snippet.keepingStart(of: after, width: room)
        }
        line = before + quote + after
        let indent = String(repeating: " ", count: Snippet.width(before))
        marker = indent + "^" + String(repeating: "~", count: max(quoteWidth, 1) - 1)
    }

    private static func display(_ bytes: ArraySlice<UInt8>) -> String {
        TextEscaping.terminalSafe(String(decoding: bytes, as: UTF8.self))
    }

    private static func keepingEnd(of text: String, width limit: Int) -> String {
        guard width(text) > limit else { return text }
        var kept = ""
        var used = 1  // the "…"
        for character in text.reversed() {
            let columns = width(character)
            if used + columns > limit { break }
            kept.insert(character, at: kept.startIndex)
            used += columns
        }
        return "…" + kept
    }

    private static func keepingStart(of text: String, width limit: Int) -> String {
        guard width(text) > limit else { return text }
        var kept = ""
        var used = 1
        for character in text {
            let columns = width(character)
            if used + columns > limit { break }
            kept.append(character)
            used += columns
        }
        return kept + "…"
    }

    /// Terminal columns: 2 for East Asian wide and emoji-presentation characters, 0 for
    /// zero-width format characters, 1 otherwise.
    static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + width($1) }
    }

    static func width(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F || $0.properties.isEmojiPresentation }) {
            return 2
        }
        if isWide(first.value) { return 2 }
        if first.properties.generalCategory == .format { return 0 }
        return 1
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}
