import CPCRE2
import Dispatch

/// The captured byte ranges of one match. Valid until the matcher matches again.
public struct Match {
    /// Range of the whole match (group 0).
    public let range: Range<Int>
    fileprivate let ovector: UnsafeMutablePointer<Int>
    fileprivate let pairs: Int
    /// Owns the match data the ovector points into.
    fileprivate let matcher: Matcher

    /// Byte range of capture group `number`, or nil if it did not take part.
    public func range(ofGroup number: Int) -> Range<Int>? {
        guard number >= 0, number < pairs else { return nil }
        let start = ovector[2 * number]
        let end = ovector[2 * number + 1]
        let unset = Int(truncatingIfNeeded: cc_pcre2_unset())
        guard start != unset, end != unset, start <= end else { return nil }
        return start..<end
    }

    /// Byte range of the named group; with duplicate names, the first one that is set.
    public func range(ofGroup name: String) -> Range<Int>? {
        guard let numbers = matcher.regex.groupNumbers[name] else { return nil }
        for number in numbers {
            if let found = range(ofGroup: number) { return found }
        }
        return nil
    }
}

/// Runs one regex repeatedly, reusing its match data and JIT stack. Not thread-safe:
/// give each thread its own matcher.
public final class Matcher {
    public let regex: Regex
    private let matchData: OpaquePointer
    private let context: OpaquePointer
    private var jitStack: OpaquePointer?
    /// A regex left to compile on first use (`Regex(jit: nil)`) is interpreted for this many
    /// matches of a matcher, then JIT-compiled: a short run reaches most patterns only a few
    /// times. Measured: 8 took a check of one article from 70 to 50 ms and left a corpus run's
    /// CPU within noise; 32 cost the corpus run 3% (the interpreter is that much slower).
    public static let interpretedMatches = 8
    /// Whether the regex is JIT-compiled for this matcher (or cannot be); until then
    /// `pcre2_match` is told not to use the JIT, which another thread may have compiled for
    /// its own matcher, because this one's JIT stack is not set up.
    private var prepared = false
    private var interpreted = 0
    /// The offset limit set in `context` (nil: none).
    private var limit: Int?
    /// Set on one thread before matching to count calls, time and bytes tried per regex
    /// (`Regex.profile`): `claimcheck-bench --match-profile`. Not for threaded runs.
    nonisolated(unsafe) public static var profiling = false

    public init(_ regex: Regex) {
        self.regex = regex
        matchData = pcre2_match_data_create_from_pattern_8(regex.code, nil)
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, regex.limits.match)
        pcre2_set_depth_limit_8(context, regex.limits.depth)
    }

    private func prepare() {
        prepared = true
        guard regex.compileJIT() else { return }
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
        pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack))
    }

    deinit {
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        pcre2_match_context_free_8(context)
        pcre2_match_data_free_8(matchData)
    }

    /// The first match at or after byte `start` within `subject`, starting at or before byte
    /// `limit` when given (and the regex takes an offset limit; otherwise it is ignored).
    public func firstMatch(in subject: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int? = nil) throws -> Match? {
        // A search counts once towards the JIT, however many positions a filter has it try:
        // counted per position, a short run JIT-compiled most patterns after a sentence or two.
        if !prepared {
            interpreted += 1
            if interpreted > Matcher.interpretedMatches || !regex.isJITDeferred { prepare() }
        }
        guard let starts = regex.starts else { return try match(in: subject, from: start, limit: limit) }
        // Only the positions the filter allows, each alone (an offset limit at the position
        // itself): the match an unanchored search finds, since it tries each position in turn,
        // but the JIT does not run where the pattern's first bytes cannot match.
        var position = max(start, 0)
        // A negative limit is 0, as for PCRE2 below.
        let last = min(max(limit ?? subject.count - 1, 0), subject.count - 1)
        while let candidate = starts.next(in: subject, from: position, through: last) {
            if let found = try match(in: subject, from: candidate, limit: candidate) { return found }
            position = candidate + 1
        }
        return nil
    }

    private func match(in subject: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int?) throws -> Match? {
        if regex.takesOffsetLimit, limit != self.limit {
            self.limit = limit
            pcre2_set_offset_limit_8(context, limit.map { $0 < 0 ? 0 : $0 } ?? cc_pcre2_unset())
        }
        let base = subject.baseAddress ?? UnsafePointer(bitPattern: 1)!
        let began = Matcher.profiling ? DispatchTime.now().uptimeNanoseconds : 0
        let rc = pcre2_match_8(regex.code, base, subject.count, start, prepared ? 0 : PCRE2_NO_JIT, matchData, context)
        if Matcher.profiling { profile(rc, began: began, from: start, to: rc >= 0 ? nil : min(subject.count, (limit ?? subject.count) + 1)) }
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc < 0 { throw PCRE2Error(code: rc) }
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        let pairs = Int(pcre2_get_ovector_count_8(matchData))
        let raw = UnsafeMutableRawPointer(ovector).assumingMemoryBound(to: Int.self)
        return Match(range: raw[0]..<raw[1], ovector: raw, pairs: pairs, matcher: self)
    }

    /// Adds one call to `regex.profile`: its time, and the bytes tried from `start` to the
    /// match's start or, without a match, to `end`.
    private func profile(_ rc: Int32, began: UInt64, from start: Int, to end: Int?) {
        regex.profile.nanoseconds += DispatchTime.now().uptimeNanoseconds - began
        regex.profile.calls += 1
        let reached = end ?? UnsafeMutableRawPointer(pcre2_get_ovector_pointer_8(matchData)!).assumingMemoryBound(to: Int.self)[0]
        regex.profile.bytes += reached - start
        if rc >= 0 { regex.profile.matches += 1 }
    }

    /// Calls `body` for every non-overlapping match, left to right (each starting at or
    /// before `limit`, when given).
    public func forEachMatch(in subject: UnsafeBufferPointer<UInt8>, from start: Int = 0, limit: Int? = nil,
                             _ body: (Match) throws -> Void) throws {
        var position = start
        let limit = regex.takesOffsetLimit ? limit : nil
        while position <= subject.count, position <= limit ?? position,
              let match = try firstMatch(in: subject, from: position, limit: limit) {
            try body(match)
            if match.range.isEmpty {
                // Step over one whole UTF-8 character so an empty match cannot loop.
                position = match.range.upperBound + 1
                while position < subject.count, subject[position] & 0xC0 == 0x80 { position += 1 }
            } else {
                position = match.range.upperBound
            }
        }
    }

    /// The ranges of every match `forEachMatch` finds.
    public func matches(in subject: UnsafeBufferPointer<UInt8>) throws -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        try forEachMatch(in: subject) { ranges.append($0.range) }
        return ranges
    }
}
