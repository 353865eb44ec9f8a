/// Splits article bytes into sentences. Knows punctuation and line structure; the words
/// that do not end a sentence ("Aug.", "Mr.", "U.S.") come from the lexicon.
struct SentenceSplitter {
    let abbreviations: Set<String>
    /// A run this long with no sentence end (a table, a dump, a missing full stop) is cut at
    /// its last whitespace: every rule scans whole sentences and every claim keeps one, so an
    /// unbounded sentence made the cost quadratic. News sentences stay far below it.
    var maxLength = 4096

    func split(_ bytes: [UInt8], from start: Int) -> [Range<Int>] {
        var cuts: [Int] = []
        return split(bytes, from: start, cuts: &cuts)
    }

    /// `cuts` receives the byte offsets where an over-long run was cut.
    func split(_ bytes: [UInt8], from start: Int, cuts: inout [Int]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var sentenceStart: Int? = nil
        var index = start
        let count = bytes.count

        func close(at end: Int) {
            guard let begin = sentenceStart else { return }
            var last = end
            while last > begin, Document.isSpace(bytes[last - 1]) { last -= 1 }
            if last > begin { sentences.append(begin..<last) }
            sentenceStart = nil
        }

        while index < count {
            if let begin = sentenceStart, index - begin >= maxLength {
                let cut = safeCut(bytes, begin: begin, end: index)
                close(at: cut)
                cuts.append(cut)
                index = cut
                continue
            }
            let byte = bytes[index]
            if sentenceStart == nil {
                if !Document.isSpace(byte) { sentenceStart = index }
                index += 1
                continue
            }
            if byte == 0x0A {
                if !continuesOnNextLine(bytes, after: index) { close(at: index) }
                index += 1
                continue
            }
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                var end = index + 1
                end = skipClosers(bytes, from: end)
                if end >= count || (Document.isSpace(bytes[end]) && startsSentence(bytes, from: end)) {
                    if byte != UInt8(ascii: ".") || !isAbbreviation(bytes, period: index, start: sentenceStart!) {
                        close(at: end)
                        index = end
                        continue
                    }
                }
            }
            index += 1
        }
        close(at: count)
        // An HTML comment (a suppression, an editor's note) is markup, not a sentence: it must
        // not separate "the figure" from the claim it refers to.
        return sentences.filter { !isComment(bytes[$0]) }
    }

    /// The last whitespace in the second half of `begin..<end` with no digit within 32 bytes
    /// (so "2,000 people" stays in one piece), else the last whitespace there, else the last
    /// character boundary before `end`.
    private func safeCut(_ bytes: [UInt8], begin: Int, end: Int) -> Int {
        let floor = begin + (end - begin) / 2
        let reach = 32
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var fallback: Int? = nil
        var nearestDigitAfter = Int.max
        var cut = end
        while cut > floor {
            if isDigit(bytes[cut]) { nearestDigitAfter = cut }
            if Document.isSpace(bytes[cut - 1]) {
                if fallback == nil { fallback = cut }
                if nearestDigitAfter - cut > reach, !bytes[max(begin, cut - reach)..<cut].contains(where: isDigit) { return cut }
            }
            cut -= 1
        }
        if let fallback { return fallback }
        cut = end
        while cut > begin + 1, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        return cut
    }

    private func isComment(_ text: ArraySlice<UInt8>) -> Bool {
        text.starts(with: Array("<!--".utf8)) && text.reversed().starts(with: Array("-->".utf8).reversed())
    }

    /// Closing quotes and brackets that belong to the sentence just ended.
    private func skipClosers(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") {
                index += 1
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                      bytes[index + 2] == 0x9D || bytes[index + 2] == 0x99 {  // ” ’
                index += 3
            } else {
                break
            }
        }
        return index
    }

    /// After whitespace: a capital, digit, opening quote or bracket, or any non-ASCII letter.
    private func startsSentence(_ bytes: [UInt8], from start: Int) -> Bool {
        var index = start
        while index < bytes.count, Document.isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return true }
        let byte = bytes[index]
        if byte >= 0x80 { return true }
        let scalar = Unicode.Scalar(byte)
        return ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || "\"'([*#-".unicodeScalars.contains(scalar)
    }

    /// A hard-wrapped line continues when the next line starts in lower case.
    private func continuesOnNextLine(_ bytes: [UInt8], after newline: Int) -> Bool {
        var index = newline + 1
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        return byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    /// The word before the period ("Aug", "U.S", a single initial) is an abbreviation.
    private func isAbbreviation(_ bytes: [UInt8], period: Int, start: Int) -> Bool {
        var begin = period
        while begin > start {
            let byte = bytes[begin - 1]
            let isWordByte = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: ".")
            if !isWordByte { break }
            begin -= 1
        }
        guard begin < period else { return false }
        let word = String(decoding: bytes[begin..<period], as: UTF8.self)
        if word.count == 1, let first = word.unicodeScalars.first, ("A"..."Z").contains(first) { return true }
        // "Approx." opening a sentence is the lexicon's "approx".
        let lowered = word.prefix(1).lowercased() + word.dropFirst()
        let capitalised = word.prefix(1).uppercased() + word.dropFirst()
        return abbreviations.contains(word) || abbreviations.contains(lowered) || abbreviations.contains(capitalised)
    }
}
