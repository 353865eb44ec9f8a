import Foundation

// Fuzz targets for claimcheck; CLAIMCHECK_FUZZ_TARGET picks one (libFuzzer owns argv):
//   extract  article bytes → Document → Extractor (the default)
//   rules    bytes as a rule file layered over the shipped rules → RuleLoader → Extractor
//   config   bytes as .claimcheck.yml → Config.load / Config.parse → ignore globs, Checker
//   check    article bytes (documents split at form feeds) → Extractor → Checker → every reporter
//
// Fuzz (libFuzzer; see docs/fuzzing.md, or just run `Scripts/fuzz 60`):
//   swift build -c release --scratch-path .build-fuzz --product claimcheck-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING
//   CLAIMCHECK_FUZZ_TARGET=check .build-fuzz/release/claimcheck-fuzz -max_len=65536 CORPUS_DIR
// Without -DFUZZING it is a replayer: `CLAIMCHECK_FUZZ_TARGET=rules claimcheck-fuzz FILE...`
// runs each file once through the target, so CI can replay seeds and a saved crash can be
// reproduced under the debugger.

/// Inputs are capped like libFuzzer's -max_len, so replaying a big file tests what fuzzing does.
let maxInputLength = 65_536

let targets: [String: ([UInt8]) -> Void] = [
    "extract": fuzzExtract,
    "rules": fuzzRules,
    "config": fuzzConfig,
    "check": fuzzCheck,
]

let selectedTarget: ([UInt8]) -> Void = {
    let name = ProcessInfo.processInfo.environment["CLAIMCHECK_FUZZ_TARGET"] ?? "extract"
    guard let target = targets[name] else {
        FileHandle.standardError.write(Data("claimcheck-fuzz: unknown CLAIMCHECK_FUZZ_TARGET '\(name)'; one of \(targets.keys.sorted().joined(separator: ", "))\n".utf8))
        exit(2)
    }
    return target
}()

func exercise(_ bytes: [UInt8]) {
    selectedTarget(bytes.count > maxInputLength ? Array(bytes.prefix(maxInputLength)) : bytes)
}

/// Fails the run the way libFuzzer notices (a trap), with the reason on stderr.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
             file: StaticString = #fileID, line: UInt = #line) {
    if !condition() {
        FileHandle.standardError.write(Data("claimcheck-fuzz: invariant failed: \(message())\n".utf8))
        fatalError("invariant failed", file: file, line: line)
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    exercise(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: FuzzCallback) -> CInt

// SwiftPM links an executable's entry point under this name; hand control to libFuzzer.
@_cdecl("claimcheck_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    _ = selectedTarget  // reject a bad target name before libFuzzer starts
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOne(data, size) }
}
#else
@main
enum Replay {
    static func main() {
        _ = selectedTarget
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("claimcheck-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            exercise([UInt8](data))
        }
    }
}
#endif
