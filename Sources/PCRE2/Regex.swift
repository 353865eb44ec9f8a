import CPCRE2
import Foundation

/// A compiled, JIT-compiled PCRE2 pattern over UTF-8 bytes. Immutable and shareable;
/// matching needs a `Matcher`, which owns the per-thread match data.
public final class Regex: @unchecked Sendable {
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let caseless = Options(rawValue: PCRE2_CASELESS)
        public static let dupnames = Options(rawValue: PCRE2_DUPNAMES)
        public static let multiline = Options(rawValue: PCRE2_MULTILINE)
        public static let extended = Options(rawValue: PCRE2_EXTENDED)
        /// UTF mode that tolerates invalid UTF-8 in subjects instead of failing.
        public static let utf = Options(rawValue: PCRE2_UTF | PCRE2_MATCH_INVALID_UTF)
        /// Lets a matcher bound where a match may start (`Matcher.firstMatch(limit:)`).
        public static let offsetLimit = Options(rawValue: PCRE2_USE_OFFSET_LIMIT)
    }

    /// Resource limits applied to every match, so a pathological pattern fails fast
    /// with `PCRE2Error.isResourceLimit` instead of hanging the tool.
    public struct Limits: Sendable {
        public var match: UInt32
        public var depth: UInt32
        public init(match: UInt32 = 5_000_000, depth: UInt32 = 100_000) {
            self.match = match
            self.depth = depth
        }
    }

    public let pattern: String
    public let options: Options
    public let limits: Limits
    /// Compiled with `.offsetLimit`: a matcher may bound where its matches start.
    public let takesOffsetLimit: Bool
    let code: OpaquePointer
    /// Group numbers for each name; several with `.dupnames`.
    public let groupNumbers: [String: [Int]]
    public let captureCount: Int
    /// Whether the JIT compiled the pattern; compiling happens at most once, under `jitLock`,
    /// at `init(jit: true)`, `compileJIT()` or a matcher's first match.
    public var isJITCompiled: Bool {
        jitLock.lock()
        defer { jitLock.unlock() }
        return jitState == .compiled
    }
    private enum JITState { case pending, compiled, unavailable, never }
    private var jitState: JITState
    /// Made with `jit: nil`: matchers interpret it for a while before JIT-compiling it.
    public let isJITDeferred: Bool
    private let jitLock = NSLock()
    /// The lookahead put before the pattern from `startAnalysis`, if any.
    public let startClass: String?
    /// Literals one of which every match contains, selective or not (`LiteralAnalyser.requirement`),
    /// if known: a text with none of them cannot match, so the pattern need not run on it, and no
    /// match starts after the last of them (an offset limit; `LiteralGate`).
    public let bound: [String]?
    /// Where a match can start (`LiteralAnalyser.startFilter(of:)`), for a regex that takes an
    /// offset limit: a matcher then tries only those positions (`Matcher.firstMatch`).
    public let starts: StartFilter?
    /// What matchers spent on this regex while `Matcher.profiling` was set: the one thing
    /// about a regex that changes, and only in a one-thread profiling run.
    public struct Profile {
        public var calls = 0, matches = 0, bytes = 0
        public var nanoseconds: UInt64 = 0
    }
    public internal(set) var profile = Profile()

    /// `jit: false` for patterns that are only checked, never matched; `jit: nil` to JIT-compile
    /// once a matcher has used it a while (`Matcher.interpretedMatches`), so a pattern a run
    /// reaches rarely or never costs no JIT time. `startClass` (from
    /// `Regex.startClass(of:)` on a form of the pattern PCRE2 can see the start of) goes in a
    /// lookahead before the pattern: it matches exactly as before, but the JIT then skips the
    /// positions where no match can start.
    /// `cache`: compiled code from an earlier load of the same pattern, and where this one is kept.
    public init(_ pattern: String, options: Options = [.utf], limits: Limits = Limits(), jit: Bool? = true,
                startClass hint: String? = nil, bound: [String]? = nil, starts: StartFilter? = nil,
                cache: CompileCache? = nil) throws {
        self.pattern = pattern
        self.options = options
        self.limits = limits
        self.bound = bound
        takesOffsetLimit = options.contains(.offsetLimit)
        self.starts = takesOffsetLimit ? starts : nil
        // In extended mode the newline ends a trailing "# comment".
        let close = options.contains(.extended) ? "\n)" : ")"
        if let hint, let hinted = try? Regex.compile("(?=" + hint + ")(?:" + pattern + close, options, cache) {
            code = hinted
            startClass = hint
        } else {
            code = try Regex.compile(pattern, options, cache)
            startClass = nil
        }
        jitState = jit == false ? .never : .pending
        isJITDeferred = jit == nil

        var count: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
        groupNumbers = Regex.readNameTable(code)
        if jit == true { compileJIT() }
    }

    /// JIT-compiles the pattern unless done or not wanted; returns whether it is JIT-compiled.
    /// Thread-safe: matchers of several threads call it before their first match, and none
    /// matches until it has returned.
    @discardableResult
    public func compileJIT() -> Bool {
        jitLock.lock()
        defer { jitLock.unlock() }
        if jitState == .pending {
            // JIT is an optimisation: if it is unavailable the interpreter still works.
            jitState = pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE) == 0 ? .compiled : .unavailable
        }
        return jitState == .compiled
    }

    /// The characters any match of `pattern` starts with, as a character class, when PCRE2's
    /// own analysis knows them (see `StartClass`); nil otherwise or when it does not compile.
    public static func startClass(of pattern: String, options: Options) -> String? {
        guard let code = try? compile(pattern, options, nil) else { return nil }
        defer { pcre2_code_free_8(code) }
        return StartClass.of(code)
    }

    private static func compile(_ pattern: String, _ options: Options, _ cache: CompileCache?) throws -> OpaquePointer {
        // What the cache finds the code by: the options and the whole pattern.
        let input = cache.map { _ in "\(options.rawValue)\u{0}" + pattern }
        if let cache, let input, let code = cache.code(input) { return code }
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let bytes = Array(pattern.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options.rawValue, &errorCode, &errorOffset, nil)
        }
        guard let compiled else { throw PCRE2Error(code: errorCode, offset: errorOffset) }
        if let cache, let input { cache.store(compiled, input) }
        return compiled
    }

    deinit { pcre2_code_free_8(code) }

    private static func readNameTable(_ code: OpaquePointer) -> [String: [Int]] {
        var nameCount: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>? = nil
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &nameCount)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table, nameCount > 0 else { return [:] }
        var result: [String: [Int]] = [:]
        for index in 0..<Int(nameCount) {
            let entry = table + index * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            var length = 0
            while length < Int(entrySize) - 2, entry[2 + length] != 0 { length += 1 }
            let name = String(decoding: UnsafeBufferPointer(start: entry + 2, count: length), as: UTF8.self)
            result[name, default: []].append(number)
        }
        return result
    }

    /// Convenience: does the pattern match anywhere in `text`?
    public func matches(_ text: String) throws -> Bool {
        let matcher = Matcher(self)
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { buffer in
            try matcher.firstMatch(in: UnsafeBufferPointer(buffer), from: 0) != nil
        }
    }
}
