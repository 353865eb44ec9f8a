import PCRE2

/// What one embedded example expects. Only the keys the author wrote are compared.
public struct RuleExample: Sendable {
    public enum Expected: Equatable, Sendable {
        case number(Double?)
        case text(String?)
        case flag(Bool)
    }

    public var text: String
    public var shouldMatch: Bool
    public var expected: [String: Expected]
    public var file: String
    public var line: Int
}

/// A pattern that finds one kind of claim.
public final class ClaimRule: @unchecked Sendable {
    public let id: String
    public let kind: String
    public let description: String
    public let file: String
    public let line: Int
    /// Canonical unit when the pattern captures none.
    public let unit: String?
    public let priority: Int
    public let bounds: (low: Double?, high: Double?)
    /// Constant context such as {group: killed}.
    public let set: [String: String]
    public let regex: Regex
    /// Cheap sentence tests run before the pattern: every `prefilter` and `requires` must
    /// match the sentence, `excludes` must not. (`prefilter` is for speed, `requires` for meaning.)
    public let prefilters: [Regex]
    public let requires: Regex?
    public let excludes: Regex?
    /// "Police put the figure at 8,000": the claim is about the quantity of the nearest
    /// preceding claim (same or previous sentence) and takes its kind, unit and group.
    public let refersBack: Bool
    /// "Police later revised the count to 25": the claim corrects the figure it refers back
    /// to, so the two are compared even when one voice gives both.
    public let revises: Bool
    /// False when the claims name no quantity that could be compared with another.
    public let comparable: Bool
    /// The whole these claims are shares of (vote shares: 100), from the file's `shares-of`.
    public let sharesOf: Double?
    /// `one-quantity` (the rule's, else its file's): two of its claims with one key are one
    /// quantity even when one voice gives both (the distance of a named place from a landmark).
    public let oneQuantity: Bool
    public let examples: [RuleExample]

    init(id: String, kind: String, description: String, file: String, line: Int, unit: String?, priority: Int,
         bounds: (Double?, Double?), set: [String: String], regex: Regex, prefilters: [Regex], requires: Regex?, excludes: Regex?,
         refersBack: Bool, revises: Bool = false, comparable: Bool, sharesOf: Double?, oneQuantity: Bool = false,
         examples: [RuleExample]) {
        self.id = id
        self.kind = kind
        self.description = description
        self.file = file
        self.line = line
        self.unit = unit
        self.priority = priority
        self.bounds = bounds
        self.set = set
        self.regex = regex
        self.prefilters = prefilters
        self.requires = requires
        self.excludes = excludes
        self.refersBack = refersBack
        self.revises = revises
        self.comparable = comparable
        self.sharesOf = sharesOf
        self.oneQuantity = oneQuantity
        self.examples = examples
    }
}

/// A pattern that finds a claim's place, date, group or source in its sentence.
public final class ContextRule: @unchecked Sendable {
    public enum Role: String, Sendable, CaseIterable { case place, date, group, source }
    /// Which mention in the sentence a claim takes: the nearest, or the nearest before/after it.
    public enum Attach: String, Sendable { case nearest, before, after }

    public let id: String
    public let role: Role
    public let description: String
    public let file: String
    public let line: Int
    public let anonymous: Bool
    /// Source rules only: a claim inside the mention is the writer's own (a background
    /// relative clause, a geographic gloss), whatever say-verb its sentence has.
    public let background: Bool
    /// Source rules: the mention is a pronoun ("it said"); the source is the nearest named one
    /// before it, in its sentence or the one before. Place rules: the mention ("the attackers")
    /// stands for the story's event, the last `event` place named before it in its section.
    public let refersBack: Bool
    /// Place and date rules: the mention names the event the story is about ("the Jakarta
    /// attack", "Thursday's attack"). It is no claim's context by itself; a place rule's
    /// refers-back mention stands for it.
    public let event: Bool
    /// Claim groups served (a claim rule's constant group, "killed"); empty means all.
    public let groups: Set<String>
    /// Claim kinds served; empty means all.
    public let appliesTo: Set<String>
    public let attach: Attach
    /// A dateline rule ("JAKARTA Indonesian police said ..."): searched only in the article's
    /// first sentences, where alone a capitalised word can be the filing place, and weaker than
    /// any other mention of its role there, since a story filed in Beirut may be about Jableh.
    public let dateline: Bool
    /// Place and date rules: whether a mention is inherited from the lede by later paragraphs, or
    /// only within its own paragraph ("raids across the country" is the scope of its own clause;
    /// as the lede's last mention it leaves later paragraphs with none, not the one before it).
    public let inheritedFromLede: Bool
    public let regex: Regex
    /// Cheap sentence tests, every one of which a sentence must match before the pattern runs.
    public let prefilters: [Regex]
    public let examples: [RuleExample]

    init(id: String, role: Role, description: String, file: String, line: Int, anonymous: Bool,
         background: Bool = false, refersBack: Bool = false, event: Bool = false, groups: Set<String> = [],
         appliesTo: Set<String>, attach: Attach, dateline: Bool = false, inheritedFromLede: Bool = true,
         regex: Regex, prefilters: [Regex] = [], examples: [RuleExample]) {
        self.prefilters = prefilters
        self.dateline = dateline
        self.inheritedFromLede = inheritedFromLede
        self.background = background
        self.refersBack = refersBack
        self.event = event
        self.groups = groups
        self.id = id
        self.role = role
        self.description = description
        self.file = file
        self.line = line
        self.anonymous = anonymous
        self.appliesTo = appliesTo
        self.attach = attach
        self.regex = regex
        self.examples = examples
    }

    func applies(to claim: ContextTarget) -> Bool {
        (appliesTo.isEmpty || appliesTo.contains(claim.kind)) && (groups.isEmpty || claim.category.map(groups.contains) == true)
    }
}

/// What a context rule serves: a claim's kind and its rule's constant group ("killed").
struct ContextTarget: Hashable {
    let kind: String
    let category: String?
}

/// Everything loaded from the rule directories, validated and compiled.
public struct RuleSet: Sendable {
    public var lexicon: Lexicon
    public var claimRules: [ClaimRule]
    public var contextRules: [ContextRule]
    /// Matches a digit, number word or vague quantity: sentences without one hold no claim.
    public var trigger: Regex
    /// Sentences matching this hold no claims to check (lexicon.skip-sentences).
    public var skip: Regex?
    /// Lines that start a new section (lexicon.section-breaks).
    public var sectionBreak: Regex? = nil
    /// Anchored at a claim's end: the figure it replaces (lexicon.corrections).
    public var correction: Regex? = nil
    /// Sentences whose figures the article has since replaced (lexicon.superseded-sentences).
    public var superseded: Regex? = nil
    /// Kinds whose claims are shares of a whole, with their unit and the whole (`shares-of`).
    public var shareKinds: [(kind: String, unit: String, total: Double)] {
        var seen: Set<String> = []
        return claimRules.compactMap { rule in
            guard let total = rule.sharesOf, let unit = rule.unit, seen.insert(rule.kind).inserted else { return nil }
            return (rule.kind, unit, total)
        }
    }
    /// Rules declared `one-quantity`: a voice's own two figures from them with one key can conflict.
    public var oneQuantityRules: Set<String> { Set(claimRules.filter(\.oneQuantity).map(\.id)) }
    /// The rule files read, in load order.
    public var files: [String]

    /// Every pattern the extractor matches with, each once (a file's prefilter is shared by its rules).
    public var matchedPatterns: [Regex] {
        var seen: Set<ObjectIdentifier> = []
        var all: [Regex] = [trigger]
        for rule in claimRules {
            all.append(rule.regex)
            all += rule.prefilters
            if let requires = rule.requires { all.append(requires) }
            if let excludes = rule.excludes { all.append(excludes) }
        }
        for rule in contextRules { all += [rule.regex] + rule.prefilters }
        if let skip { all.append(skip) }
        if let sectionBreak { all.append(sectionBreak) }
        if let correction { all.append(correction) }
        if let superseded { all.append(superseded) }
        return all.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }
}
