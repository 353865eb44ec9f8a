import Foundation

/// Indices handed to worker threads and their results handed back a chunk at a time, in
/// order. Workers may run two chunks ahead of the chunk being consumed and then wait, so
/// memory holds at most three chunks of results whatever the number of files.
final class ChunkWindow<Value>: @unchecked Sendable {
    let chunkSize: Int
    let chunkCount: Int
    private let count: Int
    private var slots: [Value?]
    private var missing: [Int]
    private var next = 0
    /// Workers take indices below this.
    private var limit: Int
    private let condition = NSCondition()

    init(count: Int, chunkSize: Int) {
        self.count = count
        self.chunkSize = chunkSize
        chunkCount = (count + chunkSize - 1) / chunkSize
        slots = Array(repeating: nil, count: count)
        missing = (0..<chunkCount).map { min(chunkSize, count - $0 * chunkSize) }
        limit = min(count, 2 * chunkSize)
    }

    /// The next index to work on, waiting while the window is full; nil when all are taken.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while next < count && next >= limit { condition.wait() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func set(_ index: Int, _ value: Value) {
        condition.lock()
        slots[index] = value
        missing[index / chunkSize] -= 1
        if missing[index / chunkSize] == 0 { condition.broadcast() }
        condition.unlock()
    }

    /// Chunk `chunk`'s results in index order once all are set (every index taken is set), and
    /// room for workers to start the second chunk after it.
    func results(ofChunk chunk: Int) -> [Value] {
        condition.lock()
        defer { condition.unlock() }
        while missing[chunk] > 0 { condition.wait() }
        let range = chunk * chunkSize..<min(count, (chunk + 1) * chunkSize)
        let values = slots[range].compactMap { $0 }
        for index in range { slots[index] = nil }
        limit = min(count, (chunk + 3) * chunkSize)
        condition.broadcast()
        return values
    }
}
