/// Turns the text a rule captured as a number into a value: "100,000", "12 000", "1.5 million",
/// "3/4", "2 1/2", "twenty-five thousand", "half a million", "two point five", "minus 4";
/// vague quantities become intervals.
struct NumberParser {
    let lexicon: Lexicon

    enum Parsed: Equatable {
        case exact(Double, scale: Double?)
        case vague(Interval)
    }

    /// Characters that group thousands in digits: "12,000", "12 000" (also no-break and thin
    /// spaces), "12'000", "12’000". Fragments.swift accepts the same ones.
    static let groupSeparators: Set<Character> = [",", " ", "'", "’", "\u{00A0}", "\u{2009}", "\u{202F}"]

    /// Unicode vulgar fractions, read like "1/2".
    static let vulgarFractions: [Character: Double] = [
        "½": 1.0 / 2, "⅓": 1.0 / 3, "⅔": 2.0 / 3, "¼": 1.0 / 4, "¾": 3.0 / 4, "⅕": 1.0 / 5,
        "⅖": 2.0 / 5, "⅗": 3.0 / 5, "⅘": 4.0 / 5, "⅙": 1.0 / 6, "⅚": 5.0 / 6, "⅛": 1.0 / 8,
        "⅜": 3.0 / 8, "⅝": 5.0 / 8, "⅞": 7.0 / 8,
    ]

    func parse(_ raw: String) -> Parsed? {
        var text = raw.folded(hyphens: false)
        // A sign word or minus sign before the number ("minus 4", "-4", "−4").
        var sign = 1.0
        if let first = text.first, first == "-" || first == "−" {
            sign = -1
            text = String(text.dropFirst()).folded()
        } else if let word = text.split(separator: " ").first, lexicon.negativeWords.contains(String(word)) {
            sign = -1
            text = String(text.dropFirst(word.count)).folded()
        }
        guard let parsed = unsigned(text) else { return nil }
        guard sign < 0 else { return parsed }
        switch parsed {
        case .exact(let value, let scale): return .exact(-value, scale: scale)
        case .vague: return nil
        }
    }

    private func unsigned(_ text: String) -> Parsed? {
        if let interval = lexicon.vague[text] { return .vague(interval) }
        if lexicon.zeroWords.contains(text) { return .exact(0, scale: nil) }
        if let first = text.first, first.isASCII, first.isNumber { return digits(text) }
        if let first = text.first, Self.vulgarFractions[first] != nil { return digits(text) }
        return words(text.folded(hyphens: true))
    }

    /// Is the figure written with a scale the lexicon calls approximate ("two dozen")?
    func isApproximate(_ raw: String) -> Bool {
        guard !lexicon.approximateScales.isEmpty else { return false }
        return raw.folded(hyphens: true).split(separator: " ").contains { lexicon.approximateScales.contains(String($0)) }
    }

    /// How the thousands of a grouped number were written: "4,000" → 1000, "1 500 000" → 1e6;
    /// nil for ungrouped digits. "3-4,000" reads as 3,000 to 4,000 through this.
    func groupScale(_ raw: String) -> Double? {
        let text = raw.folded(hyphens: false)
        guard let first = text.first, first.isASCII, first.isNumber else { return nil }
        let integer = text.prefix { $0.isNumber || Self.groupSeparators.contains($0) }
        let groups = integer.split(whereSeparator: { Self.groupSeparators.contains($0) })
        guard groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        var scale = 1.0
        for _ in 1..<groups.count { scale *= 1000 }
        return scale
    }

    private func digits(_ text: String) -> Parsed? {
        var numberPart = ""
        var rest = Substring(text)
        var fraction = 0.0
        while let c = rest.first {
            if c.isASCII, c.isNumber || c == "." {
                numberPart.append(c)
            } else if Self.groupSeparators.contains(c), let next = rest.dropFirst().first, next.isASCII, next.isNumber {
                // "2 1/2": a space before a fraction is not a thousands separator.
                if c == " ", rest.dropFirst().prefix(while: { $0.isNumber }).count < 3 { break }
            } else {
                break
            }
            rest.removeFirst()
        }
        if rest.first == "/" {
            // "3/4": the digits read so far were the numerator.
            guard let read = Self.slashFraction(Substring(numberPart + rest)) else { return nil }
            numberPart = ""
            (fraction, rest) = read
        } else {
            // Mixed numbers: "2 1/2", "2½", "1 ½".
            let afterSpace = rest.drop { $0 == " " || $0 == "-" }
            if let vulgar = afterSpace.first.flatMap({ Self.vulgarFractions[$0] }) {
                fraction = vulgar
                rest = afterSpace.dropFirst()
            } else if afterSpace.startIndex != rest.startIndex, let read = Self.slashFraction(afterSpace) {
                (fraction, rest) = read
            }
        }
        if numberPart.isEmpty, fraction == 0 { return nil }
        // "000" is the tail of a number, never a figure of its own.
        if numberPart.count > 1, numberPart.first == "0", !numberPart.hasPrefix("0.") { return nil }
        guard let whole = numberPart.isEmpty ? 0 : Double(numberPart) else { return nil }
        let value = whole + fraction
        let scaleWord = String(rest).folded(hyphens: true)
        if scaleWord.isEmpty { return .exact(value, scale: nil) }
        guard let scale = lexicon.scales[scaleWord] else { return nil }
        return .exact(value * scale, scale: scale)
    }

    /// "1/2" at the start of `text`, with what follows it.
    private static func slashFraction(_ text: Substring) -> (Double, Substring)? {
        let numerator = text.prefix { $0.isASCII && $0.isNumber }
        guard !numerator.isEmpty else { return nil }
        let afterNumerator = text.dropFirst(numerator.count)
        guard afterNumerator.first == "/" else { return nil }
        let denominator = afterNumerator.dropFirst().prefix { $0.isASCII && $0.isNumber }
        guard let top = Double(numerator), let bottom = Double(denominator), bottom > 0 else { return nil }
        return (top / bottom, afterNumerator.dropFirst(1 + denominator.count))
    }

    /// Classic word-number accumulation: "hundred" multiplies the current group, larger
    /// scales close it. One-words ("a") stand for one; a half-word is 0.5 or, after a joining
    /// word, adds 0.5. After a decimal word ("point") digit words are decimals.
    private func words(_ text: String) -> Parsed? {
        // A lone "a" is one ("a mile"): only rules that measure capture it.
        if lexicon.oneWords.contains(text) { return .exact(1, scale: nil) }
        var total = 0.0
        var current = 0.0
        var lastScale: Double?
        var sawNumber = false
        var fromArticle = false
        var decimalPlace: Double?
        var previous: String?
        for token in text.split(separator: " ") {
            let word = String(token)
            defer { previous = word }
            switch word {
            case _ where lexicon.joiningWords.contains(word): continue
            case _ where lexicon.decimalWords.contains(word):
                guard sawNumber, decimalPlace == nil else { return nil }
                decimalPlace = 0.1
            case _ where decimalPlace != nil && lexicon.scales[word] == nil:
                // "two point five": only single digits follow the point.
                guard let digit = lexicon.numbers[word], digit >= 0, digit < 10, digit == digit.rounded(), let place = decimalPlace else {
                    return nil
                }
                current += digit * place
                decimalPlace = place / 10
            case _ where lexicon.oneWords.contains(word):
                if current == 0 { current = 1; fromArticle = true }
            case _ where lexicon.halfWords.contains(word):
                // "one half" is a half; "one and a half" (the joining word comes between) is more.
                let oneHalf = previous.flatMap { lexicon.numbers[$0] } == 1 && current == 1
                current = current == 0 || fromArticle || oneHalf ? 0.5 : current + 0.5
                fromArticle = false
                sawNumber = true
            default:
                if let scale = lexicon.scales[word] {
                    if current == 0 { current = 1 }
                    fromArticle = false
                    decimalPlace = nil
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
