/// Gives each claim its place, date, group and source: from its own captures, else from
/// mentions in its sentence, else (place and date only) from the nearest preceding context.
struct ContextAttacher {
    let sentences: [Range<Int>]
    /// Sentences that continue the one before: they may take its source.
    let continuing: Set<Int>
    /// Paragraph and section (Markdown heading) of each sentence: context is inherited within
    /// a paragraph, or from the lede (paragraph 0) within its section, not across other paragraphs.
    let paragraphs: [Int]
    let sections: [Int]
    private let ledeSentences: [Int]
    private var inherited: [InheritanceKey: Inherited?] = [:]
    /// The last event reference at or before a sentence in its paragraph, and the event.
    private var knownReferences: [InheritanceKey: (mention: Extractor.Mention, event: Inherited)?] = [:]
    /// Per section (and kind): whether its lede ends on a place that binds its paragraph only.
    private var scopedLedes: [InheritanceKey: Bool] = [:]
    /// Per sentence: whether it names one of the story's own later events.
    private var otherEventSentences: [Int: Bool] = [:]
    let normalizer: ContextNormalizer
    let dates: DateResolver
    /// Mentions grouped by sentence index, in text order.
    private var bySentence: [Int: [Extractor.Mention]] = [:]
    private var events: EventNames

    /// Every claim's text range: a mention binds to the claim it belongs to, not past another.
    let claims: [Range<Int>]
    /// Comparable claims only: a name is not kept from a share by a bare percentage between
    /// them ("González had ... from about 40% of ballot boxes ... he obtained 70%").
    let groupBlockers: [Range<Int>]
    /// Claims introduced by a comparison ("down from 67%"): a place or date after one is its own.
    let baselines: [Range<Int>]
    /// The document's bytes, to see clause breaks between a mention and a claim.
    let bytes: [UInt8]

    init(sentences: [Range<Int>], paragraphs: [Int], sections: [Int], mentions: [Extractor.Mention], claims: [Range<Int>] = [],
         baselines: [Range<Int>] = [], bytes: [UInt8] = [], continuing: Set<Int> = [], normalizer: ContextNormalizer, dates: DateResolver,
         groupBlockers: [Range<Int>]? = nil) {
        self.sentences = sentences
        self.claims = claims
        self.groupBlockers = groupBlockers ?? claims
        self.baselines = baselines
        self.bytes = bytes
        self.paragraphs = paragraphs
        self.sections = sections
        ledeSentences = paragraphs.indices.filter { paragraphs[$0] == 0 }
        self.continuing = continuing
        self.normalizer = normalizer
        self.dates = dates
        events = EventNames(sentences: sentences, sections: sections)
        for mention in mentions.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if let index = sentenceIndex(of: mention.range.lowerBound) { bySentence[index, default: []].append(mention) }
            if mention.rule.event {
                events.add(mention, value: mention.rule.role == .place ? normalizer.place(mention.text) : dates.resolve(mention.text))
            }
        }
    }

    func sentenceIndex(of offset: Int) -> Int? {
        ContextAttacher.index(of: offset, in: sentences)
    }

    static func sentence(containing offset: Int, in sentences: [Range<Int>]) -> Range<Int>? {
        index(of: offset, in: sentences).map { sentences[$0] }
    }

    static func index(of offset: Int, in sentences: [Range<Int>]) -> Int? {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if sentences[mid].upperBound <= offset { low = mid + 1 }
            else if sentences[mid].lowerBound > offset { high = mid - 1 }
            else { return mid }
        }
        return nil
    }

    /// The claim's context and attribution, and where each part came from (for explain; the
    /// provenance holds only strings that already exist, so building it costs next to nothing).
    mutating func context(for candidate: Extractor.Candidate, sentenceIndex: Int?) -> (ClaimContext, Attribution?, ContextProvenance) {
        var context = ClaimContext()
        var provenance = ContextProvenance()
        let kind = ContextTarget(kind: candidate.kind, category: candidate.category)
        let local = sentenceIndex.flatMap { bySentence[$0] } ?? []
        func ownOrigin(_ role: ContextRule.Role, _ text: String) -> ContextProvenance.Origin {
            candidate.rule.set[role.rawValue] == text ? .constant(text) : .captured(text)
        }
        func inheritedOrigin(_ found: Inherited) -> ContextProvenance.Origin {
            .inherited(rule: found.mention.rule.id, text: found.mention.text, sentence: found.sentence,
                       fromLede: paragraphs[found.sentence] != paragraphs[sentenceIndex ?? found.sentence])
        }

        // "the attackers" stands for the story's event, and only for a figure in a later paragraph
        // that finds no place otherwise, under a lede whose place binds its own paragraph only
        // ("raids across the country"), in a story that names the event's day ("Thursday's
        // attack"). Under a lede with no place, "the attack" may be the lede's own event; a
        // story that names no event day may recall one of another year. The figure is then the
        // event's, so the event's day dates it before the lede's, which is another story's
        // ("raids ... on Friday, a day after an attack").
        var reference: Extractor.Mention?
        let names = events
        let dates = self.dates
        let normalizer = self.normalizer
        let placeValue = { (mention: Extractor.Mention) in mention.rule.event || mention.rule.refersBack ? nil : normalizer.place(mention.text) }
        let dateValue = { (mention: Extractor.Mention) in mention.rule.event ? nil : dates.resolve(mention.text) }
        if let own = candidate.captured[.place] {
            context.place = normalizer.place(own)
            provenance.place = ownOrigin(.place, own)
        } else if let mention = pick(local, role: .place, kind: kind, around: candidate.range, where: { placeValue($0) != nil }),
                  let value = placeValue(mention) {
            context.place = value
            provenance.place = .mention(rule: mention.rule.id, text: mention.text)
        } else if let inherited = latest(.place, before: sentenceIndex, kind: kind, resolve: placeValue) {
            context.place = inherited.value
            context.inherited.append("place")
            provenance.place = inheritedOrigin(inherited)
        } else if let index = sentenceIndex, paragraphs[index] != 0, scopedLede(index, kind: kind, resolve: placeValue),
                  let (mention, event) = eventReference(for: candidate.range, in: index, kind: kind),
                  let day = events.last(.date, before: mention, kind: kind), dayNamesOnly(event, day, resolve: placeValue),
                  !namesOtherEvent(index), !namesOtherEvent(event: mention) {
            reference = mention
            context.place = event.value
            context.inherited.append("place")
            provenance.place = .event(reference: mention.text, rule: event.mention.rule.id, text: event.mention.text, sentence: event.sentence)
        }

        if let own = candidate.captured[.date] {
            context.date = dates.resolve(own)
            provenance.date = ownOrigin(.date, own)
        } else if let mention = pick(local, role: .date, kind: kind, around: candidate.range, where: { dates.resolve($0.text) != nil }) {
            context.date = dates.resolve(mention.text)
            provenance.date = .mention(rule: mention.rule.id, text: mention.text)
        } else if let inherited = latest(.date, before: sentenceIndex, kind: kind, fromLede: reference == nil, resolve: dateValue) {
            context.date = inherited.value
            context.inherited.append("date")
            provenance.date = inheritedOrigin(inherited)
        } else if let reference, let event = names.last(.date, before: reference, kind: kind) {
            context.date = event.value
            context.inherited.append("date")
            provenance.date = .event(reference: reference.text, rule: event.mention.rule.id, text: event.mention.text, sentence: event.sentence)
        } else if let article = dates.articleDate {
            context.date = article.description
            context.inherited.append("date")
            provenance.date = .articleDate
        }

        if let own = candidate.captured[.group] {
            context.group = normalizer.group(own)
            provenance.group = .captured(own)
        } else if let mention = pick(local, role: .group, kind: kind, around: candidate.range, where: { group in
            // "re-elected mayor of Dunmore with 58%": a name that is a place is not a candidate.
            !local.contains { $0.rule.role == .place && $0.range.overlaps(group.range) }
        }) {
            context.group = normalizer.group(mention.text)
            provenance.group = .mention(rule: mention.rule.id, text: mention.text)
        }
        // A rule's constant group is a category ("killed"); a captured group narrows it.
        if let category = candidate.category {
            context.group = context.group.map { $0 == category ? $0 : "\($0) (\(category))" } ?? category
            if case .none = provenance.group { provenance.group = .constant(category) } else { provenance.category = category }
        }

        var attribution: Attribution?
        if let own = candidate.captured[.source], let text = normalizer.source(own) {
            attribution = Attribution(kind: .named, text: text, rule: candidate.rule.id, voice: normalizer.voice(text))
            provenance.source = ownOrigin(.source, own)
        } else if !local.contains(where: { $0.rule.role == .source && $0.rule.background && $0.range.contains(candidate.range.lowerBound) }) {
            // (A claim inside a background mention, "a war that has killed 250,000", is the writer's.)
            let named = pick(local, role: .source, kind: kind, around: candidate.range) { !$0.rule.anonymous && !$0.rule.background }
            let anonymous = pick(local, role: .source, kind: kind, around: candidate.range) { $0.rule.anonymous }
            var found = named.map { (mention: $0, sentence: sentenceIndex!) } ?? anonymous.map { (mention: $0, sentence: sentenceIndex!) }
            var continued = false
            if named == nil, let index = sentenceIndex, continuing.contains(index) {
                // "... said police. They added that 300 were arrested": the source carries over.
                let previous = bySentence[index - 1] ?? []
                if let carried = pick(previous, role: .source, kind: kind,
                                      around: sentences[index - 1].upperBound..<sentences[index - 1].upperBound,
                                      where: { !$0.rule.anonymous && !$0.rule.background }) {
                    found = (carried, index - 1)
                    continued = true
                }
            }
            if let pronoun = found, pronoun.mention.rule.refersBack, let antecedent = antecedent(of: pronoun.mention, in: pronoun.sentence, kind: kind) {
                found = antecedent
                continued = antecedent.sentence != sentenceIndex
            }
            if let (mention, sentence) = found, let text = normalizer.source(mention.text) {
                attribution = Attribution(kind: mention.rule.anonymous ? .anonymous : .named, text: text, rule: mention.rule.id,
                                          voice: normalizer.voice(text))
                provenance.source = continued ? .continued(rule: mention.rule.id, text: mention.text, sentence: sentence)
                    : .mention(rule: mention.rule.id, text: mention.text)
            }
        }
        return (context, attribution, provenance)
    }

    /// What a pronoun source ("it said") stands for: the last named source before it in its
    /// sentence, else the last in the sentence before. Unresolved, the pronoun stays the source.
    private func antecedent(of pronoun: Extractor.Mention, in sentence: Int, kind: ContextTarget) -> (mention: Extractor.Mention, sentence: Int)? {
        func named(_ mention: Extractor.Mention) -> Bool {
            mention.rule.role == .source && mention.rule.applies(to: kind) && !mention.rule.anonymous
                && !mention.rule.background && !mention.rule.refersBack
        }
        if let same = (bySentence[sentence] ?? []).last(where: { named($0) && $0.range.upperBound <= pronoun.range.lowerBound }) {
            return (same, sentence)
        }
        guard sentence > 0, sentence >= sections.count || sections[sentence - 1] == sections[sentence],
              let previous = (bySentence[sentence - 1] ?? []).last(where: named) else { return nil }
        return (previous, sentence - 1)
    }

    /// The mention a claim takes from its sentence, honouring each rule's `attach`.
    private func pick(_ mentions: [Extractor.Mention], role: ContextRule.Role, kind: ContextTarget, around claim: Range<Int>,
                      where accept: (Extractor.Mention) -> Bool = { _ in true }) -> Extractor.Mention? {
        var best: (mention: Extractor.Mention, distance: Int)?
        for mention in mentions where mention.rule.role == role && !mention.rule.event && !(role == .place && mention.rule.refersBack)
            && mention.rule.applies(to: kind) && accept(mention) {
            let before = mention.range.upperBound <= claim.upperBound && mention.range.lowerBound < claim.lowerBound
            let distance: Int
            if mention.range.overlaps(claim) || (mention.range.lowerBound >= claim.lowerBound && mention.range.upperBound <= claim.upperBound) {
                distance = 0
            } else if mention.range.upperBound <= claim.lowerBound {
                distance = claim.lowerBound - mention.range.upperBound
            } else {
                distance = mention.range.lowerBound - claim.upperBound
            }
            switch mention.rule.attach {
            case .before where !before && distance > 0: continue
            case .after where before && distance > 0: continue
            default: break
            }
            // "Ms Arden won 54% and Mr Dorsey 51%": a name belongs to the share right after it.
            // (Places and dates are shared: "17 killed and 200 injured in Dorvan on Sunday".)
            if role == .group, between(claim, mention.range, among: groupBlockers) { continue }
            // "Thousands marched, which organisers said drew 120,000": a source between two
            // claims introduces the one after it, unless its rule attaches it to what precedes it
            // ("40,000 by police estimates and 90,000 by organisers'").
            if role == .source, mention.rule.attach != .after, !before, distance > 0,
               claimFollows(mention.range, near: claim) { continue }
            // "61.2%, down from 67% in 2019": the year belongs to the baseline.
            if role == .place || role == .date, !before, between(claim, mention.range, among: baselines) { continue }
            // A dateline is only the filing place: any other mention in the sentence wins.
            if best == nil || (mention.rule.dateline ? 1 : 0, distance) < (best!.mention.rule.dateline ? 1 : 0, best!.distance) {
                best = (mention, distance)
            }
        }
        return best?.mention
    }

    /// Another claim follows `mention` in the sentence of `claim` with no clause break between
    /// them ("which organisers said drew 120,000"; not "..., organisers said; officials counted 9,000").
    private func claimFollows(_ mention: Range<Int>, near claim: Range<Int>) -> Bool {
        guard let sentence = ContextAttacher.sentence(containing: claim.lowerBound, in: sentences) else { return false }
        let breaks: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: ".")]
        return claims.contains { next in
            next.lowerBound >= mention.upperBound && next.lowerBound < sentence.upperBound
                && !bytes[mention.upperBound..<next.lowerBound].contains(where: breaks.contains)
        }
    }

    private func between(_ claim: Range<Int>, _ mention: Range<Int>, among others: [Range<Int>]) -> Bool {
        let gap = claim.upperBound <= mention.lowerBound ? claim.upperBound..<mention.lowerBound
            : mention.upperBound <= claim.lowerBound ? mention.upperBound..<claim.lowerBound : nil
        guard let gap, !gap.isEmpty else { return false }
        return others.contains { $0 != claim && $0.lowerBound >= gap.lowerBound && $0.upperBound <= gap.upperBound }
    }

    /// A resolved value from an earlier sentence, and the mention it came from.
    struct Inherited {
        let value: String
        let mention: Extractor.Mention
        let sentence: Int
    }

    /// The last resolvable mention of `role` in the sentences before `index`.
    private mutating func latest(_ role: ContextRule.Role, before index: Int?, kind: ContextTarget, fromLede: Bool = true,
                                 resolve: (Extractor.Mention) -> String?) -> Inherited? {
        guard let index, index > 0 else { return nil }
        if paragraphs[index - 1] == paragraphs[index], let found = lastInParagraph(role, upTo: index - 1, kind: kind, resolve: resolve) {
            return found
        }
        guard fromLede, paragraphs[index] != 0 else { return nil }
        for lede in ledeSentences.reversed() where lede < index && sections[lede] == sections[index] {
            guard let found = last(role, in: lede, kind: kind, resolve: resolve) else { continue }
            // A last mention that binds its own paragraph only ("across the country") leaves
            // later paragraphs with none, not the one before it (a dateline): their figures may
            // be the nation's.
            return found.mention.rule.inheritedFromLede ? found : nil
        }
        return nil
    }

    /// The last resolvable mention in sentence `index` or earlier in its paragraph, memoised
    /// so that a paragraph of many claims is walked once, not once per claim.
    private mutating func lastInParagraph(_ role: ContextRule.Role, upTo index: Int, kind: ContextTarget,
                                          resolve: (Extractor.Mention) -> String?) -> Inherited? {
        // Walk back to a sentence with an answer (or a remembered one), then remember it for
        // every sentence passed on the way. Iterative: a paragraph may hold thousands.
        var visited: [Int] = []
        var sentence = index
        var found: Inherited?
        while true {
            if let known = inherited[InheritanceKey(role: role, kind: kind, sentence: sentence)] {
                found = known
                break
            }
            visited.append(sentence)
            if let value = last(role, in: sentence, kind: kind, resolve: resolve) {
                found = value
                break
            }
            guard sentence > 0, paragraphs[sentence - 1] == paragraphs[sentence] else { break }
            sentence -= 1
        }
        for passed in visited { inherited[InheritanceKey(role: role, kind: kind, sentence: passed)] = .some(found) }
        return found
    }

    private func last(_ role: ContextRule.Role, in sentence: Int, kind: ContextTarget, resolve: (Extractor.Mention) -> String?) -> Inherited? {
        for mention in (bySentence[sentence] ?? []).reversed() where mention.rule.role == role && mention.rule.applies(to: kind) {
            if let value = resolve(mention) { return Inherited(value: value, mention: mention, sentence: sentence) }
        }
        return nil
    }

    /// Whether sentence `index` names one of a story's own later events (lexicon other-events:
    /// "in the raids", "a rally"), as whole words.
    /// Memoised per sentence: a sentence may hold thousands of figures.
    private mutating func namesOtherEvent(_ index: Int) -> Bool {
        if let known = otherEventSentences[index] { return known }
        let words = normalizer.lexicon.otherEvents
        guard !words.isEmpty, sentences.indices.contains(index) else { return false }
        var found = false
        var word: [UInt8] = []
        let range = sentences[index]
        for offset in range.lowerBound...range.upperBound {
            let byte = offset < range.upperBound && offset < bytes.count ? bytes[offset] : 0x20
            if (0x41...0x5A).contains(byte) { word.append(byte | 0x20) }
            else if (0x61...0x7A).contains(byte) { word.append(byte) }
            else {
                if !word.isEmpty, words.contains(String(decoding: word, as: UTF8.self)) { found = true; break }
                word.removeAll(keepingCapacity: true)
            }
        }
        otherEventSentences[index] = found
        return found
    }

    /// The same for the sentence of a reference.
    private mutating func namesOtherEvent(event reference: Extractor.Mention) -> Bool {
        ContextAttacher.index(of: reference.range.lowerBound, in: sentences).map { namesOtherEvent($0) } ?? false
    }

    /// Whether the sentence naming the event's day names no other place than the event's
    /// ("Monday's bombing in Surabaya was followed by the Jakarta attack" dates Surabaya's).
    private func dayNamesOnly(_ event: Inherited, _ day: Inherited, resolve: (Extractor.Mention) -> String?) -> Bool {
        let place = Claim.foldedName(event.value)
        return !(bySentence[day.sentence] ?? []).contains { mention in
            guard mention.rule.role == .place, !mention.rule.refersBack else { return false }
            let value = mention.rule.event ? normalizer.place(mention.text) : resolve(mention)
            return value.map { Claim.foldedName($0) != place } ?? false
        }
    }

    /// Whether the lede of the section of sentence `index` ends on a place that binds its own
    /// paragraph only ("raids across the country"), memoised per section.
    private mutating func scopedLede(_ index: Int, kind: ContextTarget, resolve: (Extractor.Mention) -> String?) -> Bool {
        let section = sections.indices.contains(index) ? sections[index] : 0
        let key = InheritanceKey(role: .place, kind: kind, sentence: section)
        if let known = scopedLedes[key] { return known }
        var scoped = false
        for lede in ledeSentences.reversed() where lede < index && sections[lede] == section {
            guard let found = last(.place, in: lede, kind: kind, resolve: resolve) else { continue }
            scoped = !found.mention.rule.inheritedFromLede
            break
        }
        scopedLedes[key] = scoped
        return scoped
    }

    /// A reference to the story's event ("the attackers") in the claim's sentence (the nearest),
    /// else the last in an earlier sentence of its paragraph (memoised: a paragraph may hold
    /// thousands of sentences), with the event it stands for.
    private mutating func eventReference(for claim: Range<Int>, in index: Int, kind: ContextTarget)
        -> (mention: Extractor.Mention, event: Inherited)? {
        guard events.namesPlaces else { return nil }
        func references(_ sentence: Int) -> [Extractor.Mention] {
            (bySentence[sentence] ?? []).filter { $0.rule.role == .place && $0.rule.refersBack && $0.rule.applies(to: kind) }
        }
        // Not one inside the figure: "Five of the attackers were killed" counts attackers, whom a
        // toll ("killing three people") may leave out.
        let own = references(index).filter { !$0.range.overlaps(claim) }.sorted {
            abs($0.range.lowerBound - claim.lowerBound) < abs($1.range.lowerBound - claim.lowerBound)
        }
        for mention in own { if let event = events.place(of: mention) { return (mention, event) } }
        var visited: [Int] = []
        var sentence = index
        var found: (mention: Extractor.Mention, event: Inherited)?
        search: while sentence > 0, paragraphs[sentence - 1] == paragraphs[index] {
            sentence -= 1
            if let known = knownReferences[InheritanceKey(role: .place, kind: kind, sentence: sentence)] {
                found = known
                break
            }
            visited.append(sentence)
            for mention in references(sentence).reversed() {
                if let event = events.place(of: mention) {
                    found = (mention, event)
                    break search
                }
            }
        }
        for passed in visited { knownReferences[InheritanceKey(role: .place, kind: kind, sentence: passed)] = .some(found) }
        return found
    }

    private struct InheritanceKey: Hashable {
        let role: ContextRule.Role
        let kind: ContextTarget
        let sentence: Int
    }
}

/// The story's events ("the Jakarta attack", "Thursday's attack"), which a place rule's
/// refers-back mention ("the attackers") stands for.
struct EventNames {
    /// Mentions of `event` rules by role, in text order, each with its value; a mention with
    /// none ("the February 31 bombing") is left out here, once.
    private var named: [ContextRule.Role: [ContextAttacher.Inherited]] = [:]
    let sentences: [Range<Int>]
    let sections: [Int]

    init(sentences: [Range<Int>], sections: [Int]) {
        self.sentences = sentences
        self.sections = sections
    }

    /// `mention`, an event mention in text order, with its value.
    mutating func add(_ mention: Extractor.Mention, value: String?) {
        guard let value, let sentence = ContextAttacher.index(of: mention.range.lowerBound, in: sentences) else { return }
        named[mention.rule.role, default: []].append(ContextAttacher.Inherited(value: value, mention: mention, sentence: sentence))
    }

    var namesPlaces: Bool { !(named[.place] ?? []).isEmpty }

    /// The event a reference ("the attackers") stands for: the last place event before it.
    func place(of reference: Extractor.Mention) -> ContextAttacher.Inherited? {
        last(.place, before: reference)
    }

    /// The last `event` mention of `role` that ends before `reference` starts, in its section.
    func last(_ role: ContextRule.Role, before reference: Extractor.Mention, kind: ContextTarget? = nil) -> ContextAttacher.Inherited? {
        guard let events = named[role], let index = ContextAttacher.index(of: reference.range.lowerBound, in: sentences) else { return nil }
        let offset = reference.range.lowerBound
        // In text order: start at the last one that starts before the reference.
        var low = 0
        var high = events.count
        while low < high {
            let mid = (low + high) / 2
            if events[mid].mention.range.lowerBound < offset { low = mid + 1 } else { high = mid }
        }
        // Only a mention that overlaps the reference, or serves another kind, is passed over.
        for event in events[..<low].reversed() where event.mention.range.upperBound <= offset && kind.map(event.mention.rule.applies) != false {
            guard sections.indices.contains(event.sentence), sections.indices.contains(index),
                  sections[event.sentence] == sections[index] else { return nil }
            return event
        }
        return nil
    }
}
