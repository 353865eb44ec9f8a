/// One pass over a sentence that tells which patterns can match there at all: each gated
/// pattern has literals (`LiteralAnalyser`) of which every match contains one, and a pattern
/// none of whose literals occurs in the sentence is not run. An Aho–Corasick automaton over
/// case-folded ASCII, with a dense transition table on the bytes the literals use; immutable
/// once built, so the threads of a run share it.
public final class LiteralGate: @unchecked Sendable {
    /// Number of gated patterns; `scan` sets bit `i` of its words for pattern `i`.
    public let count: Int
    public var words: Int { (count + 63) / 64 }
    /// Byte → alphabet class (0: a byte no literal uses).
    private let classes: [UInt8]
    private let width: Int
    /// Transitions: a row of `width` target states per state, states numbered breadth first.
    private let delta: [Int32]
    /// The output group of each state (0: none), a group being the patterns whose literal ends
    /// there (its own and its suffixes'): `outputs[groupStart[g - 1] ..< groupStart[g]]`.
    /// States with the same patterns share a group, so the scan notes one position per byte,
    /// without a branch, and sets pattern bits per group once at the end: a literal like "a"
    /// belongs to dozens of patterns, and it ends at bytes no branch predictor foresees.
    private let stateGroup: [Int32]
    private let groupStart: [Int32]
    private let outputs: [Int32]

    /// Patterns the gate cannot judge (a literal that is empty or not ASCII): always possible.
    private let always: [Int]
    /// A zero per output group and one for "none": a scan's record of where each group last ended.
    private let seenTemplate: [Int]

    /// `literals[i]`: the lower-case ASCII literals of pattern `i` (no literals: never possible),
    /// where `LiteralAnalyser.digit` stands for any digit.
    public init(literals: [[String]]) {
        count = literals.count
        let judged = literals.map { list in list.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 < 0x80 } } }
        always = judged.indices.filter { !judged[$0] }
        var folded = [UInt8](repeating: 0, count: 256)
        var used = Set<UInt8>()
        for (list, ok) in zip(literals, judged) where ok { for literal in list { used.formUnion(literal.utf8.map(LiteralGate.fold)) } }
        var next: UInt8 = 1
        for byte in used.sorted() {
            folded[Int(byte)] = next
            next += 1
        }
        // Upper-case letters share the class of their lower-case forms.
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { folded[Int(upper)] = folded[Int(upper + 0x20)] }
        // `LiteralAnalyser.digit` in a literal is any digit: every digit of the text reads as it
        // (and so does a digit in a literal, which only widens what that literal accepts).
        let digitClass = folded[Int(LiteralAnalyser.digitByte)]
        if digitClass != 0 {
            for digit in UInt8(ascii: "0")...UInt8(ascii: "9") { folded[Int(digit)] = digitClass }
            folded[Int(LiteralAnalyser.digitByte)] = 0
        }
        func literalClass(_ byte: UInt8) -> Int {
            byte == LiteralAnalyser.digitByte ? Int(digitClass) : Int(folded[Int(LiteralGate.fold(byte))])
        }
        classes = folded
        let width = Int(next)
        self.width = width

        // The trie, as rows of `width` transitions (-1: none yet).
        var trie = [Int32](repeating: -1, count: width)
        var own: [[Int32]] = [[]]
        for (pattern, list) in literals.enumerated() where judged[pattern] {
            for literal in list {
                var state = 0
                for byte in literal.utf8 {
                    let c = literalClass(byte)
                    if trie[state * width + c] < 0 {
                        trie[state * width + c] = Int32(own.count)
                        trie.append(contentsOf: repeatElement(-1, count: width))
                        own.append([])
                    }
                    state = Int(trie[state * width + c])
                }
                if !own[state].contains(Int32(pattern)) { own[state].append(Int32(pattern)) }
            }
        }
        // Breadth first: failure links, full transitions and merged outputs.
        let states = own.count
        var delta = trie
        var failure = [Int32](repeating: 0, count: states)
        var merged: [[Int32]] = own
        var queue: [Int] = []
        queue.reserveCapacity(states)
        for c in 0..<width {
            let child = trie[c]
            if child >= 0 {
                queue.append(Int(child))
            } else {
                delta[c] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fail = Int(failure[state])
            if !merged[fail].isEmpty {
                for item in merged[fail] where !merged[state].contains(item) { merged[state].append(item) }
            }
            let row = state * width, failRow = fail * width
            for c in 0..<width {
                let child = trie[row + c]
                if child >= 0 {
                    failure[Int(child)] = delta[failRow + c]
                    queue.append(Int(child))
                } else {
                    delta[row + c] = delta[failRow + c]
                }
            }
        }
        // States renumbered breadth first, so the rows the scan visits most (the root and short
        // prefixes) lie together at the front of the table.
        let order = [0] + queue
        var renumbered = [Int32](repeating: 0, count: states)
        for (new, old) in order.enumerated() { renumbered[old] = Int32(new) }
        var start: [Int32] = [0]
        var flat: [Int32] = []
        var groups: [[Int32]: Int32] = [:]
        var groupOf = [Int32](repeating: 0, count: states)
        for (new, old) in order.enumerated() where !merged[old].isEmpty {
            let sorted = merged[old].sorted()
            if let known = groups[sorted] {
                groupOf[new] = known
                continue
            }
            flat += sorted
            start.append(Int32(flat.count))
            groupOf[new] = Int32(start.count - 1)
            groups[sorted] = groupOf[new]
        }
        var table = [Int32](repeating: 0, count: states * width)
        for (new, old) in order.enumerated() {
            for c in 0..<width { table[new * width + c] = renumbered[Int(delta[old * width + c])] }
        }
        self.delta = table
        stateGroup = groupOf
        groupStart = start
        outputs = flat
        seenTemplate = [Int](repeating: 0, count: start.count)
    }

    /// Can the pattern with gate bit `bit` match where `possible` was scanned? (nil or
    /// negative: ungated, always.)
    @inline(__always)
    public static func allows(_ bit: Int?, _ possible: [UInt64]) -> Bool {
        guard let bit, bit >= 0 else { return true }
        return possible[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The offset limit of the pattern with gate bit `bit` where `possible` and `ends` were
    /// scanned: the last byte a match can start at, or nil for none (ungated, or not judged).
    /// Call only where `allows` is true.
    @inline(__always)
    public static func limit(_ bit: Int?, _ ends: [Int]) -> Int? {
        guard let bit, bit >= 0, ends[bit] != Int.max else { return nil }
        return ends[bit] - 1
    }

    static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// Sets in `possible` (`words` words, cleared first) the bit of every pattern one of whose
    /// literals occurs in `bytes[range]`.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into possible: inout [UInt64]) {
        var ends: [Int] = []
        scan(bytes, range, into: &possible, ends: &ends)
    }

    /// `scan`, and in `ends[i]` (for each pattern whose bit it sets) the byte just after the
    /// last of its literals in the range, or `Int.max` for a pattern the gate cannot judge.
    /// Every match contains one of its pattern's literals, so none starts at or after that
    /// byte: it is the pattern's offset limit there (`limit(_:_:)`).
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into possible: inout [UInt64],
                     ends: inout [Int]) {
        if possible.count != words { possible = [UInt64](repeating: 0, count: words) } else {
            for index in possible.indices { possible[index] = 0 }
        }
        // Only entries of set bits are read, so `ends` is not cleared.
        if ends.count != count { ends = [Int](repeating: Int.max, count: count) }
        guard count > 0 else { return }
        for pattern in always {
            possible[pattern >> 6] |= 1 << UInt64(pattern & 63)
            ends[pattern] = Int.max
        }
        let kelvin = Int(classes[Int(UInt8(ascii: "k"))]), longS = Int(classes[Int(UInt8(ascii: "s"))])
        let width = self.width
        // seen[g]: the byte after the last literal of group g in the range (0: none); seen[0]
        // takes the bytes that end no literal.
        var seen = seenTemplate
        classes.withUnsafeBufferPointer { classes in
        delta.withUnsafeBufferPointer { delta in
        stateGroup.withUnsafeBufferPointer { stateGroup in
        seen.withUnsafeMutableBufferPointer { seen in
            var state = 0
            var index = range.lowerBound
            let end = range.upperBound
            while index < end {
                let byte = bytes[index]
                var c = Int(classes[Int(byte)])
                // Caseless UTF matching equates U+212A KELVIN SIGN with k and U+017F LONG S with s.
                if byte >= 0xC5 {
                    if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x84, bytes[index + 2] == 0xAA {
                        c = kelvin
                        index += 2
                    } else if byte == 0xC5, index + 1 < end, bytes[index + 1] == 0xBF {
                        c = longS
                        index += 1
                    }
                }
                state = Int(delta[state &* width &+ c])
                index += 1
                seen[Int(stateGroup[state])] = index
            }
        }
        }
        }
        }
        for group in 1..<seen.count where seen[group] != 0 {
            let last = seen[group]
            for output in Int(groupStart[group - 1])..<Int(groupStart[group]) {
                let pattern = Int(outputs[output])
                let bit: UInt64 = 1 << UInt64(pattern & 63)
                if possible[pattern >> 6] & bit == 0 {
                    possible[pattern >> 6] |= bit
                    ends[pattern] = last
                } else if ends[pattern] < last {
                    ends[pattern] = last
                }
            }
        }
    }
}
