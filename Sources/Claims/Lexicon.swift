import Yams

/// The words claimcheck knows, all read from rule files: number words, scales, vague
/// quantities, qualifiers, units, calendar words and a few lists for sentences and groups.
public struct Lexicon: Sendable {
    public struct Qualifier: Sendable {
        public enum Position: String, Sendable { case before, after }
        public var phrases: [String]
        public var template: IntervalTemplate
        public var approx: Bool
        public var position: Position
    }

    /// Canonical unit plus the factor that converts a mention into it.
    public struct UnitAlias: Sendable {
        public var canonical: String
        public var factor: Double
    }

    public var numbers: [String: Double] = [:]
    public var scales: [String: Double] = [:]
    public var vague: [String: Interval] = [:]
    public var qualifiers: [Qualifier] = []
    /// canonical unit → alias (folded) → factor
    public var units: [String: [String: Double]] = [:]
    /// canonical unit → marks (folded) → factor: unit names read only where a rule calls
    /// `(?&mark_NAME)` ("6'1\"", "5 ft 10 in"), since on their own they are no unit ("5 in 10").
    public var unitMarks: [String: [String: Double]] = [:]
    public var weekdays: [String] = []
    /// Words that name a day by another word ("weekend" → saturday), resolved as that weekday.
    public var dayAliases: [String: String] = [:]
    public var months: [String: Int] = [:]
    public var relativeDays: [String: Int] = [:]
    public var abbreviations: Set<String> = []
    public var genericGroups: Set<String> = []
    /// Groups that count any of the others ("victims"): a correction to "four victims" may
    /// replace "five people were stabbed" (injured), while "12 injured, not two" does not
    /// replace "two killed".
    public var umbrellaGroups: Set<String> = []
    /// Words for what a story's own later events are ("raids", "a rally"): a figure in a
    /// sentence with one is that event's, not the event an "the attack" refers to.
    public var otherEvents: Set<String> = []
    public var honorifics: Set<String> = []
    /// Words dropped from the front of places and groups ("the border" is "border").
    public var articles: Set<String> = []
    /// Openings of a sentence that continues the one before ("He added", "It said").
    public var continuations: [String] = []
    /// Glue in spelled-out numbers: words that stand for one ("a million"), for a half ("half a
    /// million", "two and a half"), and that join parts ("one hundred and fifty").
    public var oneWords: Set<String> = []
    public var halfWords: Set<String> = []
    public var joiningWords: Set<String> = []
    /// Scale words that make a figure approximate ("two dozen" is about 24, as readers take it).
    public var approximateScales: Set<String> = []
    /// "two point five": the word that starts the decimals of a spelled-out number.
    public var decimalWords: Set<String> = []
    /// "minus 4 percent": words that make the number after them negative.
    public var negativeWords: Set<String> = []
    /// Words that stand for zero where a rule captures them as its value ("no one was hurt",
    /// "denied there were any deaths"); no other rule reads them as a number.
    public var zeroWords: Set<String> = []
    /// Endings that mark a possessive ("Valmont's", "Lyons’"), dropped from places and groups.
    public var possessives: [String] = []
    /// Lengths of time in days, for "four years ago" ("year": 365).
    public var periods: [String: Double] = [:]
    /// Words that open a span rather than a day ("since 2018"): a running total is its own quantity.
    public var spanMarkers: Set<String> = []
    /// Words that put a weekday strictly in the past ("last Sunday" in a Sunday paper).
    public var pastMarkers: Set<String> = []
    /// Phrases that introduce a baseline figure ("down from 67% in 2019"): a date or place
    /// after the baseline belongs to it, not to the figure before.
    public var comparisons: [String] = []
    /// Patterns of sentences that hold no claims to check (corrections, hypotheticals).
    public var skipSentences: [String] = []
    /// Patterns tried right after each claim that give the figure it replaces ("four victims in
    /// total, not five"): each captures `corrects`, the replaced number.
    public var corrections: [String] = []
    /// Patterns of sentences that report a figure the article has since replaced ("Earlier
    /// reports that up to 1,000 people were trapped were later revised").
    public var supersededSentences: [String] = []
    /// Patterns of whole lines that start a new section (live-blog time stamps "5 p.m."): the
    /// line is no lede, and context is not inherited across it.
    public var sectionBreaks: [String] = []

    public init() {}

    /// Later files win entry by entry; lists are unioned, qualifier phrases re-pointed.
    mutating func merge(_ other: Lexicon) {
        numbers.merge(other.numbers) { $1 }
        scales.merge(other.scales) { $1 }
        vague.merge(other.vague) { $1 }
        let replaced = Set(other.qualifiers.flatMap { $0.phrases.map { $0.folded() } })
        qualifiers = qualifiers.compactMap { qualifier in
            var copy = qualifier
            copy.phrases.removeAll { replaced.contains($0.folded()) }
            return copy.phrases.isEmpty ? nil : copy
        } + other.qualifiers
        for (unit, aliases) in other.units { units[unit, default: [:]].merge(aliases) { $1 } }
        for (unit, marks) in other.unitMarks { unitMarks[unit, default: [:]].merge(marks) { $1 } }
        if !other.weekdays.isEmpty { weekdays = other.weekdays }
        dayAliases.merge(other.dayAliases) { $1 }
        months.merge(other.months) { $1 }
        relativeDays.merge(other.relativeDays) { $1 }
        abbreviations.formUnion(other.abbreviations)
        genericGroups.formUnion(other.genericGroups)
        umbrellaGroups.formUnion(other.umbrellaGroups)
        otherEvents.formUnion(other.otherEvents)
        honorifics.formUnion(other.honorifics)
        articles.formUnion(other.articles)
        continuations += other.continuations.filter { !continuations.contains($0) }
        periods.merge(other.periods) { $1 }
        oneWords.formUnion(other.oneWords)
        halfWords.formUnion(other.halfWords)
        approximateScales.formUnion(other.approximateScales)
        joiningWords.formUnion(other.joiningWords)
        decimalWords.formUnion(other.decimalWords)
        negativeWords.formUnion(other.negativeWords)
        zeroWords.formUnion(other.zeroWords)
        possessives += other.possessives.filter { !possessives.contains($0) }
        pastMarkers.formUnion(other.pastMarkers)
        spanMarkers.formUnion(other.spanMarkers)
        comparisons += other.comparisons.filter { !comparisons.contains($0) }
        skipSentences += other.skipSentences
        sectionBreaks += other.sectionBreaks
        corrections += other.corrections
        supersededSentences += other.supersededSentences
    }

    /// Every unit name (and canonical unit) → what it means, built once by `index()`.
    private(set) var unitIndex: [String: UnitAlias] = [:]
    /// Every qualifier phrase → its qualifier, built once by `index()`.
    private(set) var qualifierIndex: [String: Qualifier] = [:]

    public func unit(named text: String) -> UnitAlias? { unitIndex[text.folded()] }

    public func qualifier(_ text: String) -> Qualifier? { qualifierIndex[text.folded()] }

    /// Builds the lookup tables; returns the names claimed by two units (an error in the rules).
    mutating func index() -> [String] {
        unitIndex = [:]
        var clashes: [String] = []
        for (canonical, aliases) in units.sorted(by: { $0.key < $1.key }) {
            for (alias, factor) in aliases.sorted(by: { $0.key < $1.key }) {
                if let other = unitIndex[alias], other.canonical != canonical { clashes.append("'\(alias)' (\(other.canonical), \(canonical))") }
                unitIndex[alias] = UnitAlias(canonical: canonical, factor: factor)
            }
            if unitIndex[canonical] == nil { unitIndex[canonical] = UnitAlias(canonical: canonical, factor: 1) }
        }
        // A mark never overrides a unit name.
        for (canonical, marks) in unitMarks.sorted(by: { $0.key < $1.key }) {
            for (mark, factor) in marks.sorted(by: { $0.key < $1.key }) where unitIndex[mark] == nil {
                unitIndex[mark] = UnitAlias(canonical: canonical, factor: factor)
            }
        }
        qualifierIndex = [:]
        for qualifier in qualifiers {
            for phrase in qualifier.phrases { qualifierIndex[phrase.folded()] = qualifier }
        }
        return clashes
    }

    static let keys: Set<String> = [
        "numbers", "scales", "vague", "qualifiers", "units", "unit-marks", "weekdays", "day-aliases", "months", "relative-days",
        "abbreviations", "generic-groups", "umbrella-groups", "other-events", "honorifics", "articles", "continuations", "periods", "past-markers", "span-markers",
        "comparisons", "skip-sentences", "section-breaks", "corrections", "superseded-sentences", "one-words", "half-words", "approximate-scales", "joining-words", "decimal-words", "negative-words", "zero-words", "possessives",
    ]

    /// Reads the `lexicon:` section of a file.
    static func read(_ node: Node, reader: inout YAMLReader) -> Lexicon {
        var lexicon = Lexicon()
        guard let map = reader.mapping(node, allowed: keys, what: "lexicon") else { return lexicon }
        lexicon.numbers = numberMap(map["numbers"], "lexicon.numbers", &reader)
        lexicon.scales = numberMap(map["scales"], "lexicon.scales", &reader)
        if let node = map["vague"] {
            for (phrase, value) in pairs(node, "lexicon.vague", &reader) {
                guard let text = reader.string(value, "lexicon.vague.\(phrase)"),
                      let template = IntervalTemplate(text), template.low?.factor ?? 0 == 0, template.high?.factor ?? 0 == 0 else {
                    reader.error(value, .invalidVague(phrase: phrase))
                    continue
                }
                var interval = template.apply(0, approx: true)
                interval.approx = true
                lexicon.vague[phrase.folded()] = interval
            }
        }
        if let node = map["qualifiers"] { lexicon.qualifiers = readQualifiers(node, &reader) }
        if let node = map["units"] {
            for (unit, aliases) in pairs(node, "lexicon.units", &reader) {
                var table: [String: Double] = [:]
                for (alias, factor) in numberMap(aliases, "lexicon.units.\(unit)", &reader) { table[alias.folded()] = factor }
                lexicon.units[unit] = table
            }
        }
        if let node = map["unit-marks"] {
            for (unit, marks) in pairs(node, "lexicon.unit-marks", &reader) {
                var table: [String: Double] = [:]
                for (mark, factor) in numberMap(marks, "lexicon.unit-marks.\(unit)", &reader) { table[mark.folded()] = factor }
                lexicon.unitMarks[unit] = table
            }
        }
        lexicon.weekdays = (reader.strings(map["weekdays"], "lexicon.weekdays") ?? []).map { $0.folded() }
        if !lexicon.weekdays.isEmpty, lexicon.weekdays.count != 7 {
            reader.error(map["weekdays"], .weekdaysNotSeven)
        }
        for (alias, day) in pairs(map["day-aliases"], "lexicon.day-aliases", &reader) {
            guard let name = reader.string(day, "lexicon.day-aliases.\(alias)") else { continue }
            lexicon.dayAliases[alias.folded()] = name.folded()
        }
        lexicon.months = integerMap(map["months"], "lexicon.months", in: 1...12, &reader)
        lexicon.relativeDays = integerMap(map["relative-days"], "lexicon.relative-days", in: -36_600...36_600, &reader)
        lexicon.abbreviations = Set(reader.strings(map["abbreviations"], "lexicon.abbreviations") ?? [])
        lexicon.genericGroups = Set((reader.strings(map["generic-groups"], "lexicon.generic-groups") ?? []).map { $0.folded() })
        lexicon.umbrellaGroups = Set((reader.strings(map["umbrella-groups"], "lexicon.umbrella-groups") ?? []).map { $0.folded() })
        lexicon.otherEvents = Set((reader.strings(map["other-events"], "lexicon.other-events") ?? []).map { $0.folded() })
        lexicon.honorifics = Set(reader.strings(map["honorifics"], "lexicon.honorifics") ?? [])
        lexicon.oneWords = Set((reader.strings(map["one-words"], "lexicon.one-words") ?? []).map { $0.folded() })
        lexicon.halfWords = Set((reader.strings(map["half-words"], "lexicon.half-words") ?? []).map { $0.folded() })
        lexicon.approximateScales = Set((reader.strings(map["approximate-scales"], "lexicon.approximate-scales") ?? []).map { $0.folded() })
        lexicon.joiningWords = Set((reader.strings(map["joining-words"], "lexicon.joining-words") ?? []).map { $0.folded() })
        lexicon.decimalWords = Set((reader.strings(map["decimal-words"], "lexicon.decimal-words") ?? []).map { $0.folded() })
        lexicon.negativeWords = Set((reader.strings(map["negative-words"], "lexicon.negative-words") ?? []).map { $0.folded() })
        lexicon.zeroWords = Set((reader.strings(map["zero-words"], "lexicon.zero-words") ?? []).map { $0.folded() })
        lexicon.possessives = (reader.strings(map["possessives"], "lexicon.possessives") ?? []).sorted { $0.count > $1.count }
        lexicon.periods = integerMap(map["periods"], "lexicon.periods", in: 1...36_600, &reader).mapValues(Double.init)
        lexicon.spanMarkers = Set((reader.strings(map["span-markers"], "lexicon.span-markers") ?? []).map { $0.folded() })
        lexicon.pastMarkers = Set((reader.strings(map["past-markers"], "lexicon.past-markers") ?? []).map { $0.folded() })
        lexicon.comparisons = (reader.strings(map["comparisons"], "lexicon.comparisons") ?? []).map { $0.folded() }
        lexicon.skipSentences = reader.strings(map["skip-sentences"], "lexicon.skip-sentences") ?? []
        lexicon.sectionBreaks = reader.strings(map["section-breaks"], "lexicon.section-breaks") ?? []
        lexicon.corrections = reader.strings(map["corrections"], "lexicon.corrections") ?? []
        lexicon.supersededSentences = reader.strings(map["superseded-sentences"], "lexicon.superseded-sentences") ?? []
        lexicon.continuations = (reader.strings(map["continuations"], "lexicon.continuations") ?? []).map { $0.folded() }
        lexicon.articles = Set((reader.strings(map["articles"], "lexicon.articles") ?? []).map { $0.folded() })
        return lexicon
    }

    private static func pairs(_ node: Node?, _ what: String, _ reader: inout YAMLReader) -> [(String, Node)] {
        guard let node else { return [] }
        guard let mapping = node.mapping else {
            reader.error(node, .notAMapping(what))
            return []
        }
        return mapping.compactMap { key, value in
            guard let name = key.string else { return nil }
            return (name, value)
        }
    }

    private static func numberMap(_ node: Node?, _ what: String, _ reader: inout YAMLReader) -> [String: Double] {
        var result: [String: Double] = [:]
        for (key, value) in pairs(node, what, &reader) {
            if let number = reader.number(value, "\(what).\(key)") { result[key.folded()] = number }
        }
        return result
    }

    private static func integerMap(_ node: Node?, _ what: String, in range: ClosedRange<Int>,
                                   _ reader: inout YAMLReader) -> [String: Int] {
        var result: [String: Int] = [:]
        for (key, value) in pairs(node, what, &reader) {
            if let number = reader.integer(value, "\(what).\(key)", in: range) { result[key.folded()] = number }
        }
        return result
    }

    private static func readQualifiers(_ node: Node, _ reader: inout YAMLReader) -> [Qualifier] {
        guard let sequence = node.sequence else {
            reader.error(node, .qualifiersNotAList)
            return []
        }
        var result: [Qualifier] = []
        for item in sequence {
            guard let map = reader.mapping(item, allowed: ["phrases", "interval", "rival-low", "approx", "position"],
                                           what: "qualifier") else { continue }
            let phrases = reader.strings(map["phrases"], "qualifier phrases") ?? []
            guard !phrases.isEmpty else {
                reader.error(item, .qualifierWithoutPhrases)
                continue
            }
            guard let text = reader.string(map["interval"], "qualifier interval"), var template = IntervalTemplate(text) else {
                reader.error(map["interval"] ?? item, .qualifierWithoutInterval)
                continue
            }
            if let rivalNode = map["rival-low"] {
                guard let rival = reader.string(rivalNode, "qualifier rival-low").flatMap(IntervalTemplate.finiteBound) else {
                    reader.error(rivalNode, .invalidRivalLow)
                    continue
                }
                template.rivalLow = rival
            }
            var position = Qualifier.Position.before
            if let positionNode = map["position"] {
                guard let value = reader.string(positionNode, "position").flatMap(Qualifier.Position.init(rawValue:)) else {
                    reader.error(positionNode, .invalidPosition)
                    continue
                }
                position = value
            }
            result.append(Qualifier(phrases: phrases, template: template,
                                    approx: reader.bool(map["approx"], "approx") ?? false, position: position))
        }
        return result
    }
}
