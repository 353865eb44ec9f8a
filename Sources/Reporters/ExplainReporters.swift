import Claims

/// `claimcheck explain --format`.
public enum ExplainFormat: String, CaseIterable, Sendable {
    case text, json

    /// `all`: also list the rules that sentence tests skipped.
    public func reporter(all: Bool = false) -> any Reporter<ExplainReport> {
        switch self {
        case .text: ExplainTextReporter(all: all)
        case .json: ExplainJSONReporter(all: all)
        }
    }
}

/// The explain view as text: a header per sentence, then one line per rule tried with its
/// matches, captures and outcomes, then each claim with the origin of its context.
public struct ExplainTextReporter: Reporter {
    public typealias Input = ExplainReport

    let all: Bool

    public init(all: Bool = false) {
        self.all = all
    }

    public func render(_ report: ExplainReport) -> String {
        var out = "\(safe(report.file)): article date \(report.articleDate ?? "none"); \(report.ruleCount) claim rules\n"
        for sentence in report.sentences {
            out += "\n\(safe(report.file)):\(sentence.line):\(sentence.column): sentence \(sentence.number): "
                + TextEscaping.quoted(sentence.text) + "\n"
            switch sentence.status {
            case .noNumber:
                out += "  not searched: no digit, number word or vague quantity\n"
                continue
            case .skipSentence:
                out += "  not searched: the sentence matches the lexicon's skip-sentences\n"
                continue
            case .searched:
                break
            }
            let skipped = sentence.rules.filter { $0.skipped != nil }
            for rule in sentence.rules where all || rule.skipped == nil {
                out += self.rule(rule, report)
            }
            if !all, !skipped.isEmpty {
                out += "  \(skipped.count) rule\(skipped.count == 1 ? "" : "s") skipped by sentence tests (--all lists them)\n"
            }
            for claim in sentence.claims { out += self.claim(claim, report) }
        }
        return out
    }

    private func rule(_ rule: ExtractionTrace.RuleRecord, _ report: ExplainReport) -> String {
        let name = "  " + safe(rule.rule) + (rule.refersBack ? " (refers back)" : "") + ": "
        if let skip = rule.skipped { return name + "skipped: " + ExplainText.skip(skip) + "\n" }
        guard !rule.matches.isEmpty else { return name + "no match\n" }
        var out = name + "\(rule.matches.count) match\(rule.matches.count == 1 ? "" : "es")\n"
        for match in rule.matches {
            let (line, column) = report.position(of: match.range.lowerBound)
            out += "    \(line):\(column) \(TextEscaping.quoted(match.text)) -> \(outcome(match.outcome, report))\n"
            if !match.captures.isEmpty {
                out += "      " + match.captures.map { "\(safe($0.name))=\(TextEscaping.quoted($0.text))" }.joined(separator: " ") + "\n"
            }
        }
        return out
    }

    private func outcome(_ outcome: ExtractionTrace.Outcome, _ report: ExplainReport) -> String {
        switch outcome {
        case .claim(let index): return "claim \(index + 1)"
        case .lostOverlap(let winner, let quote, let start, let reason):
            let (line, column) = report.position(of: start)
            return "lost the overlap to \(safe(winner)) \(TextEscaping.quoted(quote)) at \(line):\(column) (\(ExplainText.overlap(reason)))"
        case .noReferent(let problem):
            return "dropped: it refers back, but " + safe(ExplainText.referent(problem))
        default:
            return "rejected: " + safe(ExplainText.rejection(outcome))
        }
    }

    private func claim(_ explained: ExplainReport.ExplainedClaim, _ report: ExplainReport) -> String {
        let claim = explained.claim
        var out = "  claim \(explained.number): \(safe(claim.kind)) \(claim.value.description) \(safe(claim.unit)) "
            + "\(TextEscaping.quoted(claim.quote)) (\(safe(claim.rule)))\n"
        if let referent = explained.referent {
            let target = referent.claim.map { "claim \($0)" } ?? "a claim"
            out += "    refers back to \(target): \(safe(referent.rule)) \(TextEscaping.quoted(referent.quote))\n"
        }
        if let revised = explained.revised {
            let target = revised.claim.map { "claim \($0)" } ?? "a claim"
            out += "    revises \(target): \(TextEscaping.quoted(revised.quote))\n"
        }
        let provenance = explained.provenance
        let context = claim.context
        out += field("place", context.place, provenance.place, report)
        out += field("date", context.date, provenance.date, report)
        var group = field("group", context.group, provenance.group, report)
        if let category = provenance.category {
            group = String(group.dropLast()) + "; narrowed from the rule's set: group \(TextEscaping.quoted(category))\n"
        }
        out += group
        let source = claim.attribution.map { $0.kind == .named ? $0.text : "anonymous: " + $0.text }
        out += field("source", source, provenance.source, report)
        out += "    voice: " + (explained.voice.isEmpty ? "(the writer's own)" : safe(explained.voice)) + "\n"
        return out
    }

    private func field(_ name: String, _ value: String?, _ origin: ContextProvenance.Origin, _ report: ExplainReport) -> String {
        let shown = value.map(TextEscaping.quoted) ?? "none"
        guard let from = ExplainText.origin(origin, report) else { return "    \(name): \(shown)\n" }
        // "people" is a generic crowd word, "the weekend" no date: say why the text gave nothing.
        return "    \(name): \(shown) (\(from)\(value == nil ? ", which gives none" : ""))\n"
    }

    private func safe(_ text: String) -> String { TextEscaping.terminalSafe(text) }
}

/// The words explain uses for each reason, shared by the text and JSON renderings.
enum ExplainText {
    static func skip(_ skip: ExtractionTrace.Skip) -> String {
        switch skip {
        case .prefilter(let index, let count):
            return count == 1 ? "prefilter did not match the sentence" : "prefilter \(index + 1) of \(count) did not match the sentence"
        case .requires: return "requires did not match the sentence"
        case .excludes: return "excludes matched the sentence"
        case .words: return "none of the words every match needs is in the sentence (claimcheck rules show lists them)"
        }
    }

    static func overlap(_ reason: ExtractionTrace.OverlapReason) -> String {
        switch reason {
        case .priority(let winner, let loser): return "higher priority: \(winner) over \(loser)"
        case .length(let winner, let loser): return "longer match: \(winner) bytes over \(loser)"
        case .earlier: return "same priority and length, earlier in the text"
        }
    }

    static func referent(_ problem: ExtractionTrace.ReferentProblem) -> String {
        switch problem {
        case .noComparableClaim:
            return "no comparable claim comes before it"
        case .tooFar(let rule, let quote, let sentence):
            return "the nearest comparable claim (\(rule) \"\(quote)\") is in sentence \(sentence + 1), more than one sentence back"
        case .unitMismatch(let rule, let quote, let unit, let wanted):
            return "the nearest comparable claim (\(rule) \"\(quote)\") is in \(unit), not \(wanted)"
        }
    }

    static func rejection(_ outcome: ExtractionTrace.Outcome) -> String {
        switch outcome {
        case .emptyMatch: return "the match is empty"
        case .unknownUnit(let unit): return "unit \"\(unit)\" is not in the lexicon"
        case .noValue(let reason): return reason
        case .emptyAfterClamp(let value, let low, let high):
            return "\(value) is empty once clamped to the rule's bounds \(Interval(low: low, high: high))"
        case .pending: return "undecided (an extractor bug)"
        case .claim, .lostOverlap, .noReferent: return ""
        }
    }

    /// Where a context value came from, or nil when nothing supplied it.
    static func origin(_ origin: ContextProvenance.Origin, _ report: ExplainReport) -> String? {
        switch origin {
        case .none: return nil
        case .captured(let text): return "captured \(TextEscaping.quoted(text)) by the claim rule"
        case .constant(let text): return "the rule's set: \(TextEscaping.quoted(text))"
        case .mention(let rule, let text): return "\(TextEscaping.terminalSafe(rule)) found \(TextEscaping.quoted(text)) in this sentence"
        case .inherited(let rule, let text, let sentence, let fromLede):
            return "inherited from \(sentenceName(sentence, report))\(fromLede ? " in the lede" : ""): "
                + "\(TextEscaping.terminalSafe(rule)) found \(TextEscaping.quoted(text))"
        case .event(let reference, let rule, let text, let sentence):
            return "\(TextEscaping.quoted(reference)) refers to the story's event, named in \(sentenceName(sentence, report)): "
                + "\(TextEscaping.terminalSafe(rule)) found \(TextEscaping.quoted(text))"
        case .articleDate: return "the article date"
        case .continued(let rule, let text, let sentence):
            return "from \(sentenceName(sentence, report)), which this sentence continues: "
                + "\(TextEscaping.terminalSafe(rule)) found \(TextEscaping.quoted(text))"
        case .referent: return "copied from the claim it refers back to"
        }
    }

    static func sentenceName(_ index: Int, _ report: ExplainReport) -> String {
        guard index < report.sentenceRanges.count else { return "sentence \(index + 1)" }
        return "sentence \(index + 1) on line \(report.position(of: report.sentenceRanges[index].lowerBound).line)"
    }
}

/// The explain view as one JSON document (a contract, like `extract --format json`):
/// `{version, file, articleDate, line, sentences: [{number, line, column, endLine, start, end,
/// text, status, rules: [{rule, refersBack, skipped, matches: [{text, line, column, start, end,
/// captures: [{name, text}], outcome: {result, ...}}]}], claims: [{number, claim, referent, revises,
/// provenance: {place, date, group, source, category}, voice}]}], errors}`.
public struct ExplainJSONReporter: Reporter {
    public typealias Input = ExplainReport

    let all: Bool

    public init(all: Bool = false) {
        self.all = all
    }

    public func render(_ report: ExplainReport) -> String {
        let document: JSON = [
            "version": JSON(JSONContract.version),
            "file": .string(report.file),
            "articleDate": JSON(report.articleDate),
            "line": JSON(report.line),
            "sentences": .array(report.sentences.map { sentence($0, report) }),
            "errors": .array(report.diagnostics.map(JSONContract.diagnostic)),
        ]
        return document.serialized(pretty: true) + "\n"
    }

    private func sentence(_ sentence: ExplainReport.Sentence, _ report: ExplainReport) -> JSON {
        [
            "number": JSON(sentence.number),
            "line": JSON(sentence.line),
            "column": JSON(sentence.column),
            "endLine": JSON(sentence.endLine),
            "start": JSON(sentence.range.lowerBound),
            "end": JSON(sentence.range.upperBound),
            "text": .string(sentence.text),
            "status": .string(sentence.status.rawValue),
            "rules": .array(sentence.rules.filter { all || $0.skipped == nil }.map { rule($0, report) }),
            "claims": .array(sentence.claims.map { claim($0, report) }),
        ]
    }

    private func rule(_ rule: ExtractionTrace.RuleRecord, _ report: ExplainReport) -> JSON {
        [
            "rule": .string(rule.rule),
            "refersBack": JSON(rule.refersBack),
            "skipped": rule.skipped.map { .string(ExplainText.skip($0)) } ?? .null,
            "matches": .array(rule.matches.map { match($0, report) }),
        ]
    }

    private func match(_ match: ExtractionTrace.MatchRecord, _ report: ExplainReport) -> JSON {
        let (line, column) = report.position(of: match.range.lowerBound)
        return [
            "text": .string(match.text),
            "line": JSON(line),
            "column": JSON(column),
            "start": JSON(match.range.lowerBound),
            "end": JSON(match.range.upperBound),
            "captures": .array(match.captures.map { ["name": .string($0.name), "text": .string($0.text)] }),
            "outcome": outcome(match.outcome),
        ]
    }

    /// `{result: "claim", claim}`, `{result: "lost-overlap", winner, quote, start, reason}`,
    /// `{result: "no-referent", reason}` or `{result: "rejected", reason}`.
    private func outcome(_ outcome: ExtractionTrace.Outcome) -> JSON {
        switch outcome {
        case .claim(let index):
            return ["result": "claim", "claim": JSON(index + 1)]
        case .lostOverlap(let winner, let quote, let start, let reason):
            return ["result": "lost-overlap", "winner": .string(winner), "quote": .string(quote), "start": JSON(start),
                    "reason": .string(ExplainText.overlap(reason))]
        case .noReferent(let problem):
            return ["result": "no-referent", "reason": .string(ExplainText.referent(problem))]
        default:
            return ["result": "rejected", "reason": .string(ExplainText.rejection(outcome))]
        }
    }

    private func claim(_ explained: ExplainReport.ExplainedClaim, _ report: ExplainReport) -> JSON {
        let provenance = explained.provenance
        let referent: JSON = explained.referent.map { referent in
            ["rule": .string(referent.rule), "quote": .string(referent.quote), "claim": JSON(referent.claim)]
        } ?? .null
        return [
            "number": JSON(explained.number),
            "claim": JSONContract.claim(explained.claim),
            "referent": referent,
            "revises": explained.revised.map { ["quote": .string($0.quote), "claim": JSON($0.claim)] } ?? .null,
            "provenance": [
                "place": origin(provenance.place),
                "date": origin(provenance.date),
                "group": origin(provenance.group),
                "source": origin(provenance.source),
                "category": JSON(provenance.category),
            ],
            "voice": .string(explained.voice),
        ]
    }

    /// `{from, rule, text, sentence}`: `from` is none, captured, constant, mention, inherited,
    /// lede, event, article-date, continued or referent; `sentence` (1-based) only for inherited,
    /// lede, event and continued; absent fields are null.
    private func origin(_ origin: ContextProvenance.Origin) -> JSON {
        func object(_ from: String, rule: String? = nil, text: String? = nil, sentence: Int? = nil) -> JSON {
            ["from": .string(from), "rule": JSON(rule), "text": JSON(text), "sentence": JSON(sentence.map { $0 + 1 })]
        }
        switch origin {
        case .none: return object("none")
        case .captured(let text): return object("captured", text: text)
        case .constant(let text): return object("constant", text: text)
        case .mention(let rule, let text): return object("mention", rule: rule, text: text)
        case .inherited(let rule, let text, let sentence, let fromLede):
            return object(fromLede ? "lede" : "inherited", rule: rule, text: text, sentence: sentence)
        case .event(_, let rule, let text, let sentence): return object("event", rule: rule, text: text, sentence: sentence)
        case .articleDate: return object("article-date")
        case .continued(let rule, let text, let sentence): return object("continued", rule: rule, text: text, sentence: sentence)
        case .referent(let rule): return object("referent", rule: rule)
        }
    }
}
