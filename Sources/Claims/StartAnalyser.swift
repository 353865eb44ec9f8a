import Foundation
import PCRE2

/// Finds the characters a rule pattern can start with, so the JIT can skip every other
/// position (`Regex(startClass:)`). PCRE2 cannot see into a subroutine call, and most patterns
/// start with `(?&qualifier_before)` or `(?&number)`, so each call is replaced by a stand-in
/// that starts with at least the characters the fragment can start with: a one-character class,
/// optional when the fragment can match empty (`(?&not_expected)`, all lookbehinds), or
/// `(?s:.)?` when the start is unknown, which gives up on it. Only PCRE2's own analysis of that stand-in pattern is read; the rule itself still
/// runs as written.
final class StartAnalyser: @unchecked Sendable {
    /// Stand-ins by the fragment body they were computed from (after its own calls were replaced).
    /// Rule files compile in parallel with one analyser, so the cache is locked; two threads may
    /// at worst analyse one fragment twice.
    private var standIns: [String: String] = [:]
    private let lock = NSLock()
    static let unknown = "(?s:.)?"
    /// What earlier loads compiled and analysed (`RuleLoader.cache`). The analyser is the one
    /// object every compile of a load shares, so it carries the cache to them.
    let cache: CompileCache?

    init(cache: CompileCache? = nil) { self.cache = cache }

    /// The start class of `pattern` calling into `fragments`, or nil when none is known.
    /// `context`: the cache's context of `fragments` (`context(of:)`), to find the class there.
    func startClass(of pattern: String, _ fragments: [(name: String, pattern: String)], in context: CompileCache.Context? = nil) -> String? {
        func analyse() -> String? {
            let byName = Dictionary(fragments.map { ($0.name, $0.pattern) }, uniquingKeysWith: { _, last in last })
            var visiting: Set<String> = []
            return Regex.startClass(of: "(?:" + replacingCalls(pattern, byName, &visiting) + "\n)",
                                    options: RuleCompiler.patternOptions)
        }
        guard let cache, let context else { return analyse() }
        return cache.strings("start class", of: pattern, in: context) { analyse().map { [$0] } }?.first
    }

    /// The cache's context of `fragments`, all of them in order, each length-prefixed so no
    /// two lists read as one text; nil without a cache.
    func context(of fragments: [(name: String, pattern: String)]) -> CompileCache.Context? {
        cache?.context(fragments.map { "\($0.name.utf8.count):\($0.name)\($0.pattern.utf8.count):\($0.pattern)" }.joined())
    }

    private func standIn(_ name: String, _ byName: [String: String], _ visiting: inout Set<String>) -> String {
        guard let body = byName[name], !visiting.contains(name) else { return StartAnalyser.unknown }
        visiting.insert(name)
        defer { visiting.remove(name) }
        // A \x01 after the body shows in the start class exactly when the body can match
        // empty (or starts with \x01): the stand-in is then optional.
        let analysed = "(?:" + replacingCalls(body, byName, &visiting) + "\n)\\x{1}"
        if let known = cached(analysed) { return known }
        var result = StartAnalyser.unknown
        if let found = Regex.startClass(of: analysed, options: RuleCompiler.patternOptions) {
            result = found.contains(#"\x{1}\"#) || found.contains(#"\x{1}]"#) ? found + "?" : found
        }
        lock.lock()
        standIns[analysed] = result
        lock.unlock()
        return result
    }

    private func cached(_ analysed: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return standIns[analysed]
    }

    /// `(?&name)` calls replaced by stand-ins; a call to no known fragment stays (the analysis
    /// then fails to compile and gives no class).
    private func replacingCalls(_ pattern: String, _ byName: [String: String], _ visiting: inout Set<String>) -> String {
        var seen = visiting
        let result = Fragments.replacingCalls(in: pattern) { name in
            byName[name] == nil ? nil : standIn(name, byName, &seen)
        }
        visiting = seen
        return result
    }
}
