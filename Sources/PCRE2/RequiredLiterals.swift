import Foundation

/// Words every match of a pattern must contain: "any match of `\b(?:killed|died)\s` contains
/// `killed` or `died`". A sentence holding none of them cannot match, so the pattern need not
/// run there (`LiteralGate`). The analysis reads PCRE2 syntax as written in rule files
/// (extended mode, caseless) and calls into fragments by name.
///
/// It must never claim a literal a match can lack, so anything it does not fully understand
/// counts as "no requirement": lookarounds (their text is not consumed), `\s`, `.`, classes of
/// many characters, non-ASCII characters, back references, conditionals. A pattern whose
/// syntax it cannot follow at all gets no literals. Literals are ASCII and lower-case; the
/// gate folds the text the same way (and reads the two non-ASCII characters that caseless
/// UTF matching equates with ASCII letters, KELVIN SIGN and LONG S).
public final class LiteralAnalyser {
    /// Literal sets shorter than this are not worth a gate ("at" is in most sentences).
    public static let minimumLength = 3
    static let maximumSet = 512
    /// Deeper nesting or fragment chains give up instead of growing the stack (PCRE2 itself
    /// allows 250 levels of parentheses, and the analysis runs before PCRE2 has judged them).
    static let maximumDepth = 64
    static let maximumCallDepth = 32
    static let maximumProduct = 64
    /// Literals stop growing here: longer ones select no better.
    static let maximumLength = 32

    private let fragments: [String: String]
    /// Analyses of the fragments by name, with or without what a match begins with. One
    /// analyser serves one rule file (one thread), since a fragment name means what that
    /// file's fragments say.
    private var cache: [FragmentKey: Info] = [:]
    struct FragmentKey: Hashable {
        let name: String
        /// `Info.starts` is worked out (only `startFilter(of:)` needs it, and it costs).
        let starts: Bool
    }
    private var visiting: Set<String> = []
    /// Analyses of fragments every file shares (`SharedFragments`), when this file's fragments
    /// leave them as they are.
    private let shared: SharedFragments?

    /// `shared`: analyses of the fragments common to every file of a load, for a file that
    /// overrides none of them (they call only each other, so their analysis is the same there).
    public init(fragments: [(name: String, pattern: String)], shared: SharedFragments? = nil) {
        self.fragments = Dictionary(fragments.map { ($0.name, $0.pattern) }, uniquingKeysWith: { _, last in last })
        // A fragment that closes more groups than it opens ("z)(?-x)(?:") changes what the
        // fragments after it in the DEFINE block mean (extended mode off, a new alternative):
        // then no pattern of the file is analysed. A fragment that defines a group named like
        // another fragment takes that name's calls (PCRE2 calls the first group of a name).
        disabled = fragments.contains { !PatternScan.balanced(Array($0.pattern.utf8)) }
        let names = Set(self.fragments.keys)
        shadowed = Set(fragments.flatMap { PatternScan.groupNames(Array($0.pattern.utf8)) }).intersection(names)
        self.shared = disabled || !shadowed.isEmpty ? nil : shared
    }

    private let disabled: Bool
    private let shadowed: Set<String>

    /// Does every `(?&name)` in `pattern` run the fragment of that name, as any analysis of
    /// calls (this one, start classes) assumes? Not when a fragment breaks out of its group,
    /// or a group of the pattern or of a fragment takes a fragment's name.
    public func callsMeanFragments(in pattern: String) -> Bool {
        !disabled && shadowed.isEmpty && PatternScan.groupNames(Array(pattern.utf8)).isDisjoint(with: fragments.keys)
    }

    /// The analyses of the fragments all files of one load share, by name; files compile in
    /// parallel, so it is locked.
    public final class SharedFragments: @unchecked Sendable {
        let names: [String: String]
        private var cache: [FragmentKey: Info] = [:]
        private let lock = NSLock()

        public init(_ fragments: [(name: String, pattern: String)]) {
            names = Dictionary(fragments.map { ($0.name, $0.pattern) }, uniquingKeysWith: { _, last in last })
        }

        /// Do `fragments` keep every shared fragment as it is?
        public func unchanged(in fragments: [(name: String, pattern: String)]) -> Bool {
            fragments.allSatisfy { fragment in names[fragment.name].map { $0 == fragment.pattern } ?? true }
        }

        func get(_ key: FragmentKey) -> Info? {
            lock.lock()
            defer { lock.unlock() }
            return cache[key]
        }

        func set(_ key: FragmentKey, _ info: Info) {
            lock.lock()
            cache[key] = info
            lock.unlock()
        }
    }

    /// The literals of `pattern`, or nil when no useful set is known.
    public func literals(of pattern: String) -> [String]? {
        requirement(of: pattern).literals
    }

    /// What every match of `pattern` contains: `literals`, a set worth a gate (nil when none is
    /// known), and `bound`, the set found even when it is not selective ("one", `digit`):
    /// no match starts after the last of them, which bounds where a pattern is tried.
    public func requirement(of pattern: String) -> (literals: [String]?, bound: [String]?) {
        // A group of the pattern's own named like a fragment is what a call of that name runs.
        guard !disabled, PatternScan.groupNames(Array(pattern.utf8)).isDisjoint(with: fragments.keys),
              let info = analyse(pattern, starts: false), let set = info.requirement, !set.isEmpty else { return (nil, nil) }
        let bound = LiteralAnalyser.minimal(set)
        return (set.allSatisfy(LiteralAnalyser.selective) ? bound : nil, bound)
    }

    /// Where in a text a match of `pattern` can start, when the analysis narrows it (see
    /// `StartFilter`); nil when it cannot, or a match may be empty.
    public func startFilter(of pattern: String) -> StartFilter? {
        guard !disabled, PatternScan.groupNames(Array(pattern.utf8)).isDisjoint(with: fragments.keys),
              let info = analyse(pattern, starts: true), !info.anchorsOrVerbs else { return nil }
        return StartFilter(info.starts)
    }

    /// In a literal, `digit` stands for any ASCII digit (`\d`, which without UCP is [0-9]);
    /// `LiteralGate` reads every digit of the text as it.
    public static let digit = "\u{1}"
    static let digitByte: UInt8 = 0x01

    /// Worth a gate: at least `minimumLength` bytes other than `digit`, or shorter with a sign
    /// text seldom holds ("%", "$"; not letters, digits, spaces or the punctuation of every sentence).
    static func selective(_ literal: String) -> Bool {
        var letters = 0
        for byte in literal.utf8 {
            if byte == digitByte { continue }
            letters += 1
            if letters >= minimumLength { return true }
            if byte < 0x80, !(byte >= 0x61 && byte <= 0x7A), !(byte >= 0x30 && byte <= 0x39),
               !" \t\n.,;:-'\"()".utf8.contains(byte) { return true }
        }
        return false
    }

    /// Drops literals that start with another one ("killed" when "kill" is there): a text
    /// holding the longer holds the shorter. (Only prefixes: one pass in sorted order.)
    static func minimal(_ set: Set<String>) -> [String] {
        var kept: [String] = []
        for literal in set.sorted() where kept.last.map({ !literal.hasPrefix($0) }) ?? true { kept.append(literal) }
        return kept.sorted { ($0.utf8.count, $0) < ($1.utf8.count, $1) }
    }

    /// What is known of one piece of a pattern.
    struct Info {
        /// Every string the piece can match, when that is a small finite set ("" if it can be empty).
        var exact: Set<String>?
        /// Every match contains one of these; nil when nothing is known.
        var required: Set<String>?
        /// What a match begins with, where `exact` cannot tell it.
        var explicitStarts: StartBytes? = nil
        /// The piece (a whole pattern or fragment, with what it calls) holds `\G`, `\K` or a
        /// verb, after which a match tried from a later start offset is not the one an
        /// unanchored search finds there: `startFilter(of:)` gives such a pattern none.
        var anchorsOrVerbs = false

        static let empty = Info(exact: [""], required: nil)
        static let unknown = Info(exact: nil, required: nil)

        /// The bytes a match begins with (`StartBytes`).
        var starts: StartBytes { explicitStarts ?? StartBytes(exact: exact) }

        /// The best set a match must contain: `required`, or `exact` when it cannot be empty.
        var requirement: Set<String>? {
            LiteralAnalyser.better(required, exact.flatMap { $0.contains("") || $0.isEmpty ? nil : $0 })
        }
    }

    /// The more selective of two requirements: one worth a gate (`selective`) over one that is
    /// not, then the longer shortest literal, then fewer literals. (Between two sets not worth a
    /// gate, which then only bound where a pattern is tried, `{digit}` beats `{m, k, bn}`: a
    /// sentence's last digit comes before its last "m".)
    static func better(_ a: Set<String>?, _ b: Set<String>?) -> Set<String>? {
        guard let a else { return b }
        guard let b else { return a }
        func rank(_ set: Set<String>) -> (selective: Bool, shortest: Int) {
            var (all, shortest) = (true, Int.max)
            for literal in set {
                shortest = min(shortest, literal.utf8.count)
                if all, !selective(literal) { all = false }
            }
            return (all, set.isEmpty ? 0 : shortest)
        }
        let ((sa, la), (sb, lb)) = (rank(a), rank(b))
        if sa != sb { return sa ? a : b }
        if min(la, 8) != min(lb, 8) { return la > lb ? a : b }
        return a.count <= b.count ? a : b
    }

    private func analyse(_ pattern: String, starts: Bool) -> Info? {
        var parser = Parser(bytes: Array(pattern.utf8), starts: starts, call: { [unowned self] name in self.fragment(name, starts: starts) })
        return parser.parseAll()
    }

    /// A call into a fragment; a recursive call, one to a fragment that is not known, or one
    /// more than `maximumCallDepth` calls deep (hostile rule files chain thousands) is unknown.
    private func fragment(_ name: String, starts: Bool) -> Info {
        let key = FragmentKey(name: name, starts: starts)
        if let known = cache[key] { return known }
        let common = shared.flatMap { $0.names[name] != nil ? $0 : nil }
        if let known = common?.get(key) { return known }
        guard let body = fragments[name], !shadowed.contains(name), !visiting.contains(name),
              visiting.count < LiteralAnalyser.maximumCallDepth else { return .unknown }
        visiting.insert(name)
        var info = analyse(body, starts: starts) ?? .unknown
        visiting.remove(name)
        // Worked out once: calls of the fragment read it again and again.
        if starts { info.explicitStarts = info.starts }
        cache[key] = info
        common?.set(key, info)
        return info
    }
}

/// A recursive-descent reader of the PCRE2 syntax rule files use. Returns nil from `parseAll`
/// when it meets syntax it does not know, so the pattern simply gets no gate.
private struct Parser {
    let bytes: [UInt8]
    var position = 0
    let call: (String) -> LiteralAnalyser.Info
    var failed = false
    private var depth = 0
    /// What a quantifier after the atom just read would repeat: one item, or something
    /// PCRE2 treats otherwise (see `quantified`).
    private enum QuantifierTarget { case single, quoted, ignored }
    private var quantifierTarget = QuantifierTarget.single
    /// Whether letters match either case here: `(?-i)` turns it off to the end of its group,
    /// `(?-i:…)` within. Only classes read it (`ClassBytes`); literals are folded either way.
    private var caseless = true
    /// `\G`, `\K` or a verb seen, here or in a fragment called (`Info.anchorsOrVerbs`).
    private var anchorsOrVerbs = false

    /// Whether to work out `Info.starts` where `exact` does not give it.
    let starts: Bool

    init(bytes: [UInt8], starts: Bool = false, call: @escaping (String) -> LiteralAnalyser.Info) {
        self.bytes = bytes
        self.starts = starts
        self.call = call
    }

    typealias Info = LiteralAnalyser.Info

    mutating func parseAll() -> Info? {
        var info = alternation()
        info.anchorsOrVerbs = anchorsOrVerbs
        return failed || position != bytes.count ? nil : info
    }

    private var atEnd: Bool { position >= bytes.count }
    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }
    private func at(_ text: String) -> Bool {
        let t = Array(text.utf8)
        return position + t.count <= bytes.count && Array(bytes[position..<position + t.count]) == t
    }

    /// Extended mode: white space and `# comments` between items mean nothing. In UTF mode
    /// that includes U+0085, U+200E, U+200F, U+2028 and U+2029 ("officials\u{200E}?" is
    /// "official" and an optional "s").
    private mutating func skipSpace() {
        while let byte = peek() {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                position += 1
            } else if byte == 0xC2, peek(1) == 0x85 {
                position += 2
            } else if byte == 0xE2, peek(1) == 0x80, let third = peek(2), [0x8E, 0x8F, 0xA8, 0xA9].contains(third) {
                position += 3
            } else if byte == UInt8(ascii: "#") {
                while let b = peek(), b != 0x0A { position += 1 }
            } else {
                return
            }
        }
    }

    private mutating func alternation() -> Info {
        var branches = [concatenation()]
        while !failed, peek() == UInt8(ascii: "|") {
            position += 1
            branches.append(concatenation())
        }
        if branches.count == 1 { return branches[0] }
        var exact: Set<String>? = []
        var required: Set<String>? = []
        for branch in branches {
            if let e = branch.exact, let so = exact, so.count + e.count <= LiteralAnalyser.maximumSet {
                exact = so.union(e)
            } else {
                exact = nil
            }
            if let r = branch.requirement, let so = required, so.count + r.count <= LiteralAnalyser.maximumSet {
                required = so.union(r)
            } else {
                required = nil
            }
        }
        return Info(exact: exact, required: required,
                    explicitStarts: starts && exact == nil ? branches.dropFirst().reduce(branches[0].starts) { $0.union($1.starts) } : nil)
    }

    private mutating func concatenation() -> Info {
        var run: Set<String> = [""]
        var runBroken = false
        var best: Set<String>?
        // What the pieces so far begin with, followed only until no piece can add to it.
        var prefix = StartBytes.empty
        func close(_ run: Set<String>) {
            if !run.contains("") { best = LiteralAnalyser.better(best, run) }
        }
        while true {
            skipSpace()
            guard let byte = peek(), byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")"), !failed else { break }
            let piece = quantified()
            if failed { break }
            if starts, !prefix.isComplete { prefix = prefix.followed(by: piece.starts) }
            best = LiteralAnalyser.better(best, piece.required)
            if let e = piece.exact {
                if run.count * max(e.count, 1) <= LiteralAnalyser.maximumProduct,
                   run.allSatisfy({ $0.utf8.count < LiteralAnalyser.maximumLength }) {
                    run = Parser.product(run, e)
                } else {
                    // Too many strings, or long enough: a 64 KB literal must not cost 64 KB per byte.
                    close(run)
                    runBroken = true
                    run = e
                }
            } else {
                close(run)
                runBroken = true
                run = [""]
            }
        }
        close(run)
        return Info(exact: runBroken ? nil : run, required: best, explicitStarts: starts && runBroken ? prefix : nil)
    }

    private mutating func quantified() -> Info {
        quantifierTarget = .single
        let atom = self.atom()
        if failed { return .unknown }
        skipSpace()
        guard let byte = peek() else { return atom }
        if quantifierTarget != .single, [UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "{")].contains(byte) {
            // A quantifier after `\Q…\E` repeats its last character only, and after an item
            // PCRE2 ignores (`\E`, `(?#…)`, `(?i)`) the item before: not worth following.
            failed = true
            return .unknown
        }
        var low = 1, high: Int? = 1
        switch byte {
        case UInt8(ascii: "?"): (low, high) = (0, 1); position += 1
        case UInt8(ascii: "*"): (low, high) = (0, nil); position += 1
        case UInt8(ascii: "+"): (low, high) = (1, nil); position += 1
        case UInt8(ascii: "{"):
            guard let (l, h) = braces() else {
                // "{,3}" and "{ 1, 3 }" are literal text to PCRE2 10.42 but quantifiers from
                // 10.43 on: give up rather than guess which library runs.
                if mayBeNewerQuantifier() { failed = true }
                return atom
            }
            (low, high) = (l, h)
        default: return atom
        }
        // A lazy or possessive mark changes which match, not what a match contains. (In
        // extended mode it may come after white space or a comment: "+ ?" is lazy.)
        skipSpace()
        if let mark = peek(), mark == UInt8(ascii: "?") || mark == UInt8(ascii: "+") { position += 1 }
        // What a match begins with: one repetition, then perhaps more; or none.
        var repeatedStarts: StartBytes? {
            guard starts else { return nil }
            let once = high == 1 ? atom.starts : atom.starts.repeated
            return low == 0 ? once.union(.empty) : once
        }
        if low == 0 {
            if high == 1, let e = atom.exact { return Info(exact: e.union([""]), required: nil) }
            return Info(exact: nil, required: nil, explicitStarts: repeatedStarts)
        }
        if let high, high == low, low <= LiteralAnalyser.maximumLength, let e = atom.exact {
            var product: Set<String> = [""]
            for _ in 0..<low {
                guard product.count * max(e.count, 1) <= LiteralAnalyser.maximumProduct else {
                    return Info(exact: nil, required: atom.requirement, explicitStarts: repeatedStarts)
                }
                product = Parser.product(product, e)
            }
            return Info(exact: product, required: nil)
        }
        return Info(exact: nil, required: atom.requirement, explicitStarts: repeatedStarts)
    }

    /// `{n}`, `{n,}`, `{n,m}` as a quantifier; anything else leaves `{` a literal.
    /// Digits, commas and spaces up to a "}", with a digit among them.
    private func mayBeNewerQuantifier() -> Bool {
        var index = position + 1
        var digit = false
        while index < bytes.count, bytes[index] != UInt8(ascii: "}") {
            let b = bytes[index]
            if b >= 0x30 && b <= 0x39 { digit = true } else if b != UInt8(ascii: ",") && b != 0x20 && b != 0x09 { return false }
            index += 1
        }
        return digit && index < bytes.count
    }

    private mutating func braces() -> (Int, Int?)? {
        var index = position + 1
        func number() -> Int? {
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index > start ? Int(String(decoding: bytes[start..<index], as: UTF8.self)) : nil
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
            index += 1
            high = number()
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "}") else { return nil }
        position = index + 1
        return (low, high)
    }

    private mutating func atom() -> Info {
        guard let byte = peek() else { return .empty }
        switch byte {
        case UInt8(ascii: "("): return group()
        case UInt8(ascii: "["): return characterClass()
        case UInt8(ascii: "\\"): return escape()
        case UInt8(ascii: "."): position += 1; return .unknown
        case UInt8(ascii: "^"), UInt8(ascii: "$"): position += 1; return .empty
        default:
            return literalCharacter()
        }
    }

    /// One character as written; a non-ASCII one (a multi-byte sequence) is left unknown.
    private mutating func literalCharacter() -> Info {
        let byte = bytes[position]
        if byte < 0x80 {
            position += 1
            return byte == LiteralAnalyser.digitByte ? .unknown : Info(exact: [Parser.folded(byte)], required: nil)
        }
        position += 1
        while let next = peek(), next & 0xC0 == 0x80 { position += 1 }
        return .unknown
    }

    /// Every head followed by every tail.
    static func product(_ heads: Set<String>, _ tails: Set<String>) -> Set<String> {
        Set(heads.flatMap { head in tails.map { head + $0 } })
    }

    static func folded(_ byte: UInt8) -> String {
        let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        return String(UnicodeScalar(lower))
    }

    private mutating func escape() -> Info {
        position += 1
        guard let byte = peek() else { failed = true; return .unknown }
        position += 1
        switch byte {
        case UInt8(ascii: "G"), UInt8(ascii: "K"):
            anchorsOrVerbs = true
            return .empty
        case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "Z"), UInt8(ascii: "z"):
            return .empty
        case UInt8(ascii: "d"):
            return Info(exact: [LiteralAnalyser.digit], required: nil)
        case UInt8(ascii: "s"), UInt8(ascii: "S"), UInt8(ascii: "D"), UInt8(ascii: "w"),
             UInt8(ascii: "W"), UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "v"), UInt8(ascii: "V"),
             UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "f"), UInt8(ascii: "e"), UInt8(ascii: "a"):
            var set = ClassBytes(caseless: caseless)
            set.insert(escape: byte, argument: [])
            return Info(exact: nil, required: nil, explicitStarts: set.starts(negated: false))
        case UInt8(ascii: "R"), UInt8(ascii: "X"), UInt8(ascii: "C"):
            return .unknown
        case UInt8(ascii: "N"), UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "x"), UInt8(ascii: "o"):
            let argument = position
            if !skipArgument(of: byte) { failed = true }
            var set = ClassBytes(caseless: caseless)
            set.insert(escape: byte, argument: bytes[argument..<position])
            return Info(exact: nil, required: nil, explicitStarts: set.starts(negated: false))
        case UInt8(ascii: "Q"):
            quantifierTarget = .quoted
            var literal = ""
            while !atEnd, !at("\\E") {
                let b = bytes[position]
                guard b < 0x80, b != LiteralAnalyser.digitByte else { return skipQuoted() }
                literal += Parser.folded(b)
                position += 1
            }
            if at("\\E") { position += 2 }
            return Info(exact: [literal], required: nil)
        case UInt8(ascii: "E"):
            quantifierTarget = .ignored
            return .empty
        default:
            if Parser.isAlphanumeric(byte) {
                // Back references, \g, \k, \c, octal and the rest: not worth following.
                failed = true
                return .unknown
            }
            if byte >= 0x80 {
                while let next = peek(), next & 0xC0 == 0x80 { position += 1 }
                return .unknown
            }
            // The byte that stands for a digit in literals is none itself.
            return byte == LiteralAnalyser.digitByte ? .unknown : Info(exact: [Parser.folded(byte)], required: nil)
        }
    }

    /// Steps over what follows `\p`, `\P`, `\x`, `\o` or `\N`: `{…}`, a property letter or up to
    /// two hex digits. False when the form is one this reader does not follow (`\o` without braces).
    private mutating func skipArgument(of letter: UInt8) -> Bool {
        if peek() == UInt8(ascii: "{") {
            skip(past: UInt8(ascii: "}"))
            return !failed
        }
        switch letter {
        case UInt8(ascii: "x"):
            var count = 0
            while count < 2, let h = peek(), Parser.isHex(h) { position += 1; count += 1 }
        case UInt8(ascii: "p"), UInt8(ascii: "P"):
            guard peek() != nil else { return false }
            position += 1
        case UInt8(ascii: "o"):
            return false
        default:
            break
        }
        return true
    }

    private mutating func skipQuoted() -> Info {
        while !atEnd, !at("\\E") { position += 1 }
        if at("\\E") { position += 2 }
        return .unknown
    }

    private mutating func skip(past close: UInt8) {
        while let b = peek(), b != close { position += 1 }
        if atEnd { failed = true } else { position += 1 }
    }

    static func isHex(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
    }

    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// `[...]`: a few ASCII characters are an exact set; anything larger or stranger is unknown.
    /// For `StartBytes` the class is also read as the bytes its characters can begin with.
    private mutating func characterClass() -> Info {
        // "[[:<:]]" and "[[:>:]]" are PCRE2's POSIX word boundaries, not classes.
        if at("[[:<:]]") || at("[[:>:]]") {
            position += 7
            return .empty
        }
        position += 1
        var negated = false
        if peek() == UInt8(ascii: "^") { negated = true; position += 1 }
        var members: Set<String> = []
        var known = !negated
        var first = true
        var set = ClassBytes(caseless: caseless)
        while true {
            guard let byte = peek() else { failed = true; return .unknown }
            if byte == UInt8(ascii: "]") && !first { position += 1; break }
            first = false
            if byte == UInt8(ascii: "["), let kind = peek(1), kind == UInt8(ascii: ":") || kind == UInt8(ascii: ".") || kind == UInt8(ascii: "=") {
                // "[:alpha:]" (or "[:^alpha:]") is a POSIX class only in exactly that form;
                // otherwise PCRE2 reads "[" as a character. "[.x.]" and "[=x=]" are not followed.
                var end = position + 2
                if end < bytes.count, bytes[end] == UInt8(ascii: "^") { end += 1 }
                let nameStart = end
                while end < bytes.count, Parser.isAlphanumeric(bytes[end]) { end += 1 }
                if end > nameStart, end + 1 < bytes.count, bytes[end] == kind, bytes[end + 1] == UInt8(ascii: "]") {
                    guard kind == UInt8(ascii: ":") else { failed = true; return .unknown }
                    position = end + 2
                    known = false
                    set.known = false
                    continue
                }
            }
            var member: UInt8?
            if byte == UInt8(ascii: "\\") {
                position += 1
                guard let escaped = peek() else { failed = true; return .unknown }
                position += 1
                if Parser.isAlphanumeric(escaped) {
                    let argument = position
                    let followed = [UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "x"), UInt8(ascii: "o"), UInt8(ascii: "N")]
                        .contains(escaped) ? skipArgument(of: escaped)
                        : !(escaped == UInt8(ascii: "Q") || escaped == UInt8(ascii: "E") || escaped == UInt8(ascii: "c") || (escaped >= 0x30 && escaped <= 0x39))
                    guard followed else {
                        failed = true
                        return .unknown
                    }
                    known = false
                    set.insert(escape: escaped, argument: bytes[argument..<position])
                    // "\x{0}-\x{1f}" is a range this reader does not follow.
                    if peek() == UInt8(ascii: "-"), peek(1) != UInt8(ascii: "]") { set.known = false }
                    continue
                }
                member = escaped
            } else {
                position += 1
                member = byte
            }
            guard let m = member, m < 0x80 else {
                let lead = position - 1
                while let next = peek(), next & 0xC0 == 0x80 { position += 1 }
                known = false
                set.insert(character: String(decoding: bytes[lead..<position], as: UTF8.self).unicodeScalars.first?.value ?? 0)
                if peek() == UInt8(ascii: "-"), peek(1) != UInt8(ascii: "]") { set.known = false }
                continue
            }
            // A range: known only when short and ASCII.
            if peek() == UInt8(ascii: "-"), let after = peek(1), after != UInt8(ascii: "]") {
                position += 1
                var upper = after
                if after == UInt8(ascii: "\\") {
                    position += 1
                    guard let escaped = peek(), !Parser.isAlphanumeric(escaped) else { failed = true; return .unknown }
                    upper = escaped
                }
                position += 1
                for b in m...max(m, min(upper, 0x7F)) { set.insert(b) }
                // A range past ASCII may hold the KELVIN SIGN or LONG S.
                if upper >= 0x80 { [0x212A, 0x17F].forEach { set.insert(character: $0) } }
                guard upper < 0x80, upper >= m, upper - m < 6 else {
                    while let next = peek(), next & 0xC0 == 0x80 { position += 1 }
                    known = false
                    continue
                }
                for b in m...upper { members.insert(Parser.folded(b)) }
                continue
            }
            set.insert(m)
            members.insert(Parser.folded(m))
        }
        let starts = set.starts(negated: negated)
        // A U+0001 member is itself, but in a literal it would stand for any digit.
        guard known, !members.isEmpty, members.count <= 6, !members.contains(LiteralAnalyser.digit) else {
            return Info(exact: nil, required: nil, explicitStarts: starts)
        }
        return Info(exact: members, required: nil, explicitStarts: starts)
    }

    private mutating func group() -> Info {
        depth += 1
        defer { depth -= 1 }
        guard depth <= LiteralAnalyser.maximumDepth else {
            failed = true
            return .unknown
        }
        position += 1
        if peek() == UInt8(ascii: "*") {
            // Verbs: (*SKIP), (*PRUNE) and the like consume nothing; (*ACCEPT) ends a match
            // anywhere, and the alpha assertions are not worth reading.
            let start = position
            skip(past: UInt8(ascii: ")"))
            let verb = String(decoding: bytes[start..<min(position, bytes.count)], as: UTF8.self)
            if verb.contains(":") && !verb.hasPrefix("*MARK") && !verb.hasPrefix("*:") && !verb.hasPrefix("*SKIP") && !verb.hasPrefix("*PRUNE") && !verb.hasPrefix("*THEN") { failed = true }
            if verb.hasPrefix("*ACCEPT") { failed = true }
            anchorsOrVerbs = true
            return .empty
        }
        guard peek() == UInt8(ascii: "?") else { return body() }
        position += 1
        guard let kind = peek() else { failed = true; return .unknown }
        switch kind {
        case UInt8(ascii: "#"):
            skip(past: UInt8(ascii: ")"))
            quantifierTarget = .ignored
            return .empty
        case UInt8(ascii: ":"), UInt8(ascii: "|"), UInt8(ascii: ">"):
            position += 1
            return body()
        case UInt8(ascii: "="), UInt8(ascii: "!"):
            position += 1
            _ = body()
            return .empty
        case UInt8(ascii: "<"):
            // (?<= (?<! and the non-atomic (?<* look behind; nothing they read is consumed.
            if peek(1) == UInt8(ascii: "=") || peek(1) == UInt8(ascii: "!") || peek(1) == UInt8(ascii: "*") {
                position += 2
                _ = body()
                return .empty
            }
            guard let first = peek(1), Parser.isAlphanumeric(first) || first == UInt8(ascii: "_") else {
                failed = true
                return .unknown
            }
            position += 1
            skip(past: UInt8(ascii: ">"))
            return body()
        case UInt8(ascii: "'"):
            position += 1
            skip(past: UInt8(ascii: "'"))
            return body()
        case UInt8(ascii: "P"):
            position += 1
            if peek() == UInt8(ascii: "<") {
                position += 1
                skip(past: UInt8(ascii: ">"))
                return body()
            }
            if peek() == UInt8(ascii: ">") {
                position += 1
                return callByName()
            }
            failed = true
            return .unknown
        case UInt8(ascii: "&"):
            position += 1
            return callByName()
        case UInt8(ascii: "("):
            // A conditional: its branches are read (to find the end), but nothing is assumed.
            position += 1
            if peek() == UInt8(ascii: "?") || peek() == UInt8(ascii: "*") {
                position -= 1
                _ = group()
            } else {
                skip(past: UInt8(ascii: ")"))
            }
            _ = body()
            return .unknown
        default:
            // Options: (?i), (?-i:...). Extended mode switched off would make spaces count.
            let start = position
            while let b = peek(), b != UInt8(ascii: ")"), b != UInt8(ascii: ":") {
                guard Parser.isAlphanumeric(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "^") else {
                    failed = true
                    return .unknown
                }
                position += 1
            }
            let flags = bytes[start..<position]
            if flags.contains(UInt8(ascii: "x")) || flags.contains(UInt8(ascii: "^")) || flags.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) || flags.contains(UInt8(ascii: "R")) {
                failed = true
                return .unknown
            }
            guard let end = peek() else { failed = true; return .unknown }
            position += 1
            let outer = caseless
            let off = flags.firstIndex(of: UInt8(ascii: "-"))
            if let i = flags.firstIndex(of: UInt8(ascii: "i")) { caseless = off.map { i < $0 } ?? true }
            if end == UInt8(ascii: ":") {
                // The options hold inside the group only. (Set inline, as "(?-i)", they hold to
                // the end of the enclosing group, whose `body` restores them.)
                let info = body()
                caseless = outer
                return info
            }
            quantifierTarget = .ignored
            return .empty
        }
    }

    /// The rest of a group after its opening, up to and including `)`.
    private mutating func body() -> Info {
        let outer = caseless
        defer { caseless = outer }
        let info = alternation()
        guard peek() == UInt8(ascii: ")") else { failed = true; return .unknown }
        position += 1
        // A quantifier after the group repeats the group, whatever its last item was.
        quantifierTarget = .single
        return info
    }

    private mutating func callByName() -> Info {
        let start = position
        while let b = peek(), b != UInt8(ascii: ")") { position += 1 }
        guard !atEnd else { failed = true; return .unknown }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        position += 1
        let info = call(name)
        if info.anchorsOrVerbs { anchorsOrVerbs = true }
        return info
    }
}
