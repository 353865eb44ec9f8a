import Foundation

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
        guard let (sets, entries) = StartFilter.numbered(encoded) else { return "" }
        return entries.map { StartFilter.describe(StartBytes.Entry(sets: $0.sets.map { sets[$0] }, open: $0.open)) }
            .sorted().joined(separator: " ")
    }
    /// Beyond this many classes the table grows past 32 KB: no filter then.
    static let maximumClasses = 64

    /// Entries as the numbers of their sets in a list of distinct sets: how the table is built,
    /// from an analysis or straight from the cached strings.
    private typealias Numbered = (sets: [StartBytes.ByteSet], entries: [(open: Bool, sets: [Int])])

    convenience init?(_ starts: StartBytes) {
        guard !starts.isUnknown, !starts.entries.isEmpty,
              // A pattern that can match the empty string can start anywhere.
              !starts.entries.contains(where: { $0.count == 0 }) else { return nil }
        // The distinct sets in hex order, and each entry as "o" (open) or "c" and its sets'
        // numbers, sorted: one filter, one form, whatever order a set gave them in.
        let sets = Set(starts.entries.flatMap(\.sets)).map { (set: $0, hex: $0.hex) }.sorted { $0.hex < $1.hex }
        let numbers = Dictionary(sets.enumerated().map { ($1.set, $0) }, uniquingKeysWith: { first, _ in first })
        let entries = starts.entries.map { (open: $0.open, sets: $0.sets.map { numbers[$0]! }) }
        self.init(numbered: (sets.map(\.set), entries), encoded: [StartFilter.format, sets.map(\.hex).joined()]
                    + entries.map { ($0.open ? "o" : "c") + $0.sets.map(String.init).joined(separator: ",") }.sorted())
        // Each position let through costs a call into PCRE2, more than its own scan spends on a
        // word it rejects: measured on the corpus, filters that let through more than a few
        // percent of letter triples saved nothing, and those that let through all lost time.
        guard letterShare <= StartFilter.maximumLetterShare else { return nil }
    }

    static let maximumLetterShare = 0.25

    /// The filter as strings, for `CompileCache.strings` (`init(encoded:)` reads them back).
    public let encoded: [String]
    static let format = "1"

    /// A filter from its `encoded` form, which passed the checks of a filter worth having
    /// when it was made; nil when the strings are not one.
    public convenience init?(encoded: [String]) {
        guard let numbered = StartFilter.numbered(encoded) else { return nil }
        self.init(numbered: numbered, encoded: encoded)
    }

    private init?(numbered: Numbered, encoded: [String]) {
        let (sets, entries) = numbered
        guard !entries.isEmpty, entries.allSatisfy({ !$0.sets.isEmpty }) else { return nil }
        // Classes by refinement: each set splits every class it cuts into its part and the rest
        // (bytes in no set share a class), then classes are numbered from 1 in byte order.
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
        var numberedClasses: [Int: Int] = [:]
        for byte in 0..<256 {
            if let known = numberedClasses[refined[byte]] {
                classOf[byte] = known
            } else {
                numberedClasses[refined[byte]] = numberedClasses.count + 1
                classOf[byte] = numberedClasses.count
            }
        }
        let width = numberedClasses.count + 1
        guard width <= StartFilter.maximumClasses else { return nil }
        let classesOfSet = sets.map { set in Array(Set(set.members.map { classOf[$0] })) }
        var firstClasses = [Bool](repeating: false, count: width)
        var bits = [UInt64](repeating: 0, count: (width * width * width + 63) / 64)
        func setBits(_ range: Range<Int>) {
            for bit in range { bits[bit >> 6] |= 1 << UInt64(bit & 63) }
        }
        for entry in entries {
            // Past the entry any class may follow (the end too): a run of bits.
            for c0 in classesOfSet[entry.sets[0]] {
                firstClasses[c0] = true
                guard entry.sets.count > 1 else {
                    setBits(c0 * width * width..<(c0 + 1) * width * width)
                    continue
                }
                for c1 in classesOfSet[entry.sets[1]] {
                    let row = (c0 * width + c1) * width
                    guard entry.sets.count > 2 else {
                        setBits(row..<row + width)
                        continue
                    }
                    for c2 in classesOfSet[entry.sets[2]] { setBits(row + c2..<row + c2 + 1) }
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
        self.encoded = encoded
    }

    /// The sets and entries of an `encoded` form, nil when it is not one: every number names a
    /// set, and an entry has one to three.
    private static func numbered(_ encoded: [String]) -> Numbered? {
        guard encoded.count >= 2, encoded[0] == StartFilter.format, encoded[1].utf8.count % 64 == 0 else { return nil }
        let hex = Array(encoded[1].utf8)
        var sets: [StartBytes.ByteSet] = []
        for start in stride(from: 0, to: hex.count, by: 64) {
            guard let set = StartBytes.ByteSet(hex: hex[start..<start + 64]) else { return nil }
            sets.append(set)
        }
        var entries: [(open: Bool, sets: [Int])] = []
        for text in encoded.dropFirst(2) {
            var bytes = text.utf8.makeIterator()
            guard let mark = bytes.next(), mark == UInt8(ascii: "o") || mark == UInt8(ascii: "c") else { return nil }
            var numbers: [Int] = []
            var number: Int?
            while true {
                let byte = bytes.next()
                if let byte, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    number = (number ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
                    guard number! < sets.count else { return nil }
                    continue
                }
                guard let complete = number, byte == nil || byte == UInt8(ascii: ",") else { return nil }
                numbers.append(complete)
                number = nil
                if byte == nil { break }
            }
            guard numbers.count <= StartBytes.depth else { return nil }
            entries.append((mark == UInt8(ascii: "o"), numbers))
        }
        return (sets, entries)
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
