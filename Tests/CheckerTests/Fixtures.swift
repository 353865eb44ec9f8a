import Claims

/// Builds a claim with only what the checks read; positions default to one line per claim.
func claim(_ kind: String, _ value: Interval, unit: String = "people", quote: String? = nil,
           place: String? = nil, date: String? = nil, group: String? = nil,
           source: String? = nil, anonymous: String? = nil,
           file: String = "a.md", line: Int = 1, start: Int? = nil) -> Claim {
    let begin = start ?? line * 100
    let text = quote ?? value.description
    let attribution = source.map { Attribution(kind: .named, text: $0, rule: "source.said") }
        ?? anonymous.map { Attribution(kind: .anonymous, text: $0, rule: "source.anonymous") }
    return Claim(kind: kind, rule: "\(kind).test", quote: text, file: file, line: line, column: 1,
                 start: begin, end: begin + text.utf8.count, sentence: text, sentenceStart: begin,
                 sentenceIndex: line, value: value, unit: unit,
                 context: ClaimContext(place: place, date: date, group: group), attribution: attribution)
}

func exact(_ value: Double) -> Interval { .point(value) }
func about(_ value: Double) -> Interval { .point(value, approx: true) }

/// A crowd claim, the most common case.
func claim(_ value: Interval, unit: String = "people", quote: String? = nil,
           place: String? = nil, date: String? = nil, group: String? = nil,
           source: String? = nil, anonymous: String? = nil,
           file: String = "a.md", line: Int = 1, start: Int? = nil) -> Claim {
    claim("crowd", value, unit: unit, quote: quote, place: place, date: date, group: group,
          source: source, anonymous: anonymous, file: file, line: line, start: start)
}
