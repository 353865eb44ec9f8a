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
    /// listed without holding every document in memory.
    public func forEachChunk(paths: [String], chunkSize: Int = 256, _ body: ([FileResult]) -> Void) {
        var start = 0
        while start < paths.count {
            let end = min(paths.count, start + chunkSize)
            body(process(Array(paths[start..<end])))
            start = end
        }
    }

    private func process(_ paths: [String]) -> [FileResult] {
        let slots = ResultSlots<FileResult>(count: paths.count)
        let rules = self.rules
        let date = dateOverride
        let workerCount = min(workers, max(1, paths.count))
        let next = Counter()
        let progress = self.progress
        DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
            let extractor = Extractor(rules: rules)
            while let index = next.take(below: paths.count) {
                let result = Self.process(paths[index], extractor: extractor, date: date)
                progress?(result.document?.bytes.count ?? 0)
                slots.set(index, result)
            }
        }
        // Every index is taken by a worker, so every slot is set.
        return slots.values.compactMap { $0 }
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

/// Hands out indices to workers.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
