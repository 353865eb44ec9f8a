import Foundation
import PCRE2

/// One `Regex` per distinct pattern of a load: a file's prefilter shared by its rules and a
/// `requires: '(?&electoral)'` written in many rules each compile (or decode from the cache)
/// and JIT-compile once. Rule files compile in parallel, so the table is locked; two threads
/// may at worst compile one pattern twice, and the first kept wins.
final class RegexPool: @unchecked Sendable {
    /// The arguments as bytes, hashed in one piece: hashing a `String` normalises it to NFC,
    /// and an `[UInt8]` hashes byte by byte, each of which cost more than the lookups saved.
    private struct Key: Hashable {
        let bytes: [UInt8]
        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }
    private var regexes: [Key: Regex] = [:]
    private let lock = NSLock()

    /// The pool's regex for these arguments, compiled with `RuleCompiler.patternOptions` and
    /// `jit: nil` on first request. Throws what `Regex.init` throws.
    func regex(_ pattern: String, startClass: String?, bound: [String]?, starts: StartFilter?, cache: CompileCache?) throws -> Regex {
        // Each part length-prefixed (-1: none), so no two argument lists read as one key.
        var key: [UInt8] = []
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
