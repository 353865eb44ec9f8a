import PCRE2

/// Builds the PCRE2 `(?(DEFINE)…)` block every pattern can call into. The lexicon-derived
/// fragments mean a word added to the lexicon is understood by every rule at once.
enum Fragments {
    /// Lexicon-derived fragments by name, in dependency-free order.
    static func generated(from lexicon: Lexicon) -> [(name: String, pattern: String)] {
        var result: [(String, String)] = []
        let scales = alternation(Array(lexicon.scales.keys))
        let words = alternation(Array(lexicon.numbers.keys) + Array(lexicon.scales.keys))
        result.append(("digits", digits(months: Array(lexicon.months.keys))))
        result.append(("scale", scales.isEmpty ? "(?!)" : "(?:\(scales))\\b"))
        result.append(("number_word", words.isEmpty ? "(?!)" : "(?:\(words))\\b"))
        let digitWords = alternation(lexicon.numbers.filter { $0.value >= 0 && $0.value < 10 && $0.value == $0.value.rounded() }.map(\.key))
        result.append(("digit_word", digitWords.isEmpty ? "(?!)" : "(?:\(digitWords))\\b"))
        // "half a million", "two and a half million", "one hundred and fifty", "two point five",
        // "one and a half": the glue words come from the lexicon like the number words themselves.
        let one = optional(lexicon.oneWords)
        let half = optional(lexicon.halfWords)
        let join = optional(lexicon.joiningWords)
        let point = optional(lexicon.decimalWords)
        // A scale word starts a number only after "a" or "half a": "million" of "three million"
        // is inside a number, not one of its own.
        result.append(("number", #"(?:(?&digits)(?:\s*(?&scale))?|(?:(?:"# + one + "|" + half + #"(?:\s+"# + one + #")?)\s+(?&number_word)|(?!(?&scale))(?&number_word))(?:(?:\s+"#
            + join + #"\s+(?:"# + one + #"\s+"# + half + #"\s+)?|\s*-\s*|\s+)(?&number_word))*"#
            + #"(?:\s+"# + point + #"(?:\s+(?&digit_word))+(?:\s+(?&scale))?)?"#
            + #"(?:\s+"# + join + #"\s+"# + one + #"\s+"# + half + #")?)"#))
        // "half a" mile, "a half" mile, "one-half" mile: a half on its own, for rules that
        // measure (not in (?&number): "half the protesters" is no count).
        let unitWords = lexicon.numbers.filter { $0.value == 1 }.map(\.key)
        let oneHalf = unitWords.isEmpty ? "" : "|" + optional(unitWords) + #"[\s-]"# + half
        result.append(("half_number", "(?:" + half + #"\s+"# + one + "|" + one + #"\s+"# + half + oneHalf + ")"))
        // "a", "an": one, for rules that measure ("a mile"); (?&number) reads them only before a number word.
        result.append(("one_word", one))
        // "3/4", "2 1/2", "2½": fractions, for rules that measure ("9/11 victims" is no count).
        result.append(("fraction", #"(?<![\d/.,])(?:(?:\d{1,3}(?:\s+|-))?\d{1,2}/\d{1,2}(?![\d/])|(?:\d{1,3}\s?)?[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])"#))
        // "minus 4", "-4", "−4".
        result.append(("sign", "(?:" + optional(lexicon.negativeWords) + #"\s+|[-−](?=\d))"#))
        result.append(("vague", optional(lexicon.vague.keys)))
        // Zero said in words ("no one", "any" after a denial): only rules that call it read it.
        result.append(("zero_word", optional(lexicon.zeroWords)))
        let before = lexicon.qualifiers.filter { $0.position == .before }.flatMap(\.phrases)
        let after = lexicon.qualifiers.filter { $0.position == .after }.flatMap(\.phrases)
        result.append(("qualifier_before", optional(before)))
        result.append(("qualifier_after", optional(after)))
        for (unit, aliases) in lexicon.units.sorted(by: { $0.key < $1.key }) where isName(unit) {
            result.append(("unit_" + unit, optional(aliases.keys)))
        }
        for (unit, marks) in lexicon.unitMarks.sorted(by: { $0.key < $1.key }) where isName(unit) {
            result.append(("mark_" + unit, optional(marks.keys)))
        }
        result.append(("weekday", optional(lexicon.weekdays)))
        result.append(("month", optional(lexicon.months.keys)))
        result.append(("relative_day", optional(lexicon.relativeDays.keys)))
        result.append(("period", optional(lexicon.periods.keys)))
        return result
    }

    /// Digits, with thousands grouped by commas, apostrophes ("12'000", "12’000") or spaces
    /// (plain, no-break, thin: "12 000"); NumberParser.groupSeparators reads the same ones. A
    /// number never starts or ends inside another ("000" of "12 000", "5" or "12" of "12.5", "88"
    /// of "1987/88", "3" of "66-2/3"), and a space-grouped one never starts right after a month
    /// ("May 12 300 people" is a date and a count).
    static func digits(months: [String]) -> String {
        let spaces = #"[\x20\x{A0}\x{2009}\x{202F}]"#
        let notInside = #"(?<!\d)(?<!\d[.,'’/])"#
            + (1...3).map { #"(?<!(?<!\d)\d{\#($0)}"# + spaces + ")" }.joined()
        let afterMonth = months.isEmpty ? "" : "(?<!" + months.map { #"\b"# + literal($0) + #"\s"# }
            .sorted().joined(separator: "|") + ")"
        let grouped = [",", "'", "’"].map { #"\d{1,3}(?:"# + $0 + #"\d{3})+"# }.joined(separator: "|")
        return notInside + "(?:" + grouped + "|" + afterMonth + #"\d{1,3}(?:"# + spaces + #"\d{3})+|\d+)(?:\.\d+)?(?!\d)(?!\.\d)"#
    }

    /// A digit, number word, vague quantity, zero word or "a" before a unit: the least a
    /// sentence needs to hold a claim ("No one was hurt", "a mile away" hold one). (`Extractor`
    /// passes a sentence with an ASCII digit without running it, which holds because `\d` is a
    /// branch of its own.)
    static func trigger(_ fragments: [(name: String, pattern: String)], analyser: StartAnalyser = StartAnalyser()) -> Regex {
        let units = fragments.map(\.name).filter { $0.hasPrefix("unit_") }.map { "(?&\($0))" }
        let oneUnit = units.isEmpty ? "" : #"|\b(?&one_word)\s+(?:"# + units.joined(separator: "|") + #")\b"#
        let body = #"\d|\b(?:(?&number_word)|(?&vague)|(?&half_number)|(?&zero_word)\b)|(?&fraction)"# + oneUnit
        let pattern = body + defineBlock(fragments)
        // The fragments come from the lexicon and have already compiled inside every rule.
        let context = analyser.context(of: fragments)
        let start = analyser.startClass(of: body, fragments, in: context)
        let starts = RuleCompiler.startFilter(of: body, LiteralAnalyser(fragments: fragments), in: context, cache: analyser.cache)
        return (try? Regex(pattern, options: RuleCompiler.patternOptions, startClass: start, starts: starts, cache: analyser.cache))
            ?? (try! Regex(#"\d"#))
    }

    /// The DEFINE block of the fragments `pattern` calls with `(?&name)`, directly or through
    /// other fragments.
    static func defineBlock(_ fragments: [(name: String, pattern: String)], calledFrom pattern: String) -> String {
        let byName = Dictionary(fragments.map { ($0.name, $0.pattern) }, uniquingKeysWith: { _, last in last })
        var needed = Set<String>()
        var pending = calls(in: pattern)
        while let name = pending.popLast() {
            guard byName[name] != nil, needed.insert(name).inserted else { continue }
            pending += calls(in: byName[name]!)
        }
        return defineBlock(fragments.filter { needed.contains($0.name) })
    }

    /// Names in `(?&name)` calls.
    static func calls(in pattern: String) -> [String] {
        callRanges(in: Array(pattern.utf8)).map { String(decoding: $0.name, as: UTF8.self) }
    }

    /// `pattern` with each `(?&name)` call for which `replacement` gives text replaced by it.
    static func replacingCalls(in pattern: String, _ replacement: (String) -> String?) -> String {
        let bytes = Array(pattern.utf8)
        var out: [UInt8] = []
        var copied = 0
        for (call, name) in callRanges(in: bytes) {
            guard let text = replacement(String(decoding: name, as: UTF8.self)) else { continue }
            out += bytes[copied..<call.lowerBound]
            out += text.utf8
            copied = call.upperBound
        }
        guard copied > 0 else { return pattern }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Byte ranges of the `(?&name)` calls and of their names (letters, digits, _), scanning
    /// bytes: Foundation's string search was a large part of rule loading.
    private static func callRanges(in bytes: [UInt8]) -> [(call: Range<Int>, name: ArraySlice<UInt8>)] {
        var result: [(Range<Int>, ArraySlice<UInt8>)] = []
        var index = 0
        while index + 3 < bytes.count {
            guard bytes[index] == UInt8(ascii: "("), bytes[index + 1] == UInt8(ascii: "?"), bytes[index + 2] == UInt8(ascii: "&") else {
                index += 1
                continue
            }
            var end = index + 3
            while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
            if end < bytes.count, end > index + 3, bytes[end] == UInt8(ascii: ")") {
                result.append((index..<end + 1, bytes[index + 3..<end]))
                index = end + 1
            } else {
                index += 3
            }
        }
        return result
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    static func defineBlock(_ fragments: [(name: String, pattern: String)]) -> String {
        guard !fragments.isEmpty else { return "" }
        // The newline ends any trailing "# comment" (patterns are in extended mode).
        return "(?(DEFINE)" + fragments.map { "(?<\($0.name)>\($0.pattern)\n)" }.joined() + ")"
    }

    /// Fragment names become PCRE2 group names: letters, digits, underscore.
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }

    private static func optional<S: Sequence>(_ phrases: S) -> String where S.Element == String {
        let body = alternation(Array(phrases))
        return body.isEmpty ? "(?!)" : "(?:\(body))"
    }

    /// Longest first, so "hundreds of thousands" wins over "hundreds". Phrases are grouped by
    /// their first letter, "a(?:bout\b|round\b)|m(?:ore\s+than\b|ore\b)", so a position is
    /// ruled out by one test instead of one per phrase. The same matches: two phrases with
    /// different first letters never match at one position, and within a letter the order stays.
    /// (Not done when a phrase starts with anything but an ASCII letter, which caseless UTF
    /// matching could equate with another.)
    static func alternation(_ phrases: [String]) -> String {
        let unique = Set(phrases.map { $0.folded() }).filter { !$0.isEmpty }
        let sorted = unique.sorted { $0.count == $1.count ? $0 < $1 : $0.count > $1.count }
        guard sorted.count > 2, sorted.allSatisfy({ $0.first.map { $0.isASCII && $0.isLetter && $0.isLowercase } ?? false }) else {
            return sorted.map(literal).joined(separator: "|")
        }
        var order: [Character] = []
        var groups: [Character: [String]] = [:]
        for phrase in sorted {
            let first = phrase.first!
            if groups[first] == nil { order.append(first) }
            groups[first, default: []].append(literal(String(phrase.dropFirst()), boundaryAfter: phrase.last!))
        }
        return order.map { first in
            let rests = groups[first]!
            return rests.count == 1 ? String(first) + rests[0] : String(first) + "(?:" + rests.joined(separator: "|") + ")"
        }.joined(separator: "|")
    }

    /// A phrase as a pattern: metacharacters escaped, spaces match any whitespace, and a
    /// word boundary after a final word character.
    static func literal(_ phrase: String) -> String {
        literal(phrase, boundaryAfter: phrase.last)
    }

    /// `phrase` as a pattern, with a word boundary after it when `last` (the last character of
    /// the whole phrase it ends) is a word character; `phrase` may be empty.
    private static func literal(_ phrase: String, boundaryAfter last: Character?) -> String {
        var out = ""
        for character in phrase {
            if character == " " { out += #"\s+"#; continue }
            if "\\^$.|?*+()[]{}-/#".contains(character) { out += "\\" }
            out.append(character)
        }
        if let last, last.isLetter || last.isNumber { out += #"\b"# }
        return out
    }
}
