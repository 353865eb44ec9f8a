import Foundation
import PCRE2

/// One `Regex` per distinct pattern of a load: a file's prefilter shared by its rules and a
/// `requires: '(?&electoral)'` written in many rules each compile (or decode from the cache)
/// and JIT-compile once. Rule files compile in parallel, so the table is locked; two threads
/// may at worst compile one pattern twice, and the first kept wins.
final class RegexPool: @unchecked Sendable {
    /// The arguments as bytes. Hashed by their length and their first and last 64 bytes
    /// (equal keys are then compared whole): hashing a `String` normalises it to NFC, an
    /// `[UInt8]` hashes byte by byte, and even hashing all the bytes at once cost more than the
    /// duplicates saved, for patterns of several kilobytes.
    private struct Key: Hashable {
        let bytes: [UInt8]
        func hash(into hasher: inout Hasher) {
            hasher.combine(bytes.count)
            bytes.withUnsafeBytes { raw in
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw.prefix(64)))
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw.suffix(64)))
            }
        }
    }
    private var regexes: [Key: Regex] = [:]
    private let lock = NSLock()

    /// The pool's regex for these arguments, compiled with `RuleCompiler.patternOptions` and
    /// `jit: nil` on first request. Throws what `Regex.init` throws.
    func regex(_ pattern: String, startClass: String?, bound: [String]?, starts: StartFilter?, cache: CompileCache?) throws -> Regex {
        // Each part length-prefixed (-1: none), so no two argument lists read as one key.
        var key: [UInt8] = []
        key.reserveCapacity(pattern.utf8.count + (startClass?.utf8.count ?? 0) + 64 * ((bound?.count ?? 0) + 3))
        func add(_ text: String?) {
            withUnsafeBytes(of: (text?.utf8.count ?? -1).littleEndian) { key += $0 }
            if let text { key += text.utf8 }
        }
        add(pattern)
        add(startClass)
        withUnsafeBytes(of: (bound?.count ?? -1).littleEndian) { key += $0 }
        bound?.forEach(add)
        key.append(starts == nil ? 0 : 1)
        let found = Key(bytes: key)
        if let known = locked({ regexes[found] }) { return known }
        let made = try Regex(pattern, options: RuleCompiler.patternOptions, jit: nil, startClass: startClass, bound: bound,
                             starts: starts, cache: cache)
        return locked {
            if let first = regexes[found] { return first }
            regexes[found] = made
            return made
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
