import Foundation
import XCTest
@testable import Claims

/// Workers fill a window of results that is read back a chunk at a time, in order.
final class ChunkWindowTests: XCTestCase {
    func testChunksComeBackInOrderWhateverTheWorkers() {
        for workers in [1, 2, 5] {
            let window = ChunkWindow<Int>(count: 103, chunkSize: 10)
            XCTAssertEqual(window.chunkCount, 11)
            let done = DispatchGroup()
            for _ in 0..<workers {
                done.enter()
                Thread {
                    while let index = window.take() {
                        // Uneven work, so indices finish out of order.
                        if index % 7 == 0 { usleep(200) }
                        window.set(index, index * 2)
                    }
                    done.leave()
                }.start()
            }
            var seen: [Int] = []
            for chunk in 0..<window.chunkCount {
                let values = window.results(ofChunk: chunk)
                XCTAssertEqual(values.count, chunk == 10 ? 3 : 10)
                seen += values
            }
            done.wait()
            XCTAssertEqual(seen, (0..<103).map { $0 * 2 }, "workers: \(workers)")
        }
    }

    /// Workers stop two chunks past the one being read: memory holds three chunks at most.
    func testWorkersWaitTwoChunksAhead() {
        let window = ChunkWindow<Int>(count: 50, chunkSize: 5)
        var taken: [Int] = []
        while taken.count < 10, let index = window.take() {
            taken.append(index)
            window.set(index, index)
        }
        XCTAssertEqual(taken, Array(0..<10))
        let more = DispatchSemaphore(value: 0)
        let next = Taken()
        Thread {
            next.index = window.take()
            more.signal()
        }.start()
        XCTAssertEqual(more.wait(timeout: .now() + 0.2), .timedOut, "index 10 waits until chunk 0 is read")
        XCTAssertEqual(window.results(ofChunk: 0), [0, 1, 2, 3, 4])
        XCTAssertEqual(more.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(next.index, 10)
    }
}

/// Written by one thread before it signals, read by another after the wait.
private final class Taken: @unchecked Sendable {
    var index: Int?
}
