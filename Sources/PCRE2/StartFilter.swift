import Foundation

/// The first bytes a match of a pattern can begin with, up to `StartBytes.depth` of them, as
/// the `LiteralAnalyser` reads them: "\b(?:killed|kills)\s" begins with k-i-l (or the KELVIN
/// SIGN). It is a superset: anything the analysis does not follow (a large class, `\p{L}`, a
/// non-ASCII letter, a back reference) lets any byte through from there on.
struct StartBytes: Hashable {
    static let depth = 3
    /// More sequences than this are cut shorter (a superset), to bound the analysis.
    static let maximumEntries = 1024

    /// 256 bits; letters always come with their other case (patterns are caseless).
    struct ByteSet: Hashable {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        static func == (a: ByteSet, b: ByteSet) -> Bool { a.words == b.words }
        func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
            hasher.combine(words.2)
            hasher.combine(words.3)
        }
        mutating func insert(_ byte: UInt8) {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            default: words.3 |= bit
            }
        }
        /// 64 hex digits, the four words from the first.
        var hex: String {
            [words.0, words.1, words.2, words.3].map { word in
                let digits = String(word, radix: 16)
                return String(repeating: "0", count: 16 - digits.count) + digits
            }.joined()
        }
        init() {}
        init?(hex: ArraySlice<UInt8>) {
            guard hex.count == 64 else { return nil }
            var values: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            for (offset, digit) in hex.enumerated() {
                let nibble: UInt8
                switch digit {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = digit - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = digit - UInt8(ascii: "a") + 10
                default: return nil
                }
                switch offset / 16 {
                case 0: values.0 = values.0 << 4 | UInt64(nibble)
                case 1: values.1 = values.1 << 4 | UInt64(nibble)
                case 2: values.2 = values.2 << 4 | UInt64(nibble)
                default: values.3 = values.3 << 4 | UInt64(nibble)
                }
            }
            words = values
        }
        /// The bytes in the set, in order.
        var members: [Int] {
            var result: [Int] = []
            for (index, word) in [words.0, words.1, words.2, words.3].enumerated() {
                var rest = word
                while rest != 0 {
                    result.append(index * 64 + rest.trailingZeroBitCount)
                    rest &= rest - 1
                }
            }
            return result
        }
        mutating func formUnion(_ other: ByteSet) {
            words = (words.0 | other.words.0, words.1 | other.words.1, words.2 | other.words.2, words.3 | other.words.3)
        }
        func contains(_ byte: UInt8) -> Bool {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: return words.0 & bit != 0
            case 1: return words.1 & bit != 0
            case 2: return words.2 & bit != 0
            default: return words.3 & bit != 0
            }
        }
    }

    /// A match begins with one byte of each set in turn; `open`: and may go on with anything
    /// (else the piece's match ends there, and what follows it in the pattern comes next).
    struct Entry: Hashable {
        // Inline, not an array: the analysis hashes and builds entries by the thousand.
        private var first = ByteSet(), second = ByteSet(), third = ByteSet()
        private(set) var count = 0
        var open: Bool

        /// One mixed word, not fourteen: the analysis hashes entries by the thousand.
        func hash(into hasher: inout Hasher) {
            var mixed = UInt64(count) &* 2 &+ (open ? 1 : 0)
            func mix(_ word: UInt64) { mixed = (mixed ^ word) &* 0x9E37_79B9_7F4A_7C15 ^ (mixed >> 29) }
            for set in 0..<3 {
                let words = self[set].words
                mix(words.0)
                mix(words.1)
                mix(words.2)
                mix(words.3)
            }
            hasher.combine(mixed)
        }

        init(sets: [ByteSet], open: Bool) {
            self.open = open
            for set in sets.prefix(StartBytes.depth) { append(set) }
        }

        subscript(level: Int) -> ByteSet { level == 0 ? first : level == 1 ? second : third }
        var sets: [ByteSet] { (0..<count).map { self[$0] } }

        mutating func append(_ set: ByteSet) {
            switch count {
            case 0: first = set
            case 1: second = set
            default: third = set
            }
            count += 1
        }

        /// The first `length` sets, open.
        func cut(to length: Int) -> Entry {
            var cut = Entry(sets: [], open: true)
            for level in 0..<min(length, count) { cut.append(self[level]) }
            return cut
        }
    }
    var entries: Set<Entry>

    /// Matches only the empty string (zero-width items: `\b`, lookarounds, anchors).
    static let empty = StartBytes(entries: [Entry(sets: [], open: false)])
    /// Anything at all.
    static let unknown = StartBytes(entries: [Entry(sets: [], open: true)])

    /// Whether nothing that follows can narrow it: every entry is open or as long as kept.
    var isComplete: Bool { entries.allSatisfy { $0.open || $0.count >= StartBytes.depth } }

    /// Whether it lets every position through (then it is no filter).
    var isUnknown: Bool { entries.contains { $0.count == 0 && $0.open } }

    /// Caseless UTF matching equates U+212A KELVIN SIGN with k and U+017F LONG S with s: a
    /// text may hold those where the pattern has the ASCII letter.
    static let kelvinLead: UInt8 = 0xE2, longSLead: UInt8 = 0xC5

    /// The strings of a piece as `LiteralAnalyser` knows them exactly (ASCII, folded to lower
    /// case, `LiteralAnalyser.digit` for any digit); nil: unknown.
    init(exact: Set<String>?) {
        guard let exact else {
            self = .unknown
            return
        }
        var entries: Set<Entry> = []
        for string in exact {
            var sets: [ByteSet] = []
            var open = false
            for byte in string.utf8 {
                var set = ByteSet()
                if byte == LiteralAnalyser.digitByte {
                    for digit in UInt8(ascii: "0")...UInt8(ascii: "9") { set.insert(digit) }
                } else {
                    set.insert(byte)
                    if byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") { set.insert(byte - 0x20) }
                    // The other spelling of k or s is a longer character: the bytes after it are not followed.
                    if byte == UInt8(ascii: "k") || byte == UInt8(ascii: "s") {
                        var lead = ByteSet()
                        lead.insert(byte == UInt8(ascii: "k") ? StartBytes.kelvinLead : StartBytes.longSLead)
                        entries.insert(Entry(sets: Array((sets + [lead]).prefix(StartBytes.depth)), open: true))
                    }
                }
                guard sets.count < StartBytes.depth else {
                    open = true
                    break
                }
                sets.append(set)
            }
            entries.insert(Entry(sets: sets, open: open))
        }
        self.init(entries: entries)
    }

    init(entries: Set<Entry>) {
        self.entries = entries
        shrink()
    }

    /// This piece, then `next`.
    func followed(by next: StartBytes) -> StartBytes {
        var result: Set<Entry> = []
        result.reserveCapacity(min(entries.count * next.entries.count, StartBytes.maximumEntries * 4))
        for head in entries {
            guard !head.open, head.count < StartBytes.depth else {
                result.insert(head)
                continue
            }
            for tail in next.entries {
                var joined = head
                joined.open = tail.open || head.count + tail.count > StartBytes.depth
                for level in 0..<min(tail.count, StartBytes.depth - head.count) { joined.append(tail[level]) }
                result.insert(joined)
            }
        }
        return StartBytes(entries: result)
    }

    func union(_ other: StartBytes) -> StartBytes { StartBytes(entries: entries.union(other.entries)) }

    /// `+`, `{2,}` and the like: after one repetition more may follow.
    var repeated: StartBytes {
        StartBytes(entries: Set(entries.map { $0.count == 0 ? $0 : $0.cut(to: StartBytes.depth) }))
    }

    /// Too many entries: cut all to fewer bytes (each then open), down to one byte, where
    /// they merge into one.
    private mutating func shrink() {
        var length = StartBytes.depth - 1
        while entries.count > StartBytes.maximumEntries, length > 0 {
            entries = Set(entries.map { $0.count > length ? $0.cut(to: length) : $0 })
            length -= 1
        }
        guard entries.count > StartBytes.maximumEntries else { return }
        var merged = ByteSet()
        var empty: Set<Entry> = []
        for entry in entries {
            guard entry.count > 0 else {
                empty.insert(entry)
                continue
            }
            merged.formUnion(entry[0])
        }
        entries = empty.union([Entry(sets: [merged], open: true)])
    }
}

/// Which positions of a text a pattern can start a match at, from `StartBytes`: the bytes of
/// a text fall into classes (those no set of the pattern tells apart share one), and a bit per
/// triple of classes says whether a match can begin with it. Immutable, so the threads of a
/// run share it.
public final class StartFilter: @unchecked Sendable {
    /// Byte → class (0 stands for the end of the text). Continuation bytes are in no set, so
    /// no match begins with their class: the scan never stops inside a character.
    private let classes: UnsafeMutablePointer<UInt8>
    private let width: Int
    /// Bit `(c0 * width + c1) * width + c2`: a match can begin with bytes of these classes.
    private let bits: UnsafeMutablePointer<UInt64>
    /// Whether a match can begin with a byte of each class.
    private let firsts: UnsafeMutablePointer<Bool>
    /// The entries, each as its byte sets in class syntax, "…" when anything may follow:
    /// what `claimcheck-bench --dump-patterns` shows.
    public var summary: String {
        guard let entries = StartFilter.entries(encoded) else { return "" }
        return entries.map(StartFilter.describe).sorted().joined(separator: " ")
    }
    /// Beyond this many classes the table grows past 32 KB: no filter then.
    static let maximumClasses = 64

    /// `encoded`: the strings `starts` came from (a filter from the cache), which passed the
    /// checks of a filter worth having when they were made.
    init?(_ starts: StartBytes, encoded known: [String]? = nil) {
        guard !starts.isUnknown, !starts.entries.isEmpty,
              // A pattern that can match the empty string can start anywhere.
              !starts.entries.contains(where: { $0.count == 0 }) else { return nil }
        let entries = Array(starts.entries)
        // Classes by refinement: each set splits every class it cuts into its part and the rest
        // (bytes in no set share a class), then classes are numbered from 1 in byte order.
        let sets = Array(Set(entries.flatMap(\.sets)))
        var refined = [Int](repeating: 0, count: 256)
        var next = 1
        for set in sets {
            var split: [Int: Int] = [:]
            for byte in set.members {
                if let known = split[refined[byte]] {
                    refined[byte] = known
                } else {
                    split[refined[byte]] = next
                    refined[byte] = next
                    next += 1
                }
            }
        }
        var classOf = [Int](repeating: 0, count: 256)
        var numbered: [Int: Int] = [:]
        for byte in 0..<256 {
            if let known = numbered[refined[byte]] {
                classOf[byte] = known
            } else {
                numbered[refined[byte]] = numbered.count + 1
                classOf[byte] = numbered.count
            }
        }
        let width = numbered.count + 1
        guard width <= StartFilter.maximumClasses else { return nil }
        var classesOfSet: [StartBytes.ByteSet: [Int]] = [:]
        for set in sets { classesOfSet[set] = Array(Set(set.members.map { classOf[$0] })) }
        var firstClasses = [Bool](repeating: false, count: width)
        var bits = [UInt64](repeating: 0, count: (width * width * width + 63) / 64)
        func setBits(_ range: Range<Int>) {
            for bit in range { bits[bit >> 6] |= 1 << UInt64(bit & 63) }
        }
        for entry in entries {
            // Past the entry any class may follow (the end too): a run of bits.
            for c0 in classesOfSet[entry[0]]! {
                firstClasses[c0] = true
                guard entry.count > 1 else {
                    setBits(c0 * width * width..<(c0 + 1) * width * width)
                    continue
                }
                for c1 in classesOfSet[entry[1]]! {
                    let row = (c0 * width + c1) * width
                    guard entry.count > 2 else {
                        setBits(row..<row + width)
                        continue
                    }
                    for c2 in classesOfSet[entry[2]]! { setBits(row + c2..<row + c2 + 1) }
                }
            }
        }
        // Raw buffers: the scan runs at every byte, and array accesses there retained and released.
        classes = .allocate(capacity: 256)
        classes.initialize(from: classOf.map { UInt8($0) }, count: 256)
        self.width = width
        self.bits = .allocate(capacity: bits.count)
        self.bits.initialize(from: bits, count: bits.count)
        firsts = .allocate(capacity: width)
        firsts.initialize(from: firstClasses, count: width)
        if let known {
            encoded = known
            return
        }
        // The distinct sets in hex, then each entry as "o" (open) or "c" and its sets' numbers,
        // both sorted: one filter, one form, whatever order a set gave them in.
        let sorted = sets.map { (set: $0, hex: $0.hex) }.sorted { $0.hex < $1.hex }
        let numbers = Dictionary(sorted.enumerated().map { ($1.set, $0) }, uniquingKeysWith: { first, _ in first })
        encoded = [StartFilter.format, sorted.map(\.hex).joined()] + entries.map { entry in
            (entry.open ? "o" : "c") + entry.sets.map { String(numbers[$0]!) }.joined(separator: ",")
        }.sorted()
        // Each position let through costs a call into PCRE2, more than its own scan spends on a
        // word it rejects: measured on the corpus, filters that let through more than a few
        // percent of letter triples saved nothing, and those that let through all lost time.
        guard letterShare <= StartFilter.maximumLetterShare else { return nil }
    }

    static let maximumLetterShare = 0.25

    /// The filter as strings, for `CompileCache.strings` (`init(encoded:)` reads them back).
    public let encoded: [String]
    static let format = "1"

    /// A filter from its `encoded` form; nil when the strings are not one (or give none).
    public convenience init?(encoded: [String]) {
        guard let entries = StartFilter.entries(encoded) else { return nil }
        self.init(StartBytes(entries: entries), encoded: encoded)
    }

    private static func entries(_ encoded: [String]) -> Set<StartBytes.Entry>? {
        guard encoded.count >= 2, encoded[0] == StartFilter.format, encoded[1].utf8.count % 64 == 0 else { return nil }
        let hex = Array(encoded[1].utf8)
        var sets: [StartBytes.ByteSet] = []
        for start in stride(from: 0, to: hex.count, by: 64) {
            guard let set = StartBytes.ByteSet(hex: hex[start..<start + 64]) else { return nil }
            sets.append(set)
        }
        var entries: Set<StartBytes.Entry> = []
        for text in encoded.dropFirst(2) {
            guard let mark = text.first, mark == "o" || mark == "c" else { return nil }
            let numbers = text.dropFirst().split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
            guard numbers.count <= StartBytes.depth, numbers.allSatisfy({ $0.map { sets.indices.contains($0) } == true }) else { return nil }
            entries.insert(StartBytes.Entry(sets: numbers.map { sets[$0!] }, open: mark == "o"))
        }
        return entries
    }

    deinit {
        classes.deallocate()
        bits.deallocate()
        firsts.deallocate()
    }

    /// The share of lower-case letter triples ("aaa" to "zzz") a match can start with: how
    /// much of a text's words the filter lets through, roughly.
    public var letterShare: Double {
        var allowed = 0
        let letters = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { Int(classes[Int($0)]) }
        for a in letters where firsts[a] {
            for b in letters {
                for c in letters where fits(a, b, c) { allowed += 1 }
            }
        }
        return Double(allowed) / (26 * 26 * 26)
    }

    @inline(__always)
    private func fits(_ c0: Int, _ c1: Int, _ c2: Int) -> Bool {
        let bit = (c0 &* width &+ c1) &* width &+ c2
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The first position from `start` through `last` of `bytes` where a match can start, or nil.
    public func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, through last: Int) -> Int? {
        guard let base = bytes.baseAddress, start <= last else { return nil }
        let count = bytes.count
        var index = start
        while index <= last {
            let c0 = Int(classes[Int(base[index])])
            if firsts[c0] {
                let c1 = index + 1 < count ? Int(classes[Int(base[index + 1])]) : 0
                let c2 = index + 2 < count ? Int(classes[Int(base[index + 2])]) : 0
                if fits(c0, c1, c2) { return index }
            }
            index += 1
        }
        return nil
    }

    private static func describe(_ entry: StartBytes.Entry) -> String {
        entry.sets.map { set in
            // An upper-case letter shows only when its lower case is not in the set too.
            let members = (0...255).filter { set.contains(UInt8($0)) && !((0x41...0x5A).contains($0) && set.contains(UInt8($0 | 0x20))) }
            if members.count == 1, let only = members.first, only < 0x80, only > 0x20 { return String(UnicodeScalar(UInt8(only))) }
            if members.count >= 250 { return "." }
            return "[" + members.map { $0 < 0x80 && $0 > 0x20 ? String(UnicodeScalar(UInt8($0))) : String(format: "\\x%02x", $0) }.joined() + "]"
        }.joined() + (entry.open ? "…" : "")
    }
}

/// The bytes a character class (or an escape like `\s` outside one) can begin a character
/// with, as `LiteralAnalyser` reads the class: ASCII members exactly, anything beyond ASCII as
/// "some lead byte, then anything".
struct ClassBytes {
    var set = StartBytes.ByteSet()
    /// A member can be a character beyond ASCII.
    var beyondASCII = false
    /// False when a member was not followed (a POSIX class, a range of escapes).
    var known = true
    /// Letters match either case (else only as written).
    var caseless = true

    /// A member byte; letters with their other case, k and s with the non-ASCII letters
    /// caseless matching equates with them.
    mutating func insert(_ byte: UInt8) {
        set.insert(byte)
        let lower = byte | 0x20
        if caseless, lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") {
            set.insert(lower)
            set.insert(lower & ~0x20)
            if lower == UInt8(ascii: "k") || lower == UInt8(ascii: "s") { beyondASCII = true }
        }
    }

    private mutating func insert(_ range: ClosedRange<UInt8>) { for byte in range { insert(byte) } }

    /// A backslash escape in a class (`\d`, `\s`, `\x{41}`, `\p{L}`, `\t`), `argument` what follows
    /// its letter (`{41}`, `{L}`). What it names without UCP: `\d`, `\s` and `\w` are ASCII.
    mutating func insert(escape letter: UInt8, argument: ArraySlice<UInt8>) {
        let whitespace: [UInt8] = [9, 10, 11, 12, 13, 32]
        var complement = ClassBytes()
        switch letter {
        case UInt8(ascii: "d"): insert(0x30...0x39)
        case UInt8(ascii: "s"): whitespace.forEach { insert($0) }
        case UInt8(ascii: "w"):
            insert(0x30...0x39)
            insert(0x41...0x5A)
            insert(0x61...0x7A)
            insert(UInt8(ascii: "_"))
        case UInt8(ascii: "h"):
            insert(9)
            insert(32)
            beyondASCII = true
        case UInt8(ascii: "v"):
            insert(10...13)
            beyondASCII = true
        case UInt8(ascii: "D"), UInt8(ascii: "S"), UInt8(ascii: "W"), UInt8(ascii: "H"), UInt8(ascii: "V"):
            complement.caseless = caseless
            complement.insert(escape: letter | 0x20, argument: argument)
            for byte in UInt8(0)...0x7F where !complement.set.contains(byte) { set.insert(byte) }
            beyondASCII = true
        case UInt8(ascii: "t"): insert(9)
        case UInt8(ascii: "n"): insert(10)
        case UInt8(ascii: "f"): insert(12)
        case UInt8(ascii: "r"): insert(13)
        case UInt8(ascii: "e"): insert(27)
        case UInt8(ascii: "a"): insert(7)
        case UInt8(ascii: "b"): insert(8)
        case UInt8(ascii: "x"):
            let digits = argument.filter { $0 != UInt8(ascii: "{") && $0 != UInt8(ascii: "}") }
            guard let value = UInt32(String(decoding: digits, as: UTF8.self), radix: 16) else {
                known = false
                return
            }
            if value < 0x80 { insert(UInt8(value)) } else { beyondASCII = true }
        case UInt8(ascii: "p"):
            // Letters and digits by their general category; any other property, anything.
            let name = String(decoding: argument.filter { $0 != UInt8(ascii: "{") && $0 != UInt8(ascii: "}") }, as: UTF8.self)
            if name.hasPrefix("L") {
                // Any letter: "Lu" caselessly matches lower case too.
                insert(0x41...0x5A)
                insert(0x61...0x7A)
            } else if name.hasPrefix("N") {
                insert(0x30...0x39)
            } else {
                known = false
            }
            beyondASCII = true
        default:
            known = false
        }
    }

    /// What a class of these members begins with (`negated`: of every other character).
    func starts(negated: Bool) -> StartBytes {
        guard known else { return .unknown }
        var first = set
        if negated {
            first = StartBytes.ByteSet()
            for byte in UInt8(0)...0x7F where !set.contains(byte) { first.insert(byte) }
        }
        var entries: Set<StartBytes.Entry> = []
        if first != StartBytes.ByteSet() { entries.insert(.init(sets: [first], open: false)) }
        if negated || beyondASCII {
            var leads = StartBytes.ByteSet()
            for byte in UInt8(0xC2)...0xF4 { leads.insert(byte) }
            entries.insert(.init(sets: [leads], open: true))
        }
        return entries.isEmpty ? .unknown : StartBytes(entries: entries)
    }
}
