@testable import PCRE2
import XCTest

final class CompileCacheTests: XCTestCase {
    private func firstRange(_ regex: Regex, _ text: String) throws -> Range<Int>? {
        let matcher = Matcher(regex)
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { try matcher.firstMatch(in: $0, from: 0)?.range(ofGroup: "n") }
    }

    func testACachedPatternMatchesAsCompiledWithItsGroupsAndHint() throws {
        let pattern = #"(?<n>\d+)\s+(?<n>geese)?"#
        let options: Regex.Options = [.utf, .caseless, .dupnames]
        let first = CompileCache()
        let compiled = try Regex(pattern, options: options, startClass: "[0-9]", cache: first)
        XCTAssertTrue(first.isStale)
        guard let read = CompileCache(serialized: first.serialized()) else { return XCTFail("cache does not read back") }
        let decoded = try Regex(pattern, options: options, startClass: "[0-9]", cache: read)
        XCTAssertFalse(read.isStale, "every entry was used and none was missing")
        XCTAssertEqual(decoded.groupNumbers, compiled.groupNumbers)
        XCTAssertEqual(decoded.captureCount, 2)
        XCTAssertEqual(decoded.startClass, "[0-9]")
        XCTAssertEqual(try firstRange(decoded, "x 12 GEESE"), 2..<4)
        XCTAssertTrue(decoded.compileJIT())
        XCTAssertEqual(try firstRange(decoded, "x 345 geese"), 2..<5)
    }

    func testOtherOptionsAreAnotherEntry() throws {
        let cache = CompileCache()
        _ = try Regex("a", options: [.utf], cache: cache)
        guard let read = CompileCache(serialized: cache.serialized()) else { return XCTFail("cache does not read back") }
        XCTAssertFalse(try Regex("a", options: [.utf, .caseless], cache: read).matches("x") )
        XCTAssertTrue(try Regex("a", options: [.utf, .caseless], cache: read).matches("A"))
        XCTAssertTrue(read.isStale, "the caseless pattern was missing")
    }

    func testStringsAreComputedOnceNilIncludedInTheirContext() throws {
        let cache = CompileCache()
        var calls = 0
        guard let context = cache.context("number\u{0}\\d+") else { return XCTFail("no context") }
        XCTAssertNil(cache.strings("bound", of: "pattern", in: context) { calls += 1; return nil })
        XCTAssertEqual(cache.strings("bound", of: "other", in: context) { calls += 1; return ["a", "\u{1}"] }, ["a", "\u{1}"])
        guard let read = CompileCache(serialized: cache.serialized()) else { return XCTFail("cache does not read back") }
        guard let again = read.context("number\u{0}\\d+") else { return XCTFail("no context") }
        XCTAssertNil(read.strings("bound", of: "pattern", in: again) { calls += 1; return ["wrong"] })
        XCTAssertEqual(read.strings("bound", of: "other", in: again) { calls += 1; return nil }, ["a", "\u{1}"])
        XCTAssertEqual(calls, 2)
        XCTAssertFalse(read.isStale)
        // Another use of the same text, or the same text against other fragments, is another entry.
        XCTAssertEqual(read.strings("start class", of: "other", in: again) { calls += 1; return ["[0-9]"] }, ["[0-9]"])
        guard let other = read.context("number\u{0}[0-9]+") else { return XCTFail("no context") }
        XCTAssertEqual(read.strings("bound", of: "other", in: other) { calls += 1; return ["b"] }, ["b"])
        XCTAssertEqual(calls, 4)
    }

    /// Two eight-byte block pairs on which the index hash collides whatever the seed (found by a
    /// hostile review), placed on eight-byte boundaries of what the cache hashes.
    private let blocks = (#"09kth34g(?#xn\#u{3C0} )"#, #"\#u{418}mR\#u{13F}\#u{79E}(?#x\#u{41C9D})"#)

    func testAnInputWhoseHashCollidesGetsAMissNotAnotherCode() throws {
        let options: Regex.Options = [.utf]
        // The code's input is "<options>\0<pattern>": nine bytes of options, seven of pattern.
        XCTAssertEqual("\(options.rawValue)\u{0}".utf8.count, 9)
        let (first, second) = ("abcdefg" + blocks.0, "abcdefg" + blocks.1)
        XCTAssertEqual(CompileCache.Key("\(options.rawValue)\u{0}" + first), CompileCache.Key("\(options.rawValue)\u{0}" + second),
                       "the inputs collide in the index")
        let cache = CompileCache()
        XCTAssertTrue(try Regex(first, options: options, cache: cache).matches("abcdefg09kth34g"))
        let other = try Regex(second, options: options, cache: cache)
        XCTAssertFalse(try other.matches("abcdefg09kth34g"))
        XCTAssertTrue(try other.matches("abcdefg\u{418}mR\u{13F}\u{79E}"))
    }

    func testStringsWhoseInputHashCollidesAreComputedAfresh() throws {
        let cache = CompileCache()
        guard let context = cache.context("fragments") else { return XCTFail("no context") }
        // The input is "bound\0<text>": six bytes, then two of text.
        let (first, second) = ("ab" + blocks.0, "ab" + blocks.1)
        XCTAssertEqual(CompileCache.Key("bound\u{0}" + first, salt: context.key), CompileCache.Key("bound\u{0}" + second, salt: context.key))
        XCTAssertEqual(cache.strings("bound", of: first, in: context) { ["first"] }, ["first"])
        XCTAssertEqual(cache.strings("bound", of: second, in: context) { ["second"] }, ["second"])
    }

    func testUnusedEntriesAreDropped() throws {
        let cache = CompileCache()
        _ = try Regex("kept", cache: cache)
        _ = try Regex("dropped", cache: cache)
        guard let read = CompileCache(serialized: cache.serialized()) else { return XCTFail("cache does not read back") }
        _ = try Regex("kept", cache: read)
        XCTAssertTrue(read.isStale, "an entry went unused")
        guard let again = CompileCache(serialized: read.serialized()) else { return XCTFail("cache does not read back") }
        _ = try Regex("kept", cache: again)
        XCTAssertFalse(again.isStale)
        XCTAssertLessThan(again.serialized().count, cache.serialized().count)
    }

    func testDamagedOrForeignBytesAreNotRead() throws {
        let cache = CompileCache()
        _ = try Regex(#"\d+ people"#, options: [.utf, .caseless], cache: cache)
        if let context = cache.context("f") { _ = cache.strings("bound", of: "x", in: context) { ["y"] } }
        let bytes = cache.serialized()
        XCTAssertNotNil(CompileCache(serialized: bytes))
        XCTAssertNil(CompileCache(serialized: []))
        XCTAssertNil(CompileCache(serialized: Array(bytes.dropLast())))
        XCTAssertNil(CompileCache(serialized: bytes + [0]))
        var other = bytes
        other[0] = UInt8(ascii: "X")
        XCTAssertNil(CompileCache(serialized: other), "another magic")
        // Any byte changed after the header fails the checksum, so no damaged code is decoded.
        for offset in stride(from: 12, to: bytes.count, by: max(1, bytes.count / 97)) {
            var damaged = bytes
            damaged[offset] ^= 0x20
            XCTAssertNil(CompileCache(serialized: damaged), "byte \(offset)")
        }
    }
}
