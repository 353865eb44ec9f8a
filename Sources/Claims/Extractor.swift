import PCRE2

/// Runs a `RuleSet` over documents. Holds one matcher per pattern (match data and JIT
/// stack reused across documents), so use one extractor per thread.
public final class Extractor {
    public let rules: RuleSet
    private let claimMatchers: [(rule: ClaimRule, matcher: Matcher)]
    /// Sentence tests (prefilter, requires, excludes), one per distinct pattern: a file's
    /// shared `requires: '(?&electoral)'` runs once per sentence, not once per rule.
    private let sentenceTests: [(id: String, matcher: Matcher)]
    /// Which patterns with literals (`Regex.bound`) can match a sentence at all, and after which
    /// byte none can start; a pattern's gate bit is that of its literal set (-1 or nil: the
    /// pattern has none and always runs).
    private let gate: LiteralGate
    /// What the sentence loop needs of each claim rule and sentence test, as plain values, so
    /// the loop over a hundred rules per sentence copies no references (retain/release was a
    /// tenth of the extraction time).
    private let plans: [RulePlan]
    private let planTests: [Int]
    private let testGates: [Int]
    private let skipGate: Int

    private struct RulePlan {
        /// Gate bit of the rule's own pattern, -1 when it always runs.
        let gate: Int
        /// The rule's prefilter tests: `planTests[testStart ..< testStart + testCount]`.
        let testStart: Int
        let testCount: Int
        /// Test indices, -1 when none.
        let requires: Int
        let excludes: Int
    }
    private let trigger: Matcher
    private let skip: Matcher?
    private let sectionBreak: Matcher?
    private let correction: Matcher?
    private let superseded: Matcher?
    /// Context rules with their prefilters (a sentence must match every one) and the id
    /// under which a failing prefilter is reported.
    /// What the mention loop asks of each context rule before running it, as plain values
    /// (`contextMatchers[i]`'s rule), so skipping a rule copies and retains nothing.
    private struct ContextPlan {
        let role: ContextRule.Role
        let event: Bool
        let dateline: Bool
    }
    private let contextPlans: [ContextPlan]
    private let contextMatchers: [(rule: ContextRule, matcher: Matcher, gate: Int?, prefilters: [(matcher: Matcher, gate: Int?)],
                                   prefilterID: String)]
    private let numbers: NumberParser
    private let splitter: SentenceSplitter
    private let normalizer: ContextNormalizer
    /// The lower-case ASCII bytes the lexicon's continuations start with and its comparisons
    /// end with; nil when one does not (then every sentence takes the String comparison).
    private let continuationStarts: Set<UInt8>?
    private let comparisonEnds: Set<UInt8>?

    public init(rules: RuleSet) {
        self.rules = rules
        // One gate bit per distinct literal set: many rules share the set of `(?&number)`.
        var gated: [[String]] = []
        var bits: [[String]: Int] = [:]
        func gate(_ regex: Regex) -> Int? {
            guard let literals = regex.bound else { return nil }
            if let known = bits[literals] { return known }
            gated.append(literals)
            bits[literals] = gated.count - 1
            return gated.count - 1
        }
        var tests: [(id: String, matcher: Matcher)] = []
        var testGates: [Int] = []
        var testIndex: [String: Int] = [:]
        func test(_ regex: Regex?, _ id: String) -> Int? {
            guard let regex else { return nil }
            if let known = testIndex[regex.pattern] { return known }
            tests.append((id, Matcher(regex)))
            testGates.append(gate(regex) ?? -1)
            testIndex[regex.pattern] = tests.count - 1
            return tests.count - 1
        }
        var flat: [Int] = []
        var plans: [RulePlan] = []
        for rule in rules.claimRules {
            let prefilters = rule.prefilters.compactMap { test($0, rule.id + " (prefilter)") }
            plans.append(RulePlan(gate: gate(rule.regex) ?? -1, testStart: flat.count, testCount: prefilters.count,
                                  requires: test(rule.requires, rule.id + " (requires)") ?? -1,
                                  excludes: test(rule.excludes, rule.id + " (excludes)") ?? -1))
            flat += prefilters
        }
        claimMatchers = rules.claimRules.map { ($0, Matcher($0.regex)) }
        sentenceTests = tests
        self.plans = plans
        planTests = flat
        self.testGates = testGates
        trigger = Matcher(rules.trigger)
        skip = rules.skip.map(Matcher.init)
        sectionBreak = rules.sectionBreak.map(Matcher.init)
        correction = rules.correction.map(Matcher.init)
        superseded = rules.superseded.map(Matcher.init)
        let context = rules.contextRules.map {
            ($0, Matcher($0.regex), gate($0.regex), $0.prefilters.map { (Matcher($0), gate($0)) }, $0.id + " (prefilter)")
        }
        // Event rules first: a sentence naming an event is searched for places too (its day may be another place's).
        contextMatchers = context.filter { $0.0.event } + context.filter { !$0.0.event }
        contextPlans = contextMatchers.map { ContextPlan(role: $0.rule.role, event: $0.rule.event, dateline: $0.rule.dateline) }
        skipGate = rules.skip.flatMap { gate($0) } ?? -1
        self.gate = LiteralGate(literals: gated)
        numbers = NumberParser(lexicon: rules.lexicon)
        splitter = SentenceSplitter(abbreviations: rules.lexicon.abbreviations)
        normalizer = ContextNormalizer(lexicon: rules.lexicon)
        continuationStarts = Extractor.asciiLetters(rules.lexicon.continuations.map { $0.folded().utf8.first })
        comparisonEnds = Extractor.asciiLetters(rules.lexicon.comparisons.map { $0.folded().utf8.last })
    }

    /// A claim found by one rule, before overlaps are resolved and context attached.
    struct Candidate {
        let rule: ClaimRule
        let range: Range<Int>
        let value: Interval
        var kind: String
        var unit: String
        var captured: [ContextRule.Role: String]
        /// A rule's constant group ("killed"), which a captured group narrows.
        var category: String?
        /// The text of the claim a revision corrects.
        var revises: Range<Int>? = nil
    }

    /// A context phrase found in the text: a place, date, group or source mention.
    struct Mention {
        let rule: ContextRule
        let range: Range<Int>
        let text: String
    }

    /// `trace`, when given, records every decision (see `ExtractionTrace`); leave it nil otherwise.
    public func extract(_ document: Document, dateOverride: String? = nil,
                        trace: ExtractionTrace? = nil) -> (claims: [Claim], diagnostics: [Diagnostic]) {
        trace?.begin(document)
        var diagnostics: [Diagnostic] = []
        if let bad = document.firstInvalidUTF8 {
            let (line, column) = document.position(of: bad)
            diagnostics.append(Issue.invalidUTF8(offset: bad).diagnostic(file: document.path, line: line, column: column))
        }
        if let encoding = document.convertedFrom {
            diagnostics.append(Issue.convertedEncoding(encoding).diagnostic(file: document.path))
        }
        if let problem = document.dateProblem {
            diagnostics.append(Issue.invalidArticleDate(problem.text).diagnostic(file: document.path, line: problem.line, column: 1))
        }
        var cuts: [Int] = []
        let sentences = splitter.split(document.bytes, from: document.bodyStart, cuts: &cuts)
        if let first = cuts.first {
            let (line, column) = document.position(of: first)
            diagnostics.append(Issue.sentenceCut(maxLength: splitter.maxLength, more: cuts.count - 1)
                .diagnostic(file: document.path, line: line, column: column))
        }
        let breaks = sectionBreaks(sentences, document)
        let paragraphs = Extractor.paragraphs(of: sentences, in: document, breaks: breaks)
        var scan = Scan(document: document, trace: trace)
        document.bytes.withUnsafeBufferPointer { whole in
            let claimSentences = findCandidates(in: sentences, whole, &scan)
            findMentions(around: claimSentences, in: sentences, paragraphs: paragraphs, whole, &scan)
        }
        let (candidates, mentions, continuing) = (scan.candidates, scan.mentions, scan.continuing)
        let articleDate = (dateOverride ?? document.prefixDate).flatMap(CalendarDate.init(iso:))
        // A refers-back match with nothing to refer to is dropped before overlaps are settled, so
        // a plain claim it covered ("revised the figure down to 55 percent") still stands.
        let unreferenced = candidates.contains(where: \.rule.refersBack)
            ? Extractor.unreferenced(Extractor.resolveOverlaps(candidates), sentences: sentences, trace: trace) : []
        let kept = unreferenced.isEmpty ? candidates : candidates.filter { !unreferenced.contains(Extractor.key($0)) }
        let resolved = Extractor.resolveOverlaps(kept, trace: trace)
        var attacher = ContextAttacher(sentences: sentences, paragraphs: paragraphs,
                                       sections: Extractor.sections(of: sentences, in: document, breaks: breaks), mentions: mentions,
                                       claims: resolved.map(\.range), baselines: baselines(resolved, sentences, document), bytes: document.bytes,
                                       continuing: continuing, normalizer: normalizer,
                                       dates: DateResolver(lexicon: rules.lexicon, articleDate: articleDate),
                                       groupBlockers: resolved.filter(\.rule.comparable).map(\.range))
        let accepted = Extractor.resolveReferences(resolved, sentenceIndex: attacher.sentenceIndex, trace: trace)
        var cursor = Document.Cursor()
        var claims = accepted.enumerated().map { index, candidate -> Claim in
            let sentenceIndex = attacher.sentenceIndex(of: candidate.range.lowerBound)
            let sentence = sentenceIndex.map { sentences[$0] } ?? candidate.range
            let (context, attribution, provenance) = attacher.context(for: candidate, sentenceIndex: sentenceIndex)
            trace?.claimed(candidate, index: index, provenance: provenance)
            let (line, column) = document.position(of: candidate.range.lowerBound, from: &cursor)
            let window = Claim.sentenceWindow(sentence, quote: candidate.range, in: document.bytes)
            var claim = Claim(kind: candidate.kind, rule: candidate.rule.id, quote: document.text(candidate.range),
                         file: document.path, line: line, column: column, start: candidate.range.lowerBound,
                         end: candidate.range.upperBound, sentence: document.text(window.range), sentenceStart: window.range.lowerBound,
                         sentenceIndex: sentenceIndex ?? -1, value: candidate.value, unit: candidate.unit,
                         context: context, attribution: attribution, comparable: candidate.rule.comparable,
                         paragraph: sentenceIndex.map { paragraphs[$0] } ?? -1, revises: candidate.revises,
                         articleDated: provenance.date == .articleDate)
            claim.sentenceCut = (window.before, window.after)
            return claim
        }
        linkCorrections(&claims, sentences: sentences, &scan)
        linkSuperseded(&claims, sentences: sentences, &scan)
        diagnostics += scan.diagnostics
        return (claims, diagnostics)
    }

    /// "four victims in total, not five": a claim followed by one of the lexicon's corrections
    /// replaces the nearest earlier figure of its kind, unit, place and category whose bound is
    /// the corrected number (in the canonical unit), whatever its narrowed group or date ("38
    /// child deaths" ... "33 deaths, not 38").
    private func linkCorrections(_ claims: inout [Claim], sentences: [Range<Int>], _ scan: inout Scan) {
        guard let correction else { return }
        let document = scan.document
        document.bytes.withUnsafeBufferPointer { whole in
            for index in claims.indices where claims[index].revises == nil && claims[index].comparable {
                let claim = claims[index]
                guard sentences.indices.contains(claim.sentenceIndex),
                      let match = scan.first(correction, id: "(lexicon corrections)", in: Extractor.slice(whole, sentences[claim.sentenceIndex]),
                                             from: claim.end),
                      let range = match.range(ofGroup: "corrects"),
                      case .exact(let replaced, _) = numbers.parse(document.text(range)) else { continue }
                let target = claims[..<index].lastIndex { earlier in
                    earlier.comparable && earlier.kind == claim.kind && earlier.unit == claim.unit
                        && earlier.context.place.map(Claim.foldedName) == claim.context.place.map(Claim.foldedName)
                        && sameCategory(earlier.context.group, claim.context.group)
                        && (earlier.value.low == replaced || earlier.value.high == replaced)
                }
                if let target { claims[index].revises = claims[target].start..<claims[target].end }
            }
        }
    }

    /// "child (killed)" and "killed" are one category; "killed" and "injured" are not, and an
    /// umbrella group of the lexicon ("victims") takes in any.
    private func sameCategory(_ a: String?, _ b: String?) -> Bool {
        let (x, y) = (a.map { GroupScope($0).category }, b.map { GroupScope($0).category })
        let umbrella = rules.lexicon.umbrellaGroups
        return x == y || x.map(umbrella.contains) == true || y.map(umbrella.contains) == true
    }

    /// "Earlier reports that up to 1,000 people were trapped were later revised": a figure after
    /// the cue of one of the lexicon's superseded sentences is replaced by the article's other
    /// figures of the same quantity (kind, unit, date and group, and place unless the superseded
    /// figure's place is inherited: "earlier reports" are about the article's event), the first
    /// of each voice.
    private func linkSuperseded(_ claims: inout [Claim], sentences: [Range<Int>], _ scan: inout Scan) {
        guard let superseded else { return }
        // Each sentence with claims: where its cue starts, if it has one.
        var cues: [Int: Int] = [:]
        scan.document.bytes.withUnsafeBufferPointer { whole in
            for index in Set(claims.map(\.sentenceIndex)) where sentences.indices.contains(index) {
                let slice = Extractor.slice(whole, sentences[index])
                if let match = scan.first(superseded, id: "(lexicon superseded-sentences)", in: slice, from: slice.start) {
                    cues[index] = match.range.lowerBound
                }
            }
        }
        guard !cues.isEmpty else { return }
        let old = Set(claims.indices.filter { index in
            guard claims[index].comparable, let cue = cues[claims[index].sentenceIndex] else { return false }
            return claims[index].start >= cue
        })
        for earlier in old.sorted() {
            let figure = claims[earlier]
            let anyPlace = figure.context.inherited.contains("place")
            var voices = Set<String>()
            for index in claims.indices where !old.contains(index) {
                let claim = claims[index]
                guard claim.comparable, claim.revises == nil, claim.describesSameQuantity(as: figure, anyPlace: anyPlace),
                      voices.insert(claim.voice).inserted else { continue }
                claims[index].revises = figure.start..<figure.end
            }
        }
    }

    /// What one pass over a document found, and which patterns failed on it.
    struct Scan {
        let document: Document
        var candidates: [Candidate] = []
        var mentions: [Mention] = []
        var continuing: Set<Int> = []
        var diagnostics: [Diagnostic] = []
        var failed: Set<String> = []
        let trace: ExtractionTrace?

        init(document: Document, trace: ExtractionTrace? = nil) {
            self.document = document
            self.trace = trace
        }

        /// Runs `matcher` over `slice`; a pattern that fails (a runaway backtrack) is reported
        /// once and not run again on this document.
        mutating func run(_ matcher: Matcher, id: String, in slice: Slice, limit: Int? = nil, _ body: (Match) -> Void) {
            guard failed.isEmpty || !failed.contains(id) else { return }
            do {
                try matcher.forEachMatch(in: slice.buffer, from: slice.start, limit: limit, body)
            } catch {
                fail(id, error, at: slice.start)
            }
        }

        /// The first match of `matcher` in `slice` from byte `offset`; nil when none or it failed.
        mutating func first(_ matcher: Matcher, id: String, in slice: Slice, from offset: Int) -> Match? {
            guard failed.isEmpty || !failed.contains(id) else { return nil }
            do {
                return try matcher.firstMatch(in: slice.buffer, from: offset)
            } catch {
                fail(id, error, at: slice.start)
                return nil
            }
        }

        /// Does `test` match the sentence? nil when it failed: the caller then treats the rule
        /// as not applying rather than run it on a wrong premise. `limit`: see `LiteralGate.limit`.
        mutating func passes(_ test: Matcher, _ slice: Slice, id: String, limit: Int? = nil) -> Bool? {
            guard failed.isEmpty || !failed.contains(id) else { return nil }
            do {
                return try test.firstMatch(in: slice.buffer, from: slice.start, limit: limit) != nil
            } catch {
                fail(id, error, at: slice.start)
                return nil
            }
        }

        /// `offset` is the start of the sentence being matched: its line is where the rule ran away.
        private mutating func fail(_ id: String, _ error: Error, at offset: Int) {
            failed.insert(id)
            let reason = (error as? PCRE2Error).map { $0.isResourceLimit ? "\($0.message) (the pattern backtracks too much)" : $0.message }
                ?? "\(error)"
            let (line, column) = document.position(of: offset)
            diagnostics.append(Issue.matchingStopped(rule: id, reason: reason).diagnostic(file: document.path, line: line, column: column))
        }
    }

    /// Claims need a number, so only sentences with a digit, number word or vague quantity
    /// are searched, and each rule's cheap sentence tests run first. Returns the sentences
    /// that produced candidates.
    private func findCandidates(in sentences: [Range<Int>], _ whole: UnsafeBufferPointer<UInt8>, _ scan: inout Scan) -> [Int] {
        var claimSentences: [Int] = []
        let trace = scan.trace
        // Each sentence test's verdict on the current sentence, reset per sentence.
        var verdicts = [Bool??](repeating: nil, count: sentenceTests.count)
        // Which gated patterns can match the sentence, and after which byte none can start.
        var possible: [UInt64] = []
        var ends: [Int] = []
        for (index, sentence) in sentences.enumerated() {
            let slice = Extractor.slice(whole, sentence)
            // The trigger's first branch is `\d`: a sentence with an ASCII digit passes without it.
            guard Extractor.containsDigit(whole, sentence) || scan.passes(trigger, slice, id: "(lexicon number trigger)") == true else {
                trace?.sentence(index, sentence, .noNumber)
                continue
            }
            gate.scan(whole, sentence, into: &possible, ends: &ends)
            if let skip, LiteralGate.allows(skipGate, possible),
               scan.passes(skip, slice, id: "(lexicon skip-sentences)", limit: LiteralGate.limit(skipGate, ends)) != false {
                trace?.sentence(index, sentence, .skipSentence)
                continue
            }
            trace?.sentence(index, sentence, .searched)
            let before = scan.candidates.count
            for test in verdicts.indices { verdicts[test] = nil }
            func verdict(_ test: Int) -> Bool? {
                if let known = verdicts[test] { return known }
                // A test none of whose literals is in the sentence fails without running.
                let result = LiteralGate.allows(testGates[test], possible)
                    ? scan.passes(sentenceTests[test].matcher, slice, id: sentenceTests[test].id,
                                  limit: LiteralGate.limit(testGates[test], ends)) : false
                verdicts[test] = .some(result)
                return result
            }
            for (ruleIndex, plan) in plans.enumerated() {
                var failed = -1
                for offset in 0..<plan.testCount where verdict(planTests[plan.testStart + offset]) != true {
                    failed = offset
                    break
                }
                if failed >= 0 {
                    trace?.rule(claimMatchers[ruleIndex].rule, skipped: .prefilter(index: failed, count: plan.testCount))
                    continue
                }
                if plan.requires >= 0, verdict(plan.requires) != true {
                    trace?.rule(claimMatchers[ruleIndex].rule, skipped: .requires)
                    continue
                }
                if plan.excludes >= 0, verdict(plan.excludes) != false {
                    trace?.rule(claimMatchers[ruleIndex].rule, skipped: .excludes)
                    continue
                }
                guard LiteralGate.allows(plan.gate, possible) else {
                    trace?.rule(claimMatchers[ruleIndex].rule, skipped: .words)
                    continue
                }
                trace?.rule(claimMatchers[ruleIndex].rule, skipped: nil)
                let entry = claimMatchers[ruleIndex]
                var found: [Candidate] = []
                let document = scan.document
                var absurd: [Diagnostic] = []
                scan.run(entry.matcher, id: entry.rule.id, in: slice, limit: LiteralGate.limit(plan.gate, ends)) { match in
                    trace?.matched(match, regex: entry.rule.regex)
                    if let candidate = candidate(entry.rule, match, document, trace, absurd: &absurd) { found.append(candidate) }
                }
                scan.candidates += found
                scan.diagnostics += absurd
            }
            if scan.candidates.count > before { claimSentences.append(index) }
        }
        return claimSentences
    }

    /// Sources and groups matter only beside claims (and in the sentence a claim's sentence
    /// continues); places and dates also where a claim can inherit them from.
    private func findMentions(around claimSentences: [Int], in sentences: [Range<Int>], paragraphs: [Int],
                              _ whole: UnsafeBufferPointer<UInt8>, _ scan: inout Scan) {
        guard let last = claimSentences.last else { return }
        let inheritable = Extractor.inheritable(from: claimSentences, paragraphs: paragraphs)
        var withClaims = Set(claimSentences)
        // A pronoun source ("It says nine were killed") looks back one sentence for its name.
        let sourceSentences = withClaims.union(claimSentences.filter { $0 > 0 }.map { $0 - 1 })
        for index in claimSentences where index > 0 && continues(sentences[index], scan.document) {
            scan.continuing.insert(index)
            withClaims.insert(index - 1)
        }
        // A group or source rule for kinds of claim the document has none of is never consulted
        // (a refers-back claim takes the kind of another candidate). Places and dates are read
        // for events and datelines whatever the kind, and so are background mentions (a claim
        // inside one is the writer's) and datelines of any role: those always run.
        let kinds = Set(scan.candidates.map(\.kind))
        let consulted = contextMatchers.map { entry in
            !(entry.rule.role == .group || entry.rule.role == .source) || entry.rule.appliesTo.isEmpty
                || entry.rule.background || entry.rule.dateline || !entry.rule.appliesTo.isDisjoint(with: kinds)
        }
        var possible: [UInt64] = []
        var ends: [Int] = []
        // A story has one dateline: the first sentence that holds one ("VALMONT Police fired
        // tear gas." then "CRESSAC Guards said ..." is a name, not a second dateline).
        var datelineSentence: Int?
        for index in 0...last {
            let slice = Extractor.slice(whole, sentences[index])
            var scanned = false
            var namesEvent = false
            let datelines = index < Extractor.datelineSentences && (datelineSentence ?? index) == index
            for (number, plan) in contextPlans.enumerated() where consulted[number] && (datelines || !plan.dateline) && (
                ((plan.role == .place || plan.role == .date) && (inheritable[index] || plan.event))
                || (plan.role == .place && namesEvent)
                || withClaims.contains(index)
                || (plan.role == .source && sourceSentences.contains(index))) {
                let entry = contextMatchers[number]
                var found: [Mention] = []
                let document = scan.document
                if !scanned {
                    gate.scan(whole, sentences[index], into: &possible, ends: &ends)
                    scanned = true
                }
                if entry.prefilters.contains(where: {
                    !LiteralGate.allows($0.gate, possible)
                        || scan.passes($0.matcher, slice, id: entry.prefilterID, limit: LiteralGate.limit($0.gate, ends)) != true
                }) { continue }
                guard LiteralGate.allows(entry.gate, possible) else { continue }
                scan.run(entry.matcher, id: entry.rule.id, in: slice, limit: LiteralGate.limit(entry.gate, ends)) { match in
                    guard let range = match.range(ofGroup: entry.rule.role.rawValue), !range.isEmpty else { return }
                    found.append(Mention(rule: entry.rule, range: range, text: document.text(range)))
                }
                if entry.rule.dateline, !found.isEmpty { datelineSentence = index }
                if entry.rule.event, !found.isEmpty { namesEvent = true }
                scan.mentions += found
            }
        }
        if datelineSentence != nil { Extractor.trimDatelines(from: &scan.mentions, in: scan.document) }
    }

    /// "VALMONT Police said ...": a source rule reads the dateline as part of the name; the
    /// voice is "Police", so a mention that starts inside a dateline starts after it instead.
    static func trimDatelines(from mentions: inout [Mention], in document: Document) {
        let datelines = mentions.filter(\.rule.dateline).map(\.range)
        for (index, mention) in mentions.enumerated() where !mention.rule.dateline {
            guard let dateline = datelines.first(where: { $0.lowerBound <= mention.range.lowerBound && mention.range.lowerBound < $0.upperBound }),
                  mention.range.upperBound > dateline.upperBound else { continue }
            var start = dateline.upperBound
            while start < mention.range.upperBound, document.bytes[start] == UInt8(ascii: " ") || document.bytes[start] == UInt8(ascii: "\t") {
                start += 1
            }
            guard start < mention.range.upperBound else { continue }
            mentions[index] = Mention(rule: mention.rule, range: start..<mention.range.upperBound,
                                      text: document.text(start..<mention.range.upperBound))
        }
    }

    /// Dateline rules are searched in this many sentences from the start: a headline line may
    /// come first, and the splitter cuts "ST. LOUIS, April 7" at the abbreviation.
    static let datelineSentences = 3

    /// The sentences whose place and date mentions `ContextAttacher` can give a claim: the
    /// claim's own, those before it in its paragraph, and the lede's (paragraph 0, whatever
    /// the section: a superset is harmless, a mention never consulted changes nothing).
    /// Other sentences' places and dates are never read, so they are not searched.
    static func inheritable(from claimSentences: [Int], paragraphs: [Int]) -> [Bool] {
        var result = [Bool](repeating: false, count: paragraphs.count)
        guard let last = claimSentences.last else { return result }
        for index in 0..<last where paragraphs[index] == 0 { result[index] = true }
        for claim in claimSentences {
            var index = claim
            // Stops at a marked sentence: everything before it in the paragraph is marked too.
            while !result[index] {
                result[index] = true
                guard index > 0, paragraphs[index - 1] == paragraphs[claim] else { break }
                index -= 1
            }
        }
        return result
    }

    /// Where claims overlap, the higher priority wins, then the longer match, then the earlier.
    static func resolveOverlaps(_ candidates: [Candidate], trace: ExtractionTrace? = nil) -> [Candidate] {
        let ordered = candidates.sorted {
            if $0.rule.priority != $1.rule.priority { return $0.rule.priority > $1.rule.priority }
            if $0.range.count != $1.range.count { return $0.range.count > $1.range.count }
            return $0.range.lowerBound < $1.range.lowerBound
        }
        // Accepted ranges never overlap, so kept in text order only the neighbours of a new one
        // can collide with it.
        var accepted: [Candidate] = []
        for candidate in ordered {
            var low = 0
            var high = accepted.count
            while low < high {
                let mid = (low + high) / 2
                if accepted[mid].range.lowerBound < candidate.range.lowerBound { low = mid + 1 } else { high = mid }
            }
            if low > 0, accepted[low - 1].range.overlaps(candidate.range) {
                trace?.lostOverlap(candidate, to: accepted[low - 1])
                continue
            }
            if low < accepted.count, accepted[low].range.overlaps(candidate.range) {
                trace?.lostOverlap(candidate, to: accepted[low])
                continue
            }
            accepted.insert(candidate, at: low)
        }
        return accepted
    }

    /// A sentence as PCRE2 sees it: the document up to the sentence's end, searched from
    /// its start, so lookbehinds still see what came before and offsets stay absolute.
    struct Slice {
        let buffer: UnsafeBufferPointer<UInt8>
        let start: Int
    }

    static func containsDigit(_ whole: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for index in range where whole[index] &- 0x30 < 10 { return true }
        return false
    }

    static func slice(_ whole: UnsafeBufferPointer<UInt8>, _ sentence: Range<Int>) -> Slice {
        Slice(buffer: UnsafeBufferPointer(rebasing: whole[0..<sentence.upperBound]), start: sentence.lowerBound)
    }

    /// Claims introduced by a comparison phrase from the lexicon ("down from 67%").
    private func baselines(_ candidates: [Candidate], _ sentences: [Range<Int>], _ document: Document) -> [Range<Int>] {
        guard !rules.lexicon.comparisons.isEmpty else { return [] }
        return candidates.map(\.range).filter { range in
            let floor = ContextAttacher.sentence(containing: range.lowerBound, in: sentences)?.lowerBound ?? range.lowerBound
            let window = max(floor, range.lowerBound - 40)..<range.lowerBound
            // The last letter before the claim must end a comparison ("down from 67%").
            // (A vertical tab or form feed is no space to Document.isSpace: it takes the String comparison.)
            if let ends = comparisonEnds, let last = document.bytes[window].last(where: { !Document.isSpace($0) }),
               let letter = Extractor.lowerASCIILetter(last), !ends.contains(letter) { return false }
            let before = document.text(window).folded()
            return rules.lexicon.comparisons.contains { before == $0 || before.hasSuffix(" " + $0) }
        }
    }

    /// Sentences that make up a line matching the lexicon's `section-breaks` as a whole
    /// ("5 p.m.", "2:40 p.m. GMT", which the splitter cuts after "p.m.").
    private func sectionBreaks(_ sentences: [Range<Int>], _ document: Document) -> Set<Int> {
        guard let sectionBreak else { return [] }
        let bytes = document.bytes
        var result: Set<Int> = []
        bytes.withUnsafeBufferPointer { whole in
            var index = 0
            while index < sentences.count {
                let start = sentences[index].lowerBound
                guard start == 0 || bytes[start - 1] == 0x0A else { index += 1; continue }
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                var last = index
                while last + 1 < sentences.count, sentences[last + 1].upperBound <= end { last += 1 }
                let lineEnd = sentences[last].upperBound
                let line = UnsafeBufferPointer(rebasing: whole[start..<lineEnd])
                if let match = try? sectionBreak.firstMatch(in: line, from: 0), match.range == 0..<line.count {
                    result.formUnion(index...last)
                }
                index = last + 1
            }
        }
        return result
    }

    /// Section number of each sentence: a Markdown heading ("## Picket") or a section break
    /// starts a new one; a hashtag ("#MeToo") does not.
    static func sections(of sentences: [Range<Int>], in document: Document, breaks: Set<Int> = []) -> [Int] {
        let hash = UInt8(ascii: "#")
        var section = 0
        return sentences.indices.map { index in
            let sentence = sentences[index]
            let head = document.bytes[sentence].prefix { $0 == hash }
            if !head.isEmpty, document.bytes[sentence].dropFirst(head.count).first == UInt8(ascii: " ") { section += 1 }
            if breaks.contains(index), !breaks.contains(index - 1) { section += 1 }
            return section
        }
    }

    /// Paragraph number of each sentence: a line break between two sentences starts a new one.
    /// Lines before the first one that ends like prose (a headline, a byline) count as -1, so
    /// that paragraph 0 is the lede.
    static func paragraphs(of sentences: [Range<Int>], in document: Document, breaks: Set<Int> = []) -> [Int] {
        var result: [Int] = []
        var paragraph = 0
        var previousEnd: Int?
        for sentence in sentences {
            if let end = previousEnd, document.bytes[end..<sentence.lowerBound].contains(0x0A) { paragraph += 1 }
            result.append(paragraph)
            previousEnd = sentence.upperBound
        }
        guard let lede = sentences.indices.first(where: { !breaks.contains($0) && endsLikeProse(document.bytes[sentences[$0]]) })
        else { return result }
        let offset = result[lede]
        return result.map { $0 < offset ? -1 : $0 - offset }
    }

    /// Ends in . ! ? or a closing quote (" ” ’): a headline or byline does not.
    private static func endsLikeProse(_ text: ArraySlice<UInt8>) -> Bool {
        guard let last = text.last else { return false }
        if ".!?\"".utf8.contains(last) { return true }
        let tail = Array(text.suffix(3))
        return tail == [0xE2, 0x80, 0x9D] || tail == [0xE2, 0x80, 0x99]
    }

    /// A sentence continues the one before when it starts in lower case or with a phrase from
    /// the lexicon's `continuations` ("He added", "They said").
    private func continues(_ sentence: Range<Int>, _ document: Document) -> Bool {
        guard let first = document.bytes[sentence].first else { return false }
        if first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") { return true }
        // A head whose first letter starts no continuation needs no String (an ASCII letter
        // folds only to itself; anything else takes the full comparison).
        if let starts = continuationStarts, let letter = Extractor.lowerASCIILetter(first), !starts.contains(letter) { return false }
        let head = document.text(sentence.lowerBound..<min(sentence.upperBound, sentence.lowerBound + 40)).folded()
        return rules.lexicon.continuations.contains { head == $0 || head.hasPrefix($0 + " ") || head.hasPrefix($0 + ",") }
    }

    /// The bytes, when every one is an ASCII letter (lower-cased); nil otherwise.
    static func asciiLetters(_ bytes: [UInt8?]) -> Set<UInt8>? {
        var result: Set<UInt8> = []
        for byte in bytes {
            guard let byte, let letter = lowerASCIILetter(byte) else { return nil }
            result.insert(letter)
        }
        return result
    }

    /// A lower-cased ASCII letter; nil for any other byte.
    static func lowerASCIILetter(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte + 0x20
        default: return nil
        }
    }

    /// The groups of a compound length's later parts, each a number and its unit, in order.
    private static let compoundParts = [("plus", "plus_unit"), ("plus2", "plus2_unit")]

    /// Magnitudes past this are no news figure (10^400 people); past a Double's range they
    /// would even become infinite and match any other claim.
    static let largestValue = 1e15

    private func candidate(_ rule: ClaimRule, _ match: Match, _ document: Document, _ trace: ExtractionTrace?,
                           absurd: inout [Diagnostic]) -> Candidate? {
        guard !match.range.isEmpty else { trace?.outcome(.emptyMatch); return nil }
        func text(_ name: String) -> String? { match.range(ofGroup: name).map { document.text($0) } }
        var unit = rule.unit ?? ""
        var factor = 1.0
        if let unitText = text("unit") {
            guard let alias = rules.lexicon.unit(named: unitText) else { trace?.outcome(.unknownUnit(unitText)); return nil }
            unit = alias.canonical
            factor = alias.factor
        }
        // "from 500 m to 2 km": a low end with its own unit is first converted to the high end's.
        var lowFactor = 1.0
        if let lowUnitText = text("low_unit") {
            guard let alias = rules.lexicon.unit(named: lowUnitText), alias.canonical == unit else {
                trace?.outcome(.unknownUnit(lowUnitText)); return nil
            }
            lowFactor = alias.factor / factor
        }
        guard var value = interval(value: text("value"), low: text("low"), high: text("high"), qualifier: text("qualifier"),
                                   lowFactor: lowFactor) else {
            trace?.outcome(.noValue(noIntervalReason(value: text("value"), low: text("low"), high: text("high"))))
            return nil
        }
        value = value.scaled(by: factor)
        // "6 feet 1 inch", "1 km and 200 metres", "2 yards, 7 feet and 10 inches": a compound
        // length is one value.
        for (part, partUnit) in Self.compoundParts {
            guard let plusText = text(part) else { continue }
            guard case .exact(let extra, _)? = numbers.parse(plusText), extra >= 0 else {
                trace?.outcome(.noValue("\(part) \"\(plusText)\" is not a number the lexicon knows")); return nil
            }
            var plusFactor = factor
            if let plusUnit = text(partUnit) {
                guard let alias = rules.lexicon.unit(named: plusUnit), alias.canonical == unit else {
                    trace?.outcome(.unknownUnit(plusUnit)); return nil
                }
                plusFactor = alias.factor
            }
            let shift = Interval.point(extra).scaled(by: plusFactor).low ?? 0
            // Rounded to a millionth like unit conversions, so 6 ft 1 in is 1.8542 m.
            func add(_ end: Double) -> Double { ((end + shift) * 1e6).rounded() / 1e6 }
            value.low = value.low.map(add)
            value.high = value.high.map(add)
        }
        if [value.low, value.high].contains(where: { end in end.map { !$0.isFinite || abs($0) > Self.largestValue } ?? false }) {
            let (line, column) = document.position(of: match.range.lowerBound)
            let quote = document.text(match.range)
            absurd.append(Issue.valueTooLarge(rule: rule.id, quote: quote).diagnostic(file: document.path, line: line, column: column))
            trace?.outcome(.noValue("the value is too large to be a claim (above 1e15)"))
            return nil
        }
        if rule.bounds.low != nil || rule.bounds.high != nil {
            let unclamped = value
            value = value.clamped(min: rule.bounds.low, max: rule.bounds.high)
            // "won more than 120% of the vote" is no vote share at all.
            if value.isEmpty {
                trace?.outcome(.emptyAfterClamp(unclamped, low: rule.bounds.low, high: rule.bounds.high))
                return nil
            }
        }
        var captured: [ContextRule.Role: String] = [:]
        for role in ContextRule.Role.allCases {
            if role != .group, let constant = rule.set[role.rawValue] { captured[role] = constant }
            if let found = text(role.rawValue) { captured[role] = found }
        }
        return Candidate(rule: rule, range: match.range, value: value, kind: rule.kind, unit: unit, captured: captured,
                         category: rule.set["group"])
    }

    /// Refers-back candidates that would find no referent among `resolved`.
    static func unreferenced(_ resolved: [Candidate], sentences: [Range<Int>], trace: ExtractionTrace? = nil) -> Set<String> {
        let index = { ContextAttacher.index(of: $0, in: sentences) }
        let accepted = Set(resolveReferences(resolved, sentenceIndex: index, trace: trace).map(key))
        return Set(resolved.filter { $0.rule.refersBack }.map(key)).subtracting(accepted)
    }

    static func key(_ candidate: Candidate) -> String {
        "\(candidate.rule.id)@\(candidate.range.lowerBound)-\(candidate.range.upperBound)"
    }

    /// A claim that refers back ("put the figure at 8,000") becomes a claim about the nearest
    /// preceding claim's quantity in the same or previous sentence, or is dropped.
    static func resolveReferences(_ candidates: [Candidate], sentenceIndex: (Int) -> Int?,
                                  trace: ExtractionTrace? = nil) -> [Candidate] {
        var result: [Candidate] = []
        var lastDirect: (candidate: Candidate, sentence: Int)?
        for var candidate in candidates {
            let sentence = sentenceIndex(candidate.range.lowerBound) ?? -1
            guard candidate.rule.refersBack else {
                // A revision of its own kind ("revised the turnout figure down to 60 percent")
                // corrects the nearest earlier figure of that kind and unit.
                if candidate.rule.revises, let earlier = lastDirect, sentence - earlier.sentence <= 1,
                   earlier.candidate.kind == candidate.kind, earlier.candidate.unit == candidate.unit {
                    candidate.revises = earlier.candidate.range
                }
                result.append(candidate)
                // Only a comparable quantity can be "the figure" a later claim disputes.
                if candidate.rule.comparable { lastDirect = (candidate, sentence) }
                continue
            }
            guard let referent = lastDirect, sentence - referent.sentence <= 1,
                  candidate.unit.isEmpty || candidate.unit == referent.candidate.unit else {
                trace?.noReferent(candidate, nearest: lastDirect)
                continue
            }
            trace?.referred(candidate, to: referent.candidate, group: candidate.captured[.group] == nil
                            && referent.candidate.captured[.group] != nil)
            candidate.kind = referent.candidate.kind
            candidate.unit = referent.candidate.unit
            if candidate.captured[.group] == nil { candidate.captured[.group] = referent.candidate.captured[.group] }
            if candidate.category == nil { candidate.category = referent.candidate.category }
            if candidate.rule.revises { candidate.revises = referent.candidate.range }
            result.append(candidate)
        }
        return result
    }

    /// The interval a number, range or vague quantity and its qualifier stand for.
    func interval(value: String?, low: String?, high: String?, qualifier: String?, lowFactor: Double = 1) -> Interval? {
        let hedge = qualifier.flatMap { rules.lexicon.qualifier($0) }
        if let low, let high, let lowParsed = numbers.parse(low), let highParsed = numbers.parse(high) {
            var range: Interval
            switch (lowParsed, highParsed) {
            case let (.exact(a, aScale), .exact(b, bScale)):
                var start = a
                if lowFactor != 1 {
                    start = (Interval.point(a).scaled(by: lowFactor).low ?? a)
                } else if aScale == nil, let bScale, a * bScale <= b {
                    // "2 to 3 million": the scale written once applies to both ends.
                    start = a * bScale
                } else if aScale == nil, bScale == nil, numbers.groupScale(low) == nil, let group = numbers.groupScale(high),
                          a >= 1, a < 1000, a * group < b {
                    // "3-4,000": the thousands written once apply to both ends.
                    start = a * group
                }
                guard start <= b else { return nil }
                range = Interval(low: start, high: b)
            case let (.exact(a, _), .vague(v)): range = Interval(low: a, high: v.high, approx: true)
                range.vague = true
            case let (.vague(v), .exact(b, _)): range = Interval(low: v.low, high: b, approx: true)
                range.vague = true
            case let (.vague(v), .vague(w)): range = Interval(low: v.low, high: w.high, approx: true)
                range.vague = true
            }
            if hedge?.approx == true { range.approx = true }
            return range
        }
        guard let value, let parsed = numbers.parse(value) else { return nil }
        switch parsed {
        case .vague(var interval):
            interval.vague = true
            return interval
        case .exact(let x, _):
            let approx = (hedge?.approx ?? false) || numbers.isApproximate(value)
            guard let hedge else { return .point(x, approx: approx) }
            return hedge.template.apply(x, approx: approx)
        }
    }


}
