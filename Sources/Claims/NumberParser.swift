/// Turns the text a rule captured as a number into a value: "100,000", "1.5 million",
/// "twenty-five thousand", "half a million", "a dozen"; vague quantities become intervals.
struct NumberParser {
    let lexicon: Lexicon

    enum Parsed: Equatable {
        case exact(Double, scale: Double?)
        case vague(Interval)
    }

    func parse(_ raw: String) -> Parsed? {
        let text = raw.folded(hyphens: false)
        if let interval = lexicon.vague[text] { return .vague(interval) }
        if let first = text.unicodeScalars.first, ("0"..."9").contains(first) { return digits(text) }
        return words(text.folded(hyphens: true))
    }

    private func digits(_ text: String) -> Parsed? {
        var numberPart = ""
        var rest = Substring(text)
        while let c = rest.first, c.isNumber || c == "," || c == "." {
            if c != "," { numberPart.append(c) }
            rest.removeFirst()
        }
        guard let value = Double(numberPart) else { return nil }
        let scaleWord = String(rest).folded(hyphens: true)
        if scaleWord.isEmpty { return .exact(value, scale: nil) }
        guard let scale = lexicon.scales[scaleWord] else { return nil }
        return .exact(value * scale, scale: scale)
    }

    /// Classic word-number accumulation: "hundred" multiplies the current group, larger
    /// scales close it. One-words ("a") stand for one; a half-word is 0.5 or, after a joining
    /// word, adds 0.5.
    private func words(_ text: String) -> Parsed? {
        var total = 0.0
        var current = 0.0
        var lastScale: Double?
        var sawNumber = false
        var fromArticle = false
        for token in text.split(separator: " ") {
            let word = String(token)
            switch word {
            case _ where lexicon.joiningWords.contains(word): continue
            case _ where lexicon.oneWords.contains(word):
                if current == 0 { current = 1; fromArticle = true }
            case _ where lexicon.halfWords.contains(word):
                current = current == 0 || fromArticle ? 0.5 : current + 0.5
                fromArticle = false
            default:
                if let scale = lexicon.scales[word] {
                    if current == 0 { current = 1 }
                    fromArticle = false
                    if scale < 1000 {
                        current *= scale
                    } else {
                        total += current * scale
                        current = 0
                    }
                    lastScale = scale
                    sawNumber = true
                } else if let value = lexicon.numbers[word] {
                    // "a dozen": the article's "a" stood for one, the word carries the value.
                    current = fromArticle ? value : current + value
                    fromArticle = false
                    sawNumber = true
                } else {
                    return nil
                }
            }
        }
        guard sawNumber else { return nil }
        return .exact(total + current, scale: lastScale)
    }
}
