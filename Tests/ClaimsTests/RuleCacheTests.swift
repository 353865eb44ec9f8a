import Foundation
import XCTest
@testable import Claims
import PCRE2

final class RuleCacheTests: XCTestCase {
    private func cacheFiles(_ directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasPrefix("rules-") }.sorted()
    }

    /// What a load gives that the cache could change: each pattern with its start class and bound.
    private func summary(_ rules: RuleSet) -> [String] {
        rules.matchedPatterns.map { "\($0.pattern)\t\($0.startClass ?? "-")\t\($0.bound?.joined(separator: "|") ?? "-")" }
    }

    func testAWarmLoadOfTheShippedRulesIsTheColdOne() throws {
        let directory = try temporaryDirectory(self)
        let cache = RuleCache(directory: directory.appendingPathComponent("cache").path)
        let (cold, coldProblems) = RuleLoader(directories: [shippedRulesDirectory]).load()
        let (writing, _) = RuleLoader(directories: [shippedRulesDirectory], cache: cache).load()
        let files = cacheFiles(URL(fileURLWithPath: cache.directory))
        XCTAssertEqual(files.count, 1)
        let path = cache.directory + "/" + (files.first ?? "")
        let written = try FileManager.default.attributesOfItem(atPath: path)
        let (warm, warmProblems) = RuleLoader(directories: [shippedRulesDirectory], cache: cache).load()
        XCTAssertEqual(coldProblems.map(\.description), [])
        XCTAssertEqual(warmProblems.map(\.description), [])
        XCTAssertEqual(summary(writing), summary(cold))
        XCTAssertEqual(summary(warm), summary(cold))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int,
                       written[.systemFileNumber] as? Int, "a load that found everything does not rewrite the cache")
        let text = "At least 30 people were killed and 12,000 marched, police said."
        let claims = { (rules: RuleSet) in
            Extractor(rules: rules).extract(Document(path: "t.txt", text: text), dateOverride: nil).claims.map { Summary($0).description }
        }
        XCTAssertEqual(claims(warm), claims(cold))
        XCTAssertEqual(claims(warm).count, 2)
        let directoryMode = try FileManager.default.attributesOfItem(atPath: cache.directory)[.posixPermissions] as? Int
        XCTAssertEqual(directoryMode, 0o700)
    }

    private let geese = """
        kind: crowd
        unit: people
        rules:
          - id: test.geese
            pattern: '(?<value>\\d+)\\s+geese'

        """

    func testAnEditedRuleIsCompiledAfresh() throws {
        let directory = try temporaryDirectory(self)
        let rules = directory.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        _ = try write(geese, to: "g.yml", in: rules)
        let cache = RuleCache(directory: directory.appendingPathComponent("cache").path)
        let directories = [shippedRulesDirectory, rules.path]
        let text = "40 geese and 7 swans gathered."
        func values() -> [String] {
            let (set, problems) = RuleLoader(directories: directories, cache: cache).load()
            XCTAssertEqual(problems.map(\.description), [])
            return Extractor(rules: set).extract(Document(path: "t.txt", text: text), dateOverride: nil).claims
                .filter { $0.rule == "test.geese" }.map(\.value.description)
        }
        XCTAssertEqual(values(), ["40"])
        XCTAssertEqual(values(), ["40"])
        _ = try write(geese.replacingOccurrences(of: #"\s+geese"#, with: #"\s+swans"#), to: "g.yml", in: rules)
        XCTAssertEqual(values(), ["7"])
        XCTAssertEqual(cacheFiles(URL(fileURLWithPath: cache.directory)).count, 1)
    }

    func testADamagedCacheIsCompiledAfreshAndRewritten() throws {
        let directory = try temporaryDirectory(self)
        let cache = RuleCache(directory: directory.appendingPathComponent("cache").path)
        let (cold, _) = RuleLoader(directories: [shippedRulesDirectory], cache: cache).load()
        guard let name = cacheFiles(URL(fileURLWithPath: cache.directory)).first else { return XCTFail("no cache written") }
        let path = cache.directory + "/" + name
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let size = bytes.count
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (warm, problems) = RuleLoader(directories: [shippedRulesDirectory], cache: cache).load()
        XCTAssertEqual(problems.map(\.description), [])
        XCTAssertEqual(summary(warm), summary(cold))
        let rewritten = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(rewritten.count, size)
        XCTAssertNotEqual(rewritten, bytes)
    }

    func testADirectoryOthersCanWriteIsNeitherReadNorWritten() throws {
        let directory = try temporaryDirectory(self)
        let shared = directory.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        chmod(shared.path, 0o777)
        let cache = RuleCache(directory: shared.path)
        let (rules, problems) = RuleLoader(directories: [shippedRulesDirectory], cache: cache).load()
        XCTAssertEqual(problems.map(\.description), [])
        XCTAssertFalse(rules.claimRules.isEmpty)
        XCTAssertEqual(cacheFiles(shared), [])
    }

    func testOldFilesArePrunedWhenOneIsWritten() throws {
        let directory = try temporaryDirectory(self)
        let cache = RuleCache(directory: directory.appendingPathComponent("cache").path)
        XCTAssertTrue(RuleCache.makePrivateDirectory(cache.directory))
        for index in 0..<12 {
            let path = cache.directory + "/rules-old\(index).cache"
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data([1])))
            var times = [timespec(tv_sec: 1_000_000 + index, tv_nsec: 0), timespec(tv_sec: 1_000_000 + index, tv_nsec: 0)]
            utimensat(AT_FDCWD, path, &times, 0)
        }
        _ = RuleLoader(directories: [shippedRulesDirectory], cache: cache).load()
        let files = cacheFiles(URL(fileURLWithPath: cache.directory))
        XCTAssertEqual(files.count, RuleCache.keptFiles)
        XCTAssertEqual(files.filter { $0.hasPrefix("rules-old") }, (5..<12).map { "rules-old\($0).cache" }.sorted(),
                       "the newest old files are kept beside the one written")
    }

    func testABuildIsKnownByItsBuildIDInEveryCopy() throws {
        let directory = try temporaryDirectory(self)
        let copy = directory.appendingPathComponent("copy").path
        try FileManager.default.copyItem(atPath: "/proc/self/exe", toPath: copy)
        let own = RuleCache.buildID(of: "/proc/self/exe")
        XCTAssertEqual(own?.count, 40, "the linker writes a 20-byte GNU build ID")
        XCTAssertEqual(RuleCache.buildID(of: copy), own)
        XCTAssertEqual(RuleCache.executableIdentity, own.map { "build-id " + $0 })
        XCTAssertNil(RuleCache.buildID(of: try write("not an ELF file", to: "text", in: directory)))
        XCTAssertNil(RuleCache.buildID(of: directory.appendingPathComponent("missing").path))
    }

    /// Two patterns whose index hashes collide (found by a hostile review): the second, loaded
    /// after the first through one cache, must get a miss and its own code and bound.
    func testPatternsWhoseHashesCollideKeepTheirOwnEntries() throws {
        let first = #"(?<value>\d+)\s+09kth34g(?#xn\#u{3C0} )"#
        let second = #"(?<value>\d+)\s+\#u{418}mR\#u{13F}\#u{79E}(?#x\#u{41C9D})"#
        XCTAssertEqual(CompileCache.Key(first), CompileCache.Key(second), "the pair collides in the index (if the hash changed, find another)")
        let directory = try temporaryDirectory(self)
        let rules = directory.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        let cache = RuleCache(directory: directory.appendingPathComponent("cache").path)
        let text = "Police said 500 \u{418}mR\u{13F}\u{79E} gathered in the square."
        func claims(_ pattern: String, cache: RuleCache?) throws -> [String] {
            _ = try write("kind: crowd\nunit: people\nrules:\n  - id: test.collide\n    pattern: '\(pattern)'\n", to: "c.yml", in: rules)
            let (set, problems) = RuleLoader(directories: [shippedRulesDirectory, rules.path], cache: cache).load()
            XCTAssertEqual(problems.map(\.description), [])
            XCTAssertEqual(set.claimRules.first { $0.id == "test.collide" }?.regex.bound,
                           RuleLoader(directories: [shippedRulesDirectory, rules.path]).load().0.claimRules.first { $0.id == "test.collide" }?.regex.bound)
            return Extractor(rules: set).extract(Document(path: "t.txt", text: text), dateOverride: nil).claims
                .filter { $0.rule == "test.collide" }.map(\.quote)
        }
        XCTAssertEqual(try claims(first, cache: cache), [])
        XCTAssertEqual(try claims(second, cache: cache), ["500 \u{418}mR\u{13F}\u{79E}"])
        XCTAssertEqual(try claims(second, cache: cache), ["500 \u{418}mR\u{13F}\u{79E}"])
    }

    func testALinkAtTheCacheFileIsReplacedNotWrittenThrough() throws {
        let directory = try temporaryDirectory(self)
        let cache = RuleCache(directory: directory.appendingPathComponent("cache").path)
        XCTAssertTrue(RuleCache.makePrivateDirectory(cache.directory))
        let victim = try write("precious", to: "victim.txt", in: directory)
        let path = cache.path(for: [shippedRulesDirectory])
        XCTAssertEqual(symlink(victim, path), 0)
        let (rules, problems) = RuleLoader(directories: [shippedRulesDirectory], cache: cache).load()
        XCTAssertEqual(problems.map(\.description), [])
        XCTAssertFalse(rules.claimRules.isEmpty)
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "precious")
        XCTAssertTrue(RuleCache.isPrivate(path, directory: false), "a cache file of its own replaced the link")
    }

    func testAWarmLoadMarksItsFileAsJustUsed() throws {
        let directory = try temporaryDirectory(self)
        let cache = RuleCache(directory: directory.appendingPathComponent("cache").path)
        _ = RuleLoader(directories: [shippedRulesDirectory], cache: cache).load()
        let path = cache.path(for: [shippedRulesDirectory])
        var old = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        XCTAssertEqual(utimensat(AT_FDCWD, path, &old, 0), 0)
        _ = RuleLoader(directories: [shippedRulesDirectory], cache: cache).load()
        let used = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        XCTAssertGreaterThan(used ?? .distantPast, Date(timeIntervalSinceNow: -600), "so removing old files keeps the ones in use")
    }

    func testFragmentListsThatJoinAlikeAreDifferentContexts() {
        let analyser = StartAnalyser(cache: CompileCache())
        let one = analyser.context(of: [("x", "p\u{0}y\u{0}q")])
        let two = analyser.context(of: [("x", "p"), ("y", "q")])
        XCTAssertNotNil(one)
        XCTAssertNotNil(two)
        XCTAssertNotEqual(one, two)
        XCTAssertEqual(analyser.context(of: [("x", "p"), ("y", "q")]), two)
        XCTAssertNil(StartAnalyser().context(of: [("x", "p")]), "no cache, no context")
    }

    func testWhereTheCacheIs() {
        XCTAssertNil(RuleCache.default(environment: ["CLAIMCHECK_CACHE": "off", "HOME": "/home/a"]))
        XCTAssertEqual(RuleCache.default(environment: ["CLAIMCHECK_CACHE": "/tmp/c", "HOME": "/home/a"])?.directory, "/tmp/c")
        XCTAssertEqual(RuleCache.default(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/home/a"])?.directory, "/x/claimcheck")
        XCTAssertEqual(RuleCache.default(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/a"])?.directory,
                       "/home/a/.cache/claimcheck")
        XCTAssertNil(RuleCache.default(environment: [:]))
        XCTAssertEqual(RuleCache(directory: "/tmp/x/nonexistent/../dd/.").directory, "/tmp/x/dd")
    }
}
