import Foundation
import PCRE2
import Yams

/// A compiled rule of either type, with its id and the line it was defined on.
enum CompiledRule {
    case claim(ClaimRule)
    case context(ContextRule)

    var identity: (String, Int) {
        switch self {
        case .claim(let rule): return (rule.id, rule.line)
        case .context(let rule): return (rule.id, rule.line)
        }
    }
}

/// Compiles the rules of one file against the shared fragments, validating keys,
/// patterns and required groups.
struct RuleCompiler {
    let lexicon: Lexicon
    let shared: [(name: String, pattern: String)]
    /// Shared by the files of one load, so each fragment is analysed once. Rule patterns are
    /// JIT-compiled once in use (`Matcher.interpretedMatches`): a run that seldom or never
    /// reaches a rule does not pay for it.
    let analyser: StartAnalyser
    /// Shared by the files of one load too: patterns written alike are one regex.
    let pool: RegexPool
    /// The literals analysis of the file being compiled (its fragments), and that of the
    /// shared fragments, done once per load.
    private var literals = LiteralAnalyser(fragments: [])
    /// The file's fragments for the cache: a pattern's analyses depend on them too (nil: not cached).
    private var context: CompileCache.Context?
    let sharedLiterals: LiteralAnalyser.SharedFragments
    var diagnostics: [Diagnostic] = []

    /// Group names with fixed meanings; fragments may not use them.
    static let meaningfulGroups: Set<String> = ["value", "low", "high", "qualifier", "unit", "place", "group", "source", "date",
                                                    "low_unit", "plus", "plus_unit", "plus2", "plus2_unit"]
    static let claimRuleKeys: Set<String> = ["id", "description", "pattern", "unit", "priority", "set", "requires",
                                             "excludes", "prefilter", "refers-back", "revises", "compare", "one-quantity", "examples"]
    static let contextRuleKeys: Set<String> = ["id", "description", "pattern", "anonymous", "background", "refers-back", "applies-to", "attach",
                                                  "dateline", "inherit", "event", "groups", "prefilter", "examples"]
    static let claimExpectationKeys: Set<String> = ["text", "quote", "low", "high", "lowInclusive", "highInclusive",
                                                    "approx", "unit", "place", "date", "group", "source", "attribution"]

    /// Rule patterns are case-insensitive and extended (whitespace ignored, # comments), so
    /// long patterns can be folded over lines in YAML; duplicate group names are allowed.
    /// `.offsetLimit`: a pattern starts no match after the last of its literals (`Regex.bound`).
    static let patternOptions: Regex.Options = [.utf, .caseless, .dupnames, .extended, .offsetLimit]

    init(lexicon: Lexicon, shared: [(name: String, pattern: String)], analyser: StartAnalyser = StartAnalyser(),
         pool: RegexPool = RegexPool(), sharedLiterals: LiteralAnalyser.SharedFragments? = nil) {
        self.lexicon = lexicon
        self.shared = shared
        self.analyser = analyser
        self.pool = pool
        self.sharedLiterals = sharedLiterals ?? LiteralAnalyser.SharedFragments(shared)
    }

    mutating func compileFile(_ root: [String: Node], rootNode: Node, reader: inout YAMLReader) -> [CompiledRule] {
        let kind = reader.string(root["kind"], "kind")
        let roleText = reader.string(root["context"], "context")
        if kind == nil, roleText == nil {
            if root["lexicon"] == nil {
                reader.error(rootNode, .notARuleFile)
            }
            for key in ["rules", "unit", "priority", "bounds", "compare", "prefilter", "shares-of", "one-quantity", "define"] where root[key] != nil {
                reader.error(root[key], .needsKindOrContext(key: key))
            }
            return []
        }
        if kind != nil, roleText != nil {
            reader.error(root["context"], .kindAndContext)
            return []
        }
        var role: ContextRule.Role?
        if let roleText {
            role = ContextRule.Role(rawValue: roleText)
            if role == nil {
                reader.error(root["context"], .unknownContext(roleText))
                return []
            }
            for key in ["unit", "priority", "bounds", "compare", "prefilter", "shares-of", "one-quantity"] where root[key] != nil {
                reader.error(root[key], .claimFilesOnly(key: key))
            }
        }
        let fileUnit = reader.string(root["unit"], "unit")
        if let fileUnit { checkUnit(fileUnit, node: root["unit"], &reader) }
        let priority = reader.integer(root["priority"], "priority", in: -1000...1000) ?? 0
        let bounds = readBounds(root["bounds"], &reader)
        let fileCompare = root["compare"].flatMap { reader.bool($0, "compare") } ?? true
        let sharesOf = root["shares-of"].flatMap { reader.number($0, "shares-of") }
        let oneQuantity = root["one-quantity"].flatMap { reader.bool($0, "one-quantity") } ?? false
        let fragments = readDefines(root["define"], &reader)
        let defineBlock = fragments.define
        literals = LiteralAnalyser(fragments: defineBlock, shared: sharedLiterals.unchanged(in: defineBlock) ? sharedLiterals : nil)
        context = analyser.context(of: defineBlock)

        guard let rulesNode = root["rules"] else {
            reader.error(rootNode, .missingRules)
            return []
        }
        guard let ruleNodes = rulesNode.sequence else {
            reader.error(rulesNode, .rulesNotAList)
            return []
        }
        let filePrefilters = root["prefilter"].map {
            readPrefilters($0, id: "file", macros: fragments.macros, define: defineBlock, &reader)
        } ?? []
        var result: [CompiledRule] = []
        for node in ruleNodes {
            let allowed = role == nil ? RuleCompiler.claimRuleKeys : RuleCompiler.contextRuleKeys
            guard let map = reader.mapping(node, allowed: allowed, what: "rule") else { continue }
            guard let id = reader.string(map["id"], "id"), !id.isEmpty else {
                reader.error(node, .missingID)
                continue
            }
            guard let patternNode = map["pattern"], let pattern = reader.string(patternNode, "pattern") else {
                reader.error(node, .missingPattern(rule: id))
                continue
            }
            let line = node.mark?.line ?? 0
            guard let regex = compile(expandMacros(pattern, fragments.macros), id: id, node: patternNode, define: defineBlock,
                                      filtered: true, &reader) else {
                continue
            }
            let description = reader.string(map["description"], "description") ?? ""
            if let role {
                guard regex.groupNumbers[role.rawValue] != nil else {
                    reader.error(patternNode, .contextNotCaptured(rule: id, context: role.rawValue))
                    continue
                }
                let attachText = reader.string(map["attach"], "attach") ?? "nearest"
                guard let attach = ContextRule.Attach(rawValue: attachText) else {
                    reader.error(map["attach"], .invalidAttach(rule: id))
                    continue
                }
                let anonymous = reader.bool(map["anonymous"], "anonymous") ?? false
                if anonymous, role != .source { reader.error(map["anonymous"], .onlySourceRules(rule: id, key: "anonymous")) }
                let background = reader.bool(map["background"], "background") ?? false
                if background, role != .source { reader.error(map["background"], .onlySourceRules(rule: id, key: "background")) }
                let refersBack = reader.bool(map["refers-back"], "refers-back") ?? false
                if refersBack, role != .source, role != .place {
                    reader.error(map["refers-back"], .onlySourceAndPlaceRulesReferBack(rule: id))
                }
                let event = reader.bool(map["event"], "event") ?? false
                if event, role != .place && role != .date { reader.error(map["event"], .onlyPlaceAndDateRules(rule: id, key: "event")) }
                if event && refersBack { reader.error(map["event"], .eventRefersBack(rule: id)) }
                if background && (anonymous || refersBack) {
                    reader.error(map["background"], .backgroundWithOthers(rule: id))
                }
                let dateline = reader.bool(map["dateline"], "dateline") ?? false
                let inheritText = reader.string(map["inherit"], "inherit") ?? "lede"
                if !["lede", "paragraph"].contains(inheritText) { reader.error(map["inherit"], .invalidInherit(rule: id)) }
                if map["inherit"] != nil, role != .place && role != .date {
                    reader.error(map["inherit"], .onlyPlaceAndDateRules(rule: id, key: "inherit"))
                }
                let examples = readExamples(map["examples"], id: id, allowed: ["text", role.rawValue, "anonymous"], &reader)
                result.append(.context(ContextRule(
                    id: id, role: role, description: description, file: reader.file, line: line, anonymous: anonymous,
                    background: background, refersBack: refersBack, event: event,
                    groups: Set(reader.strings(map["groups"], "groups") ?? []), appliesTo: Set(reader.strings(map["applies-to"], "applies-to") ?? []), attach: attach,
                    dateline: dateline, inheritedFromLede: inheritText != "paragraph", regex: regex,
                    prefilters: map["prefilter"].map { readPrefilters($0, id: id, macros: fragments.macros, define: defineBlock, &reader) } ?? [],
                    examples: examples)))
            } else if let kind {
                let unit = reader.string(map["unit"], "unit") ?? fileUnit
                if let unitNode = map["unit"], let unit { checkUnit(unit, node: unitNode, &reader) }
                let groups = regex.groupNumbers
                guard groups["value"] != nil || (groups["low"] != nil && groups["high"] != nil) else {
                    reader.error(patternNode, .valueNotCaptured(rule: id))
                    continue
                }
                let refersBack = reader.bool(map["refers-back"], "refers-back") ?? false
                if unit == nil, groups["unit"] == nil, !refersBack {
                    reader.error(patternNode, .unitNotCaptured(rule: id))
                    continue
                }
                let revises = reader.bool(map["revises"], "revises") ?? false
                var constants: [String: String] = [:]
                if let setNode = map["set"], let setMap = reader.mapping(setNode, allowed: ["place", "group", "date", "source"],
                                                                        what: "set") {
                    for (key, value) in setMap { constants[key] = reader.string(value, "set.\(key)") }
                }
                let requires = map["requires"].flatMap { node in
                    reader.string(node, "requires").flatMap {
                        compile(expandMacros($0, fragments.macros), id: id + " (requires)", node: node, define: defineBlock, &reader)
                    }
                }
                let prefilters = map["prefilter"].map { readPrefilters($0, id: id, macros: fragments.macros, define: defineBlock, &reader) }
                    ?? filePrefilters
                let excludes = map["excludes"].flatMap { node in
                    reader.string(node, "excludes").flatMap {
                        compile(expandMacros($0, fragments.macros), id: id + " (excludes)", node: node, define: defineBlock, &reader)
                    }
                }
                let rulePriority = reader.integer(map["priority"], "priority", in: -1000...1000) ?? priority
                let examples = readExamples(map["examples"], id: id, allowed: RuleCompiler.claimExpectationKeys, &reader)
                result.append(.claim(ClaimRule(
                    id: id, kind: kind, description: description, file: reader.file, line: line, unit: unit,
                    priority: rulePriority, bounds: bounds, set: constants, regex: regex, prefilters: prefilters, requires: requires,
                    excludes: excludes, refersBack: refersBack, revises: revises,
                    comparable: map["compare"].flatMap { reader.bool($0, "compare") } ?? fileCompare, sharesOf: sharesOf,
                    oneQuantity: map["one-quantity"].flatMap { reader.bool($0, "one-quantity") } ?? oneQuantity, examples: examples)))
            }
        }
        return result
    }

    /// One pattern or a list, every one of which a sentence must match.
    private func readPrefilters(_ node: Node, id: String, macros: [String: String], define: [(name: String, pattern: String)],
                                _ reader: inout YAMLReader) -> [Regex] {
        (reader.strings(node, "prefilter") ?? []).compactMap {
            compile(expandMacros($0, macros), id: id + " (prefilter)", node: node, define: define, &reader)
        }
    }

    private func checkUnit(_ unit: String, node: Node?, _ reader: inout YAMLReader) {
        if lexicon.units[unit] == nil {
            reader.error(node, .unknownUnit(unit, known: Array(lexicon.units.keys)))
        }
    }

    private func readBounds(_ node: Node?, _ reader: inout YAMLReader) -> (Double?, Double?) {
        guard let node else { return (nil, nil) }
        guard let items = node.sequence, items.count == 2 else {
            reader.error(node, .invalidBounds)
            return (nil, nil)
        }
        let values = items.map { YAMLReader.isNull($0) ? nil : reader.number($0, "bounds") }
        return (values[0], values[1])
    }

    /// A file's own fragments. Those without captures join the shared `(?(DEFINE)…)` block;
    /// those with named captures are macros, pasted into patterns where they are called,
    /// because PCRE2 discards what a subroutine call captured when the call returns.
    struct FileFragments {
        var define: [(name: String, pattern: String)]
        var macros: [String: String]
    }

    /// The file's own fragments override lexicon-derived ones of the same name.
    private func readDefines(_ node: Node?, _ reader: inout YAMLReader) -> FileFragments {
        var fragments = FileFragments(define: shared, macros: [:])
        guard let node else { return fragments }
        guard let mapping = node.mapping else {
            reader.error(node, .defineNotAMapping)
            return fragments
        }
        var own: [(name: String, pattern: String, node: Node)] = []
        for (key, value) in mapping {
            guard let name = key.string, Fragments.isName(name) else {
                reader.error(key, .invalidFragmentName)
                continue
            }
            if RuleCompiler.meaningfulGroups.contains(name) {
                reader.error(key, .reservedFragmentName(name))
                continue
            }
            guard let pattern = reader.string(value, "define.\(name)") else { continue }
            own.append((name, pattern, value))
            if RuleCompiler.capturesByName(pattern) { fragments.macros[name] = pattern }
        }
        for entry in own where fragments.macros[entry.name] != nil
            && expandMacrosBounded("(?&\(entry.name))", fragments.macros).truncated {
            reader.error(entry.node, .fragmentTooLarge(entry.name, limit: RuleCompiler.expandedPatternLimit))
            fragments.macros[entry.name] = nil
            own.removeAll { $0.name == entry.name }
        }
        for entry in own where fragments.macros[entry.name] == nil {
            fragments.define.removeAll { $0.name == entry.name }
            fragments.define.append((entry.name, expandMacros(entry.pattern, fragments.macros)))
        }
        // Check each fragment on its own, against stand-ins for the others, so a broken one is
        // named once rather than blamed on every fragment and rule that calls it.
        let stubs = "(?(DEFINE)" + fragments.define.map { "(?<\($0.name)>(?!))" }.joined() + ")"
        for entry in own {
            let probe = "(?:" + expandMacros(entry.pattern, fragments.macros) + "\n)" + stubs
            do {
                _ = try Regex(probe, options: RuleCompiler.patternOptions, jit: false, cache: analyser.cache)
            } catch let error as PCRE2Error {
                reportCompileError(error, pattern: entry.pattern, owner: .fragment(entry.name), node: entry.node, &reader)
                fragments.define.removeAll { $0.name == entry.name }
                fragments.macros[entry.name] = nil
            } catch {}
        }
        return fragments
    }

    /// Does the fragment capture by name: "(?<n>", "(?P<n>" or "(?'n'"?
    static func capturesByName(_ pattern: String) -> Bool {
        pattern.contains("(?") && pattern.range(of: #"\(\?(?:P?<[A-Za-z_]|')"#, options: .regularExpression) != nil
    }

    /// Bytes a pattern may grow to by pasting macros: a fragment calling another a dozen
    /// times, eight levels deep, would otherwise take gigabytes and minutes to load.
    static let expandedPatternLimit = 256 * 1024

    /// Pastes macros in place of their `(?&name)` calls, a few levels deep.
    func expandMacros(_ pattern: String, _ macros: [String: String]) -> String {
        expandMacrosBounded(pattern, macros).text
    }

    /// The expansion, and whether it stopped at `expandedPatternLimit` (calls left unpasted).
    func expandMacrosBounded(_ pattern: String, _ macros: [String: String]) -> (text: String, truncated: Bool) {
        guard !macros.isEmpty else { return (pattern, false) }
        var result = pattern
        var size = pattern.utf8.count
        var truncated = false
        for _ in 0..<8 {
            var changed = false
            result = Fragments.replacingCalls(in: result) { name in
                guard let body = macros[name] else { return nil }
                guard size + body.utf8.count <= RuleCompiler.expandedPatternLimit else {
                    truncated = true
                    return nil
                }
                size += body.utf8.count + 4
                changed = true
                return "(?:" + body + "\n)"
            }
            if !changed || truncated { break }
        }
        return (result, truncated)
    }

    /// `filtered`: give the regex a start filter (`Regex.starts`) when the analysis finds one.
    /// Only rule patterns get one: sentence tests are short alternations of words that the JIT
    /// scans at about a byte a nanosecond, faster than the filter's own scan (measured: the
    /// corpus's sentence tests lost more there than their matching gained).
    private func compile(_ pattern: String, id: String, node: Node, define: [(name: String, pattern: String)],
                         filtered: Bool = false, _ reader: inout YAMLReader) -> Regex? {
        do {
            // Only the fragments the pattern calls: compiling every fragment into every pattern
            // was most of the rule load time.
            // Both analyses read a call as its fragment; a file whose fragments break that gets neither.
            let trusted = literals.callsMeanFragments(in: pattern)
            let bound = RuleCompiler.bound(of: pattern, literals, in: context, cache: analyser.cache)
            let text = "(?:" + pattern + "\n)" + Fragments.defineBlock(define, calledFrom: pattern)
            return try pool.regex(text, startClass: trusted ? analyser.startClass(of: pattern, define, in: context) : nil,
                                  bound: bound, starts: filtered && trusted
                                    ? RuleCompiler.startFilter(of: pattern, literals, in: context, cache: analyser.cache) : nil,
                                  cache: analyser.cache)
        } catch let error as PCRE2Error {
            reportCompileError(error, pattern: pattern, owner: .rule(id), node: node, &reader)
        } catch {
            reader.error(node, .patternFailed(rule: id, reason: "\(error)"))
        }
        return nil
    }

    /// `literals.startFilter(of:)`, from the cache when it has it.
    static func startFilter(of pattern: String, _ literals: @autoclosure () -> LiteralAnalyser, in context: CompileCache.Context?,
                            cache: CompileCache?) -> StartFilter? {
        guard let cache, let context else { return literals().startFilter(of: pattern) }
        return cache.strings("start filter", of: pattern, in: context) { literals().startFilter(of: pattern)?.encoded }
            .flatMap(StartFilter.init(encoded:))
    }

    /// `literals.requirement(of:).bound`, from the cache when it has it (`context`: of the
    /// fragments `literals` analyses against).
    static func bound(of pattern: String, _ literals: @autoclosure () -> LiteralAnalyser, in context: CompileCache.Context?,
                      cache: CompileCache?) -> [String]? {
        guard let cache, let context else { return literals().requirement(of: pattern).bound }
        return cache.strings("bound", of: pattern, in: context) { literals().requirement(of: pattern).bound }
    }

    /// "rule X: pattern does not compile: <PCRE2 message> at offset N", then the pattern
    /// line with a caret under the offset.
    private func reportCompileError(_ error: PCRE2Error, pattern: String, owner: Issue.RuleSchema.PatternOwner, node: Node,
                                    _ reader: inout YAMLReader) {
        let bytes = Array(pattern.utf8)
        let offset = min(max((error.offset ?? 0) - 3, 0), bytes.count)
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A { lineStart = index + 1 }
        var lineEnd = offset
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        let shown = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        let caretColumn = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count
        reader.error(node, .patternDoesNotCompile(owner, error: error.message, offset: offset),
                     detail: ["    " + shown, "    " + String(repeating: " ", count: caretColumn) + "^"])
    }

    private func readExamples(_ node: Node?, id: String, allowed: Set<String>, _ reader: inout YAMLReader) -> [RuleExample] {
        guard let node else { return [] }
        guard let map = reader.mapping(node, allowed: ["match", "no-match"], what: "examples of \(id)") else { return [] }
        var examples: [RuleExample] = []
        for (key, shouldMatch) in [("match", true), ("no-match", false)] {
            guard let listNode = map[key] else { continue }
            guard let items = listNode.sequence else {
                reader.error(listNode, .examplesNotAList(key: key, rule: id))
                continue
            }
            for item in items {
                let line = item.mark?.line ?? 0
                if case .scalar(let scalar) = item {
                    examples.append(RuleExample(text: scalar.string, shouldMatch: shouldMatch, expected: [:],
                                                file: reader.file, line: line))
                    continue
                }
                guard shouldMatch else {
                    reader.error(item, .noMatchExampleNotPlain(rule: id))
                    continue
                }
                guard let fields = reader.mapping(item, allowed: allowed, what: "example of \(id)") else { continue }
                guard let text = reader.string(fields["text"], "text") else {
                    reader.error(item, .exampleWithoutText(rule: id))
                    continue
                }
                var expected: [String: RuleExample.Expected] = [:]
                for (name, valueNode) in fields where name != "text" {
                    switch name {
                    case "low", "high":
                        expected[name] = .number(YAMLReader.isNull(valueNode) ? nil : reader.number(valueNode, name))
                    case "lowInclusive", "highInclusive", "approx", "anonymous":
                        if let flag = reader.bool(valueNode, name) { expected[name] = .flag(flag) }
                    default:
                        expected[name] = .text(YAMLReader.isNull(valueNode) ? nil : reader.string(valueNode, name))
                    }
                }
                examples.append(RuleExample(text: text, shouldMatch: true, expected: expected, file: reader.file, line: line))
            }
        }
        return examples
    }
}
