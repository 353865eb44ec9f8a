import Claims
import Dispatch
import Evaluation
import Foundation
import PCRE2

// Throughput benchmark: extraction over a corpus, beside a plain PCRE2 scan of the same
// bytes, with peak memory, then the figures of `claimcheck eval` on the labelled dev set.
// Prints figures; asserts nothing (machines are noisy).
//
//   swift run -c release claimcheck-bench [CORPUS_DIR] [--rules DIR] [--per-rule] [--repeat N] [--newsdev DIR]
//   swift run -c release claimcheck-bench --load-only [--rules DIR] [--repeat N]
//   swift run -c release claimcheck-bench --dump-patterns [--rules DIR]
//   swift run -c release claimcheck-bench --jit-profile [--rules DIR]
//   swift run -c release claimcheck-bench --verify-literals [CORPUS_DIR] [--rules DIR]
//   swift run -c release claimcheck-bench --match-profile [CORPUS_DIR] [--rules DIR]
//
// Scripts/bench runs the whole comparison (naive C scan, extract, check, eval) through the CLI.

var arguments = Array(CommandLine.arguments.dropFirst())
func take(_ flag: String) -> String? {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...index + 1)
    return value
}
func flag(_ name: String) -> Bool {
    guard let index = arguments.firstIndex(of: name) else { return false }
    arguments.remove(at: index)
    return true
}
let rulesDir = take("--rules") ?? "Rules"
let repeatCount = max(1, Int(take("--repeat") ?? "3") ?? 3)
let perRule = flag("--per-rule")
let newsdevOption = take("--newsdev")
let newsdev = newsdevOption ?? "../shared/newsdev"
let loadOnly = flag("--load-only")
let dumpPatterns = flag("--dump-patterns")
let jitProfile = flag("--jit-profile")
let verifyLiterals = flag("--verify-literals")
let matchProfile = flag("--match-profile")
let corpus = arguments.first ?? "../shared/corpus/news"

/// Every compiled pattern with what it is and its rule id, each once, in rule order.
func patterns(of loaded: RuleSet) -> [(what: String, id: String, regex: Regex)] {
    var result: [(what: String, id: String, regex: Regex)] = []
    var seen: Set<ObjectIdentifier> = []
    func add(_ what: String, _ id: String, _ regex: Regex) {
        if seen.insert(ObjectIdentifier(regex)).inserted { result.append((what, id, regex)) }
    }
    for rule in loaded.claimRules {
        add("claim", rule.id, rule.regex)
        rule.prefilters.forEach { add("prefilter", rule.id, $0) }
        rule.requires.map { add("requires", rule.id, $0) }
        rule.excludes.map { add("excludes", rule.id, $0) }
    }
    for rule in loaded.contextRules {
        add("context", rule.id, rule.regex)
        rule.prefilters.forEach { add("prefilter", rule.id, $0) }
    }
    add("trigger", "-", loaded.trigger)
    for regex in loaded.matchedPatterns { add("lexicon", "-", regex) }
    return result
}

// `--jit-profile`: how long the JIT takes for each pattern, one thread, costliest first:
// where the load+JIT time goes.
if jitProfile {
    let (loaded, _) = RuleLoader(directories: [rulesDir]).load()
    var timed: [(ms: Double, what: String, id: String, bytes: Int)] = []
    for (what, id, regex) in patterns(of: loaded) {
        let start = DispatchTime.now().uptimeNanoseconds
        regex.compileJIT()
        timed.append((Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, what, id, regex.pattern.utf8.count))
    }
    print(String(format: "JIT of %d patterns: %.1f ms on one thread", timed.count, timed.map(\.ms).reduce(0, +)))
    for entry in timed.sorted(by: { $0.ms > $1.ms }).prefix(25) {
        print(String(format: "%7.2f ms  %6d bytes  ", entry.ms, entry.bytes) + entry.what + " " + entry.id)
    }
    exit(0)
}

// `--verify-literals`: the literal gate may only skip a pattern where it cannot match, and no
// match may start after the pattern's last literal (its offset limit). Every pattern with
// literals runs on every line of the corpus that the gate would have kept it from, and from
// just past its limit on every other line; any match there is a bug in `LiteralAnalyser`
// (printed; exit 1).
if verifyLiterals {
    let (loaded, _) = RuleLoader(directories: [rulesDir]).load()
    let gated = patterns(of: loaded).filter { $0.regex.bound != nil }
    let gate = LiteralGate(literals: gated.map { $0.regex.bound! })
    let matchers = gated.map { Matcher($0.regex) }
    let files = (try? FileManager.default.subpathsOfDirectory(atPath: corpus))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
    var (lines, skipped, wrong) = (0, 0, 0)
    var possible: [UInt64] = []
    var ends: [Int] = []
    for file in files {
        guard let data = FileManager.default.contents(atPath: corpus + "/" + file) else { continue }
        let bytes = [UInt8](data)
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != 0x0A { end += 1 }
                lines += 1
                gate.scan(buffer, start..<end, into: &possible, ends: &ends)
                let line = UnsafeBufferPointer(rebasing: buffer[0..<end])
                for (index, matcher) in matchers.enumerated() {
                    let allowed = LiteralGate.allows(index, possible)
                    guard let from = allowed ? LiteralGate.limit(index, ends).map({ $0 + 1 }) : start else { continue }
                    skipped += 1
                    if let match = try? matcher.firstMatch(in: line, from: from) {
                        wrong += 1
                        let quote = String(decoding: buffer[match.range], as: UTF8.self)
                        print("\(file): \(gated[index].what) \(gated[index].id) matches \"\(quote)\" "
                              + (allowed ? "after the last of its literals" : "without any of its literals"))
                    }
                }
                start = end + 1
            }
        }
    }
    print("\(gated.count) patterns with literals; \(lines) lines; \(skipped) skips and limits checked; \(wrong) wrong")
    exit(wrong == 0 ? 0 : 1)
}

// `--dump-patterns`: each compiled pattern (rules, sentence tests, the trigger) as
// "what id<TAB>start class or -<TAB>literals or -<TAB>start filter or -<TAB>pattern", records separated by NUL: which patterns the JIT
// must try at every byte (no start class) and why.
if dumpPatterns {
    let (loaded, _) = RuleLoader(directories: [rulesDir]).load()
    let records = patterns(of: loaded).map {
        $0.what + " " + $0.id + "\t" + ($0.regex.startClass ?? "-") + "\t" + ($0.regex.bound?.joined(separator: "|") ?? "-")
            + "\t" + ($0.regex.starts.map { String(format: "%.3f ", $0.letterShare) + $0.summary } ?? "-") + "\t" + $0.regex.pattern
    }
    FileHandle.standardOutput.write(Data(records.joined(separator: "\u{0}").utf8))
    exit(0)
}

// `--load-only`: how long reading, validating and compiling the rules takes, in-process
// (no process start-up), median of --repeat runs; then the same with every pattern also
// JIT-compiled (rule patterns are JIT-compiled once a matcher has used them a while, so a run
// pays that part only for the rules it uses often: a whole archive uses them all).
if loadOnly {
    // Cold: everything compiled and analysed afresh. Warm: from a rule cache an earlier load
    // wrote (a private temporary directory here, `~/.cache/claimcheck` for the CLI).
    let cacheDirectory = NSTemporaryDirectory() + "claimcheck-bench-cache-\(getpid())"
    var figures: [(String, [Double])] = []
    for cache in [nil, RuleCache(directory: cacheDirectory)] {
        if let cache { _ = RuleLoader(directories: [rulesDir], cache: cache).load() }
        var times: [Double] = []
        var withJIT: [Double] = []
        for _ in 0..<repeatCount {
            let start = DispatchTime.now().uptimeNanoseconds
            let (loaded, problems) = RuleLoader(directories: [rulesDir], cache: cache).load()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            RuleLoader.compileJIT(loaded)
            withJIT.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            if problems.contains(where: { $0.severity == .error }) || loaded.claimRules.isEmpty {
                FileHandle.standardError.write(Data("claimcheck-bench: the rules in \(rulesDir) do not load\n".utf8))
                exit(2)
            }
        }
        let label = cache == nil ? "" : ", rule cache warm"
        figures += [("rule load" + label, times), ("rule load+JIT of every pattern" + label, withJIT)]
    }
    try? FileManager.default.removeItem(atPath: cacheDirectory)
    for (what, figures) in figures {
        let sorted = figures.sorted()
        print(what + String(format: ": %.1f ms (median of %d; min %.1f, max %.1f)",
                            sorted[sorted.count / 2], sorted.count, sorted.first!, sorted.last!))
    }
    exit(0)
}

// A dev set named on the command line must exist; the default one is optional.
if newsdevOption != nil, !FileManager.default.fileExists(atPath: newsdev + "/labels.jsonl") {
    FileHandle.standardError.write(Data("claimcheck-bench: no labels.jsonl in \(newsdev)\n".utf8))
    exit(2)
}

guard FileManager.default.fileExists(atPath: corpus) else {
    FileHandle.standardError.write(Data("claimcheck-bench: corpus not found at \(corpus) (pass a directory of .txt files)\n".utf8))
    exit(2)
}
let (rules, diagnostics) = RuleLoader(directories: [rulesDir]).load()
if diagnostics.contains(where: { $0.severity == .error }) {
    diagnostics.forEach { FileHandle.standardError.write(Data(($0.description + "\n").utf8)) }
    exit(2)
}
let (paths, _) = InputCollector().paths(for: [corpus])
let documents = paths.compactMap { path -> Document? in
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return Document(path: path, bytes: [UInt8](data))
}
let totalBytes = documents.reduce(0) { $0 + $1.bytes.count }
let megabytes = Double(totalBytes) / 1_000_000

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
func best(_ body: () -> Void) -> Double { (0..<repeatCount).map { _ in seconds(body) }.min() ?? 0 }
func line(_ name: String, _ time: Double, _ extra: String = "") {
    let rate = megabytes / max(time, 1e-9)
    print(name.padding(toLength: 34, withPad: " ", startingAt: 0)
          + String(format: "%8.3f s %9.1f MB/s", time, rate) + (extra.isEmpty ? "" : "  " + extra))
}

print("corpus: \(documents.count) files, \(String(format: "%.1f", megabytes)) MB; rules: \(rules.claimRules.count) claim + \(rules.contextRules.count) context; best of \(repeatCount)")

// Baseline: one JIT-compiled pattern that visits every number, no claims built.
let baseline = try Regex(#"\d+(?:[.,]\d+)*"#)
let baselineMatcher = Matcher(baseline)
var baselineHits = 0
line("plain PCRE2 scan (\\d+)", best {
    baselineHits = 0
    for document in documents {
        document.bytes.withUnsafeBufferPointer { buffer in
            try? baselineMatcher.forEachMatch(in: buffer) { _ in baselineHits += 1 }
        }
    }
}, "\(baselineHits) numbers")

let extractor = Extractor(rules: rules)

// `--match-profile`: one extraction of the corpus on one thread, with the time, calls, matches
// and bytes tried of each pattern, costliest first: where the matching time goes.
if matchProfile {
    Matcher.profiling = true
    let total = seconds { for document in documents { _ = extractor.extract(document) } }
    Matcher.profiling = false
    let profiled = patterns(of: rules).filter { $0.regex.profile.calls > 0 }
    let matching = Double(profiled.map(\.regex.profile.nanoseconds).reduce(0, +)) / 1e9
    print(String(format: "extract, 1 thread: %.3f s, of which pcre2_match %.3f s (timed calls add overhead)", total, matching))
    print("     ms    calls  matches  MB tried  ns/call  pattern")
    for (what, id, regex) in profiled.sorted(by: { $0.regex.profile.nanoseconds > $1.regex.profile.nanoseconds }).prefix(400) {
        let p = regex.profile
        print(String(format: "%7.1f %8d %8d %9.2f %8.0f  ", Double(p.nanoseconds) / 1e6, p.calls, p.matches,
                     Double(p.bytes) / 1e6, Double(p.nanoseconds) / Double(p.calls)) + what + " " + id)
    }
    exit(0)
}
var claimCount = 0
line("extract, 1 thread", best {
    claimCount = 0
    for document in documents { claimCount += extractor.extract(document).claims.count }
}, "\(claimCount) claims")

let workers = ProcessInfo.processInfo.activeProcessorCount
line("extract pipeline, \(workers) threads", best {
    _ = ExtractionPipeline(rules: rules, workers: workers).run(paths: paths)
}, "(includes reading files)")

if perRule {
    print("\nper rule (one pass each, whole corpus):")
    var timings: [(String, Double)] = []
    for rule in rules.claimRules.map({ ($0.id, $0.regex) }) + rules.contextRules.map({ ($0.id, $0.regex) }) {
        let matcher = Matcher(rule.1)
        let time = seconds {
            for document in documents {
                document.bytes.withUnsafeBufferPointer { buffer in try? matcher.forEachMatch(in: buffer) { _ in } }
            }
        }
        timings.append((rule.0, time))
    }
    for (id, time) in timings.sorted(by: { $0.1 > $1.1 }) { line("  " + id, time) }
}

// The dev set: the same run as `claimcheck eval LABELS --cross CROSS`, timed once (it reads,
// extracts and checks every passage, so best-of-N would mostly measure the page cache).
let labelsPath = newsdev + "/labels.jsonl"
if FileManager.default.fileExists(atPath: labelsPath) {
    let crossPath = newsdev + "/cross.jsonl"
    let crossFile = FileManager.default.fileExists(atPath: crossPath) ? crossPath : nil
    var report = EvalReport()
    var problems: [Diagnostic] = []
    let evalTime = seconds {
        (report, problems) = Evaluation(rules: rules, workers: workers).run(labels: labelsPath, cross: crossFile)
    }
    func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
    let all = report.claims.overall
    let c = report.conflicts
    print("\ndev set \(newsdev): \(all.labelled) labelled claims; eval " + String(format: "%.3f s", evalTime)
          + (crossFile == nil ? " (no cross.jsonl)" : ""))
    print("  found \(percent(all.foundRate))  kind right \(percent(all.kindRightRate))  values right \(percent(all.valuesRightRate))"
          + "  precision \(percent(all.precision)) of \(all.produced)  sourced \(percent(all.sourcedAgreesRate))")
    print("  conflicts caught \(c.caught) of \(c.labelled); cross-article \(c.crossCaught) of \(c.crossLabelled); "
          + "false alarms \(c.falseAlarms) of \(c.produced) findings")
    // Labels problems leave some claims unscored, so the figures above would mislead silently.
    let errors = problems.filter { $0.severity == .error }
    if !errors.isEmpty {
        print("  \(errors.count) labels/article errors (figures exclude them); first: \(errors[0].description)")
    }
} else {
    print("\ndev set: skipped (no \(labelsPath); pass --newsdev DIR)")
}

var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print(String(format: "peak memory (max RSS): %.1f MB", Double(usage.ru_maxrss) / 1024))
