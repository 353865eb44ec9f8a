import Claims
import Foundation

// Feeds arbitrary bytes through Document and Extractor with the shipped rules.
//
// Fuzz (libFuzzer; see docs/fuzzing.md):
//   swift build --scratch-path .build-fuzz --product claimcheck-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING
//   .build-fuzz/debug/claimcheck-fuzz -max_total_time=60 Fixtures/extract
// Without -DFUZZING it is a replayer: `claimcheck-fuzz FILE...` runs each file once, so a
// crash the fuzzer saved can be reproduced under the debugger.

let fuzzRules: RuleSet = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let (rules, diagnostics) = RuleLoader(directories: [root.appendingPathComponent("Rules").path]).load()
    precondition(!diagnostics.contains { $0.severity == .error }, "the shipped rules must load: \(diagnostics)")
    return rules
}()
let fuzzExtractor = Extractor(rules: fuzzRules)

func exercise(_ bytes: [UInt8]) {
    let document = Document(path: "fuzz", bytes: bytes)
    let (claims, _) = fuzzExtractor.extract(document)
    for claim in claims {
        precondition(claim.start >= 0 && claim.start < claim.end && claim.end <= bytes.count, "claim outside the document")
        _ = claim.value.description
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
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOne(data, size) }
}
#else
@main
enum Replay {
    static func main() {
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
