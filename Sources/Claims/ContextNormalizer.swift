/// Puts captured context text into the form claims are compared by: generic crowd words
/// mean no group, names lose honorifics and possessives and are keyed by surname.
struct ContextNormalizer {
    let lexicon: Lexicon

    /// A name ("Ms Jacinda Arden") is keyed by its last word ("Arden"); other groups are
    /// compared lower-cased without a leading article ("the border" → "border").
    func group(_ raw: String) -> String? {
        let text = dropArticle(stripPossessive(raw.trimmingPunctuation))
        guard !text.isEmpty else { return nil }
        let folded = text.folded()
        if lexicon.genericGroups.contains(folded) { return nil }
        let words = text.split(separator: " ").map(String.init)
        if words.allSatisfy({ $0.unicodeScalars.first?.properties.isUppercase == true }) {
            return words.filter { !lexicon.honorifics.contains($0) }.last ?? text
        }
        return folded
    }

    func place(_ raw: String) -> String? {
        let text = dropArticle(stripPossessive(raw.trimmingPunctuation))
        return text.isEmpty ? nil : text
    }

    private func dropArticle(_ text: String) -> String {
        guard let space = text.firstIndex(of: " ") else { return text }
        return lexicon.articles.contains(text[..<space].lowercased()) ? String(text[text.index(after: space)...]) : text
    }

    func source(_ raw: String) -> String? {
        let text = raw.trimmingPunctuation.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return text.isEmpty ? nil : text
    }

    /// The voice of a source: its head word ("the city electoral commission" and "the
    /// commission" are one voice; "Marek's office" is the office), or the whole phrase for a
    /// joint attribution ("monitors and state media" is not "state media"). Possessive
    /// endings and joining words come from the lexicon.
    ///
    /// An acronym right before the head says whose it is: "an FDNY spokesman" and "an NYPD
    /// spokesman" are two voices, not one "spokesman" (a line in capitals has no acronyms).
    func voice(_ source: String) -> String {
        let words = voiceWords(source.folded())
        if words.contains(where: lexicon.joiningWords.contains) { return words.joined(separator: " ") }
        guard let head = words.last else { return "" }
        let original = voiceWords(source)
        if original.count == words.count, original.count >= 2, Self.isAcronym(original[original.count - 2]),
           original[original.count - 1].contains(where: \.isLowercase) {
            return words[words.count - 2] + " " + head
        }
        return head
    }

    /// "FDNY", "U.N", "BBC": two or more capitals and nothing lower-case.
    static func isAcronym(_ word: String) -> Bool {
        word.filter(\.isUppercase).count >= 2 && !word.contains(where: \.isLowercase)
    }

    /// The words of a source, trimmed of punctuation and possessive endings.
    private func voiceWords(_ source: String) -> [String] {
        source.split(whereSeparator: \.isWhitespace).compactMap { raw in
            guard let first = raw.firstIndex(where: { $0.isLetter || $0.isNumber }),
                  let last = raw.lastIndex(where: { $0.isLetter || $0.isNumber }) else { return nil }
            var word = String(raw[first...last])
            for suffix in lexicon.possessives where suffix.count < word.count && word.hasSuffix(suffix) {
                word.removeLast(suffix.count)
                break
            }
            return word
        }
    }

    private func stripPossessive(_ text: String) -> String {
        for suffix in lexicon.possessives where text.hasSuffix(suffix) { return String(text.dropLast(suffix.count)) }
        return text
    }
}

extension String {
    /// Trims whitespace and punctuation that patterns tend to drag along at the ends.
    var trimmingPunctuation: String {
        let junk: Set<Character> = [",", ".", ";", ":", "\"", "“", "”", "(", ")", "-", "–"]
        var text = Substring(self)
        while let first = text.first, first.isWhitespace || junk.contains(first) { text.removeFirst() }
        while let last = text.last, last.isWhitespace || junk.contains(last) { text.removeLast() }
        return String(text)
    }
}
