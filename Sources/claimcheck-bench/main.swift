import Claims
import Dispatch
import Foundation
import PCRE2

// Throughput benchmark: extraction over a corpus, beside a plain PCRE2 scan of the same
// bytes, with peak memory. Prints figures; asserts nothing (machines are noisy).
//
//   swift run -c release claimcheck-bench [CORPUS_DIR] [--rules DIR] [--per-rule] [--repeat N]

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
let corpus = arguments.first ?? "../shared/corpus/news"

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

var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print(String(format: "peak memory (max RSS): %.1f MB", Double(usage.ru_maxrss) / 1024))
