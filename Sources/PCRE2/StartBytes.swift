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
    /// A member was read as more than it holds (`\p{Lu}` as every letter): safe for the class,
    /// not for its complement.
    var approximate = false

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

    /// A member beyond ASCII: some lead byte, and for the KELVIN SIGN and LONG S (caseless)
    /// the ASCII letter they match too.
    mutating func insert(character value: UInt32) {
        if value < 0x80 {
            insert(UInt8(value))
            return
        }
        beyondASCII = true
        if caseless, value == 0x212A { insert(UInt8(ascii: "k")) }
        if caseless, value == 0x17F { insert(UInt8(ascii: "s")) }
    }

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
            insert(character: value)
        case UInt8(ascii: "p"):
            // Letters and digits by their general category; any other property, anything.
            approximate = true
            let name = String(decoding: argument.filter { $0 != UInt8(ascii: "{") && $0 != UInt8(ascii: "}") }, as: UTF8.self)
            if name.hasPrefix("L") {
                // Any ASCII letter, of either case: more than any letter property holds.
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
        guard known, !(negated && approximate) else { return .unknown }
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
