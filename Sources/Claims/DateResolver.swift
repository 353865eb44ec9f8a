/// Resolves a date mention against the article date: weekdays to the latest such day on or
/// before it, relative days ("yesterday") by offset, "Aug. 15, 2020" / "15 August" directly.
/// Calendar words come from the lexicon. Without an article date, weekdays and relative days
/// resolve to the word itself ("saturday"), which still keeps different days apart.
struct DateResolver {
    let lexicon: Lexicon
    let articleDate: CalendarDate?

    /// Days back an alias ("this weekend") may reach without a past marker.
    static let aliasReach = 3

    /// The shortest relative-day phrase for `offset` (then the first alphabetically), so that
    /// every phrase for one day resolves to the same word.
    private func dayWord(_ offset: Int) -> String {
        lexicon.relativeDays.filter { $0.value == offset }.keys.min { ($0.count, $0) < ($1.count, $1) } ?? ""
    }

    func resolve(_ raw: String) -> String? {
        let text = raw.folded()
        // "since 2018": a span, kept as written so a running total never meets a day's count.
        if lexicon.spanMarkers.contains(where: { text == $0 || text.hasPrefix($0 + " ") }) { return text }
        if let date = CalendarDate(iso: text) { return date.description }
        // Without an article date a weekday or "yesterday" cannot be placed on the calendar,
        // but it still tells one day from another: keep a word for it, one per day ("tonight"
        // and "this morning" are both "today").
        if let offset = lexicon.relativeDays[text] { return articleDate?.adding(days: offset).description ?? dayWord(offset) }
        // A bare year ("in 1998") dates a claim to that year only.
        if text.count == 4, let year = Int(text), year > 999 { return String(year) }
        let tokens = text.split { $0 == " " || $0 == "," }.map { $0.hasSuffix(".") ? String($0.dropLast()) : String($0) }
        let aliased = tokens.contains { lexicon.dayAliases[$0] != nil }
        if let weekday = tokens.lazy.compactMap({ lexicon.weekdays.firstIndex(of: lexicon.dayAliases[$0] ?? $0) }).first, tokens.count <= 2 {
            let strictlyPast = tokens.contains { lexicon.pastMarkers.contains($0) }
            guard let articleDate else { return (strictlyPast ? "last " : "") + lexicon.weekdays[weekday] }
            var back = (articleDate.weekday - weekday + 7) % 7
            if back == 0, strictlyPast { back = 7 }
            // "This weekend" in a Thursday paper is the coming one: an alias without "last" is
            // read back only a few days, else kept as written (still apart from any day).
            if aliased, !strictlyPast, back > Self.aliasReach { return text }
            return articleDate.adding(days: -back).description
        }
        // "four years ago": a number of periods back from the article date.
        if let unit = tokens.last, let days = lexicon.periods[unit] {
            let count = tokens.dropLast().joined(separator: " ")
            let number: Double?
            switch NumberParser(lexicon: lexicon).parse(count) {
            case .exact(let value, _)?: number = value
            case .vague(let interval)?: number = interval.low
            case nil: number = ["", "a", "an"].contains(count) ? 1 : nil
            }
            guard let number else { return nil }
            return articleDate?.adding(days: -Int((number * days).rounded())).description ?? text
        }
        var month: Int?
        var day: Int?
        var year: Int?
        for token in tokens {
            if let m = lexicon.months[token] { month = m; continue }
            let digits = token.prefix { $0.isNumber }
            guard let number = Int(digits) else { continue }
            if digits.count == 4 { year = number } else if number >= 1, number <= 31 { day = number }
        }
        guard let month else { return nil }
        guard let day else {
            // "in July": the month, which keeps it apart from any one day's figure. Without a
            // year, the latest such month on or before the article date (ISO's "--MM" with none).
            if let year { return CalendarDate(year: year, month: month, day: 1).map { String($0.description.prefix(7)) } }
            guard let articleDate else { return "--" + (month < 10 ? "0" : "") + String(month) }
            return String(articleDate.year - (month > articleDate.month ? 1 : 0)) + "-" + (month < 10 ? "0" : "") + String(month)
        }
        if let year { return CalendarDate(year: year, month: month, day: day)?.description }
        guard let articleDate else {
            // No year anywhere: ISO 8601's "--MM-DD" still tells March 13 from March 14.
            guard let leapYearDay = CalendarDate(year: 2000, month: month, day: day) else { return nil }
            return "--" + leapYearDay.description.dropFirst(5)
        }
        guard var date = CalendarDate(year: articleDate.year, month: month, day: day) else { return nil }
        // "Dec. 30" in an article of 2 January is last year's.
        if date.dayNumber - articleDate.dayNumber > 31, let earlier = CalendarDate(year: articleDate.year - 1, month: month, day: day) {
            date = earlier
        }
        return date.description
    }
}
