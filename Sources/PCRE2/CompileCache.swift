import CPCRE2
import Foundation

/// What compiling rule patterns gave, by what went in: PCRE2's compiled code (serialised with
/// `pcre2_serialize_encode`), start classes and literal bounds. Loading the shipped rules is
/// mostly `pcre2_compile` and these analyses, so a load that finds them here skips that work;
/// each entry is found by its whole input, so editing one rule recompiles only what the edit
/// touched. JIT code cannot be serialised: it is still made once a pattern is in use.
///
/// Entries are indexed by a hash but kept with their whole input, which a lookup compares: a
/// rule set crafted so its hashes collide with another's (a pull request's rules on a shared CI
/// runner) gets a miss, never the other set's code. Thread-safe (rule files compile in
/// parallel). Entries a load did not use are dropped when it is written (`serialized()`), so
/// the cache holds one load's worth.
public final class CompileCache: @unchecked Sendable {
    /// A seeded hash of the input, and its length: an index, not an identity (a lookup
    /// compares the whole input, so one hash is enough).
    public struct Key: Hashable, Sendable {
        let hash: UInt64
        let length: Int

        /// `salt` separates what the same text means in different uses.
        public init(_ text: String, salt: Key? = nil) {
            var text = text
            self = text.withUTF8 { Key(UnsafeRawBufferPointer($0), salt: salt) }
        }

        init(_ bytes: UnsafeRawBufferPointer, salt: Key? = nil) {
            (hash, length) = (Hash.of(bytes, seed: salt?.hash ?? 0x243F_6A88_85A3_08D3), bytes.count)
        }

        /// 16 hexadecimal digits, for naming a file.
        public var hex: String {
            let digits = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }

        init(hash: UInt64, length: Int) {
            self.hash = hash
            self.length = length
        }
    }

    /// The fragments a pattern was analysed against, checked whole (`context(_:)`): a start
    /// class or bound depends on them as well as on the pattern.
    public struct Context: Hashable, Sendable {
        let key: Key
    }

    private struct Code {
        var input: [UInt8]
        var bytes: [UInt8]
    }
    private struct List {
        var context: Key
        var input: [UInt8]
        var value: [String]?
    }
    private struct FragmentText {
        var text: [UInt8]
        /// Checked against this load's fragments (then used, and a second text of the same key is refused).
        var confirmed = false
    }

    private var codes: [Key: Code] = [:]
    private var lists: [Key: List] = [:]
    private var contexts: [Key: FragmentText] = [:]
    private var usedCodes: Set<Key> = []
    private var usedLists: Set<Key> = []
    private var missed = false
    private let lock = NSLock()

    public init() {}

    /// Whether writing it back would change it: an entry was missing or went unused.
    public var isStale: Bool {
        lock.lock()
        defer { lock.unlock() }
        return missed || usedCodes.count != codes.count || usedLists.count != lists.count || contexts.values.contains { !$0.confirmed }
    }

    private static func same(_ stored: [UInt8], _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.count == stored.count && stored.withUnsafeBufferPointer { $0.elementsEqual(bytes) }
        }
    }

    /// The compiled code of exactly `input`, decoded afresh (the caller owns and frees it), or nil.
    func code(_ input: String) -> OpaquePointer? {
        let key = Key(input)
        lock.lock()
        let entry = codes[key]
        lock.unlock()
        guard let entry, CompileCache.same(entry.input, input) else { return nil }
        var decoded: OpaquePointer? = nil
        let count = entry.bytes.withUnsafeBufferPointer { buffer in
            withUnsafeMutablePointer(to: &decoded) { pcre2_serialize_decode_8($0, 1, buffer.baseAddress, nil) }
        }
        lock.lock()
        defer { lock.unlock() }
        guard count == 1, let decoded else {
            // Another PCRE2 version or build reads another format: compile afresh.
            codes[key] = nil
            return nil
        }
        usedCodes.insert(key)
        return decoded
    }

    func store(_ code: OpaquePointer, _ input: String) {
        var serialized: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        var list: OpaquePointer? = code
        let count = withUnsafeMutablePointer(to: &list) {
            $0.withMemoryRebound(to: OpaquePointer?.self, capacity: 1) {
                pcre2_serialize_encode_8($0, 1, &serialized, &size, nil)
            }
        }
        guard count == 1, let serialized else { return }
        let bytes = Array(UnsafeBufferPointer(start: serialized, count: size))
        pcre2_serialize_free_8(serialized)
        let key = Key(input)
        lock.lock()
        defer { lock.unlock() }
        codes[key] = Code(input: Array(input.utf8), bytes: bytes)
        usedCodes.insert(key)
        missed = true
    }

    /// The context of `fragments` (all of them, as one text), or nil when this load already
    /// confirmed another text of the same hash (nothing is then cached for this one). An
    /// earlier load's different text of that hash is replaced, with what was found under it.
    public func context(_ fragments: String) -> Context? {
        let key = Key(fragments)
        lock.lock()
        defer { lock.unlock() }
        if let known = contexts[key] {
            if CompileCache.same(known.text, fragments) {
                contexts[key]?.confirmed = true
                return Context(key: key)
            }
            if known.confirmed { return nil }
            lists = lists.filter { $0.value.context != key }
        }
        contexts[key] = FragmentText(text: Array(fragments.utf8), confirmed: true)
        missed = true
        return Context(key: key)
    }

    /// The strings kept for `what` (a start class, a bound) of `text` in `context`, or those
    /// `compute` gives, kept.
    public func strings(_ what: String, of text: String, in context: Context, _ compute: () -> [String]?) -> [String]? {
        let input = what + "\u{0}" + text
        let key = Key(input, salt: context.key)
        lock.lock()
        if let known = lists[key], known.context == context.key, CompileCache.same(known.input, input) {
            usedLists.insert(key)
            lock.unlock()
            return known.value
        }
        lock.unlock()
        let value = compute()
        lock.lock()
        defer { lock.unlock() }
        lists[key] = List(context: context.key, input: Array(input.utf8), value: value)
        usedLists.insert(key)
        missed = true
        return value
    }
}

// MARK: - Serialised form

extension CompileCache {
    /// "CCC" and a format number: a file of another format is ignored, never misread.
    static let magic: [UInt8] = Array("CCC\u{4}".utf8)

    /// The used entries: magic, a checksum of the rest, then the codes, the contexts and the
    /// lists, each count-prefixed, with little-endian integers.
    public func serialized() -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        var body = Writer()
        let kept = codes.filter { usedCodes.contains($0.key) }
        body.integer(kept.count)
        for (key, code) in kept {
            body.key(key)
            body.bytes(code.input)
            body.bytes(code.bytes)
        }
        let confirmed = contexts.filter(\.value.confirmed)
        body.integer(confirmed.count)
        for (key, fragments) in confirmed {
            body.key(key)
            body.bytes(fragments.text)
        }
        let keptLists = lists.filter { usedLists.contains($0.key) && confirmed[$0.value.context] != nil }
        body.integer(keptLists.count)
        for (key, list) in keptLists {
            body.key(key)
            body.key(list.context)
            body.bytes(list.input)
            if let value = list.value {
                body.integer(value.count)
                for text in value { body.bytes(Array(text.utf8)) }
            } else {
                body.integer(-1)
            }
        }
        var out = CompileCache.magic
        var checksum = Writer()
        checksum.word(body.out.withUnsafeBytes { Hash.of($0, seed: 0) })
        out += checksum.out
        out += body.out
        return out
    }

    /// The cache written by `serialized()`, or nil when `bytes` are of another format, cut
    /// short or damaged (the checksum must hold: PCRE2 does not check decoded code).
    public convenience init?(serialized bytes: [UInt8]) {
        let header = CompileCache.magic.count + 8
        guard bytes.count >= header, Array(bytes[..<CompileCache.magic.count]) == CompileCache.magic else { return nil }
        var reader = Reader(bytes: bytes, offset: CompileCache.magic.count)
        guard let checksum = reader.word(),
              checksum == bytes.withUnsafeBytes({ Hash.of(UnsafeRawBufferPointer(rebasing: $0[header...]), seed: 0) })
        else { return nil }
        self.init()
        guard let codeCount = reader.count() else { return nil }
        for _ in 0..<codeCount {
            guard let key = reader.key(), let input = reader.chunk(), let code = reader.chunk() else { return nil }
            codes[key] = Code(input: input, bytes: code)
        }
        guard let contextCount = reader.count() else { return nil }
        for _ in 0..<contextCount {
            guard let key = reader.key(), let text = reader.chunk() else { return nil }
            contexts[key] = FragmentText(text: text)
        }
        guard let listCount = reader.count() else { return nil }
        for _ in 0..<listCount {
            guard let key = reader.key(), let context = reader.key(), let input = reader.chunk(),
                  let count = reader.integer() else { return nil }
            var value: [String]?
            if count >= 0 {
                guard count <= reader.remaining else { return nil }
                var strings: [String] = []
                for _ in 0..<count {
                    guard let text = reader.chunk() else { return nil }
                    strings.append(String(decoding: text, as: UTF8.self))
                }
                value = strings
            }
            lists[key] = List(context: context, input: input, value: value)
        }
        guard reader.remaining == 0 else { return nil }
    }

    private struct Writer {
        var out: [UInt8] = []
        mutating func word(_ value: UInt64) {
            withUnsafeBytes(of: value.littleEndian) { out += $0 }
        }
        mutating func integer(_ value: Int) { word(UInt64(bitPattern: Int64(value))) }
        mutating func key(_ key: Key) {
            word(key.hash)
            integer(key.length)
        }
        mutating func bytes(_ bytes: [UInt8]) {
            integer(bytes.count)
            out += bytes
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset: Int
        var remaining: Int { bytes.count - offset }

        mutating func word() -> UInt64? {
            guard remaining >= 8 else { return nil }
            var value: UInt64 = 0
            for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
            offset += 8
            return value
        }
        mutating func integer() -> Int? { word().map { Int(Int64(bitPattern: $0)) } }
        /// A count of entries each at least one word long, so a damaged count cannot ask for more than there is.
        mutating func count() -> Int? {
            guard let value = integer(), value >= 0, value <= remaining / 8 else { return nil }
            return value
        }
        mutating func key() -> Key? {
            guard let hash = word(), let length = integer() else { return nil }
            return Key(hash: hash, length: length)
        }
        mutating func chunk() -> [UInt8]? {
            guard let count = integer(), count >= 0, count <= remaining else { return nil }
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }
    }
}

/// A seeded 64-bit hash of bytes (multiply-rotate over eight-byte words, then a final mix). Not
/// cryptographic: it tells inputs apart; the cache's trust rests on the directory being the user's own.
enum Hash {
    static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var state = seed ^ (UInt64(bytes.count) &* multiplier)
        var offset = 0
        while offset + 8 <= bytes.count {
            state = step(state, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for index in (offset..<bytes.count).reversed() { tail = tail << 8 | UInt64(bytes[index]) }
            state = step(state, tail)
        }
        return finish(state)
    }

    private static func step(_ state: UInt64, _ word: UInt64) -> UInt64 {
        var mixed = word &* 0x87C3_7B91_1142_53D5
        mixed = (mixed << 31) | (mixed >> 33)
        mixed = mixed &* 0x4CF5_AD43_2745_937F
        let next = state ^ mixed
        return ((next << 27) | (next >> 37)) &* 5 &+ 0x52DC_E729
    }

    private static func finish(_ state: UInt64) -> UInt64 {
        var value = state
        value ^= value >> 33
        value = value &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value = value &* 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }
}
