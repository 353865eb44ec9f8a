extension Issue {
    /// What a rule file's YAML and keys must be: `YAMLReader`'s shape checks, the rule
    /// compiler's and the lexicon's. Always errors; `what` names the key ("lexicon.months.may").
    public enum RuleSchema: Sendable {
        // MARK: - YAML and shapes
        case unreadableYAML(String)
        case invalidYAML(String, byte: Int? = nil)
        case duplicateKeys([String])
        case notAMapping(String)
        case keysNotStrings(String)
        case unknownKey(String, in: String, known: Set<String>)
        case notAString(String)
        case notAStringList(String)
        case notANumber(String)
        case notAWholeNumber(String, ClosedRange<Int>)
        case notABool(String)
        // MARK: - File level
        case notARuleFile
        case needsKindOrContext(key: String)
        case kindAndContext
        case unknownContext(String)
        case claimFilesOnly(key: String)
        case missingRules
        case rulesNotAList
        case unknownUnit(String, known: [String])
        case invalidBounds
        // MARK: - Fragments
        case defineNotAMapping
        case invalidFragmentName
        case reservedFragmentName(String)
        case fragmentTooLarge(String, limit: Int)
        // MARK: - Rules
        case missingID
        case missingPattern(rule: String)
        case patternDoesNotCompile(PatternOwner, error: String, offset: Int)
        case patternFailed(rule: String, reason: String)
        case contextNotCaptured(rule: String, context: String)
        case invalidAttach(rule: String)
        case invalidInherit(rule: String)
        case onlyPlaceAndDateRules(rule: String, key: String)
        /// `key` is the YAML key: anonymous, background or refers-back.
        case onlySourceRules(rule: String, key: String)
        case onlySourceAndPlaceRulesReferBack(rule: String)
        case eventRefersBack(rule: String)
        case backgroundWithOthers(rule: String)
        case valueNotCaptured(rule: String)
        case unitNotCaptured(rule: String)
        // MARK: - Examples
        case examplesNotAList(key: String, rule: String)
        case noMatchExampleNotPlain(rule: String)
        case exampleWithoutText(rule: String)
        // MARK: - Lexicon
        case invalidVague(phrase: String)
        case weekdaysNotSeven
        case qualifiersNotAList
        case qualifierWithoutPhrases
        case qualifierWithoutInterval
        case invalidRivalLow
        case invalidPosition

        /// Whose pattern failed to compile: a rule (its id, maybe with " (requires)") or a fragment.
        public enum PatternOwner: Sendable {
            case rule(String)
            case fragment(String)
        }

        public var message: String {
            switch self {
            case .unreadableYAML(let error): "cannot read YAML: \(error)"
            case .invalidYAML(let problem, let byte): "invalid YAML: \(problem)" + (byte.map { " at byte \($0)" } ?? "")
            case .duplicateKeys(let keys): "duplicate key \(keys.sorted().joined(separator: ", "))"
            case .notAMapping(let what): "\(what) must be a mapping"
            case .keysNotStrings(let what): "\(what): keys must be strings"
            case .unknownKey(let name, let what, let known):
                "unknown key '\(name)' in \(what)\(Suggestion.hint(for: name, in: known)); known keys: \(known.sorted().joined(separator: ", "))"
            case .notAString(let what): "\(what) must be a string"
            case .notAStringList(let what): "\(what) must be a list of strings"
            case .notANumber(let what): "\(what) must be a number"
            case .notAWholeNumber(let what, let range):
                "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)"
            case .notABool(let what): "\(what) must be true or false"
            case .notARuleFile: "not a rule file: expected a top-level 'kind', 'context' or 'lexicon' key"
            case .needsKindOrContext(let key): "'\(key)' needs a top-level 'kind' or 'context' in the same file"
            case .kindAndContext: "a file has either 'kind' (claim rules) or 'context' (context rules), not both"
            case .unknownContext(let role): "unknown context '\(role)'; expected place, date, group or source"
            case .claimFilesOnly(let key): "'\(key)' applies to claim rule files only"
            case .missingRules: "missing 'rules' list"
            case .rulesNotAList: "'rules' must be a list"
            case .unknownUnit(let unit, let known):
                "unknown unit '\(unit)'; the lexicon defines: \(known.isEmpty ? "(none)" : known.sorted().joined(separator: ", "))"
            case .invalidBounds: "bounds must be a list of two numbers (null for none), e.g. [0, 100]"
            case .defineNotAMapping: "'define' must be a mapping of fragment names to patterns"
            case .invalidFragmentName: "fragment names are letters, digits and _, not starting with a digit"
            case .reservedFragmentName(let name): "fragment name '\(name)' is reserved for a capture group with a fixed meaning"
            case .fragmentTooLarge(let name, let limit):
                "fragment '\(name)' expands to more than \(limit) bytes once the fragments it calls are pasted in; it is not used"
            case .missingID: "rule is missing 'id'"
            case .missingPattern(let rule): "rule \(rule): missing 'pattern'"
            case .patternDoesNotCompile(let owner, let error, let offset):
                "\(owner.name): pattern does not compile: \(error) at offset \(offset)"
            case .patternFailed(let rule, let reason): "rule \(rule): \(reason)"
            case .contextNotCaptured(let rule, let context): "rule \(rule): a \(context) rule must capture (?<\(context)>...)"
            case .invalidAttach(let rule): "rule \(rule): attach must be nearest, before or after"
            case .invalidInherit(let rule): "rule \(rule): inherit must be lede or paragraph"
            case .onlyPlaceAndDateRules(let rule, let key): "rule \(rule): only place and date rules have '\(key)'"
            case .onlySourceRules(let rule, let key): "rule \(rule): only source rules can be \(key)"
            case .backgroundWithOthers(let rule): "rule \(rule): a background rule is neither anonymous nor refers back"
            case .onlySourceAndPlaceRulesReferBack(let rule): "rule \(rule): only source and place rules can refer back"
            case .eventRefersBack(let rule): "rule \(rule): an event names what a refers-back mention stands for; it cannot refer back itself"
            case .valueNotCaptured(let rule):
                "rule \(rule): pattern must capture (?<value>...) or both (?<low>...) and (?<high>...)"
            case .unitNotCaptured(let rule):
                "rule \(rule): no 'unit' in the file or rule, so the pattern must capture (?<unit>...) (or the rule must refer back)"
            case .examplesNotAList(let key, let rule): "examples.\(key) of \(rule) must be a list"
            case .noMatchExampleNotPlain(let rule): "no-match examples of \(rule) are plain strings"
            case .exampleWithoutText(let rule): "example of \(rule) needs 'text'"
            case .invalidVague(let phrase): "lexicon.vague.\(phrase) must be an interval of numbers such as \"[1000, 25000]\""
            case .weekdaysNotSeven: "lexicon.weekdays must list seven days, Monday first"
            case .qualifiersNotAList: "lexicon.qualifiers must be a list"
            case .qualifierWithoutPhrases: "a qualifier needs 'phrases'"
            case .qualifierWithoutInterval: "a qualifier needs an 'interval' such as \"[x, inf)\" or \"[x/2, x]\""
            case .invalidRivalLow: "rival-low must be a bound such as \"x/2\""
            case .invalidPosition: "position must be 'before' or 'after'"
            }
        }
    }
}

extension Issue.RuleSchema.PatternOwner {
    var name: String {
        switch self {
        case .rule(let id): "rule \(id)"
        case .fragment(let name): "fragment '\(name)'"
        }
    }
}
