import Dispatch
import Foundation

/// files → Document → Extractor → [Claim], in parallel across files with one extractor per
/// worker, results in input order.
public struct ExtractionPipeline {
    public let rules: RuleSet
    public var dateOverride: String?
    public var workers: Int
    /// Called from the worker threads as each file is done, with its size in bytes.
    public var progress: (@Sendable (Int) -> Void)?

    public init(rules: RuleSet, dateOverride: String? = nil,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.rules = rules
        self.dateOverride = dateOverride
        self.workers = max(1, workers)
    }

    public struct FileResult: Sendable {
        public var path: String
        public var document: Document?
        public var claims: [Claim]
        public var diagnostics: [Diagnostic]
    }

    /// Every file's result, in input order.
    public func run(paths: [String]) -> [FileResult] {
        var all: [FileResult] = []
        forEachChunk(paths: paths, chunkSize: max(1, paths.count)) { all += $0 }
        return all
    }

    /// Streams results in input order, a chunk of files at a time, so a whole archive can be
    /// listed without holding every document in memory. Workers run on while `body` handles a
    /// chunk (at most two chunks ahead), so writing the output does not idle the cores; each
    /// worker keeps one extractor for the whole run.
    public func forEachChunk(paths: [String], chunkSize: Int = 256, _ body: ([FileResult]) -> Void) {
        guard !paths.isEmpty else { return }
        let window = ChunkWindow<FileResult>(count: paths.count, chunkSize: max(1, chunkSize))
        let (rules, date, progress) = (self.rules, dateOverride, self.progress)
        let done = DispatchGroup()
        for _ in 0..<min(workers, paths.count) {
            done.enter()
            let worker = Thread {
                let extractor = Extractor(rules: rules)
                while let index = window.take() {
                    let result = Self.process(paths[index], extractor: extractor, date: date)
                    progress?(result.document?.bytes.count ?? 0)
                    window.set(index, result)
                }
                done.leave()
            }
            // As much stack as the main thread: rules and articles are the user's.
            worker.stackSize = 8 << 20
            worker.start()
        }
        for chunk in 0..<window.chunkCount { body(window.results(ofChunk: chunk)) }
        done.wait()
    }

    static func process(_ path: String, extractor: Extractor, date: String?) -> FileResult {
        switch InputCollector.read(path) {
        case .failure(let diagnostic):
            return FileResult(path: diagnostic.file ?? path, document: nil, claims: [], diagnostics: [diagnostic])
        case .success(let document):
            let (claims, diagnostics) = extractor.extract(document, dateOverride: date)
            return FileResult(path: document.path, document: document, claims: claims, diagnostics: diagnostics)
        }
    }
}
