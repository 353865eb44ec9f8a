import Checker
import ClaimStore
import Claims
import XCTest

/// The behaviour every backend must show. Each backend's test class calls these with a
/// fresh, empty store.
enum StoreContract {
    static func record(_ path: String, hash: String = "h1", date: String? = "2026-03-14", claims: [Claim]) -> ArticleRecord {
        ArticleRecord(path: path, hash: hash, date: date, title: "Title of \(path)", rules: "r1", claims: claims)
    }

    static func emptyStore(_ store: any ClaimStorage) throws {
        XCTAssertEqual(try store.articleStates(), [:])
        XCTAssertEqual(try store.claims(ClaimQuery()), [])
        let counts = try store.counts()
        XCTAssertEqual([counts.articles, counts.claims], [0, 0])
    }

    static func roundTrip(_ store: any ClaimStorage) throws {
        let unbounded = sampleClaim(quote: "more than 5,000", value: Interval(low: 5000, high: nil, lowInclusive: false),
                                    source: (.anonymous, "it was reported"), start: 90)
        let plain = sampleClaim(group: "supporters", source: nil, start: 200, comparable: false)
        try store.replace([record("news/a.md", claims: [sampleClaim(), unbounded, plain])])
        let stored = try store.claims(ClaimQuery())
        var expected = [sampleClaim(), unbounded, plain]
        for index in expected.indices { expected[index].file = "news/a.md" }
        XCTAssertEqual(stored.map(\.claim), expected)
        XCTAssertEqual(stored.map(\.articleDate), ["2026-03-14", "2026-03-14", "2026-03-14"])
        XCTAssertEqual(stored.map(\.title), Array(repeating: "Title of news/a.md", count: 3))
        XCTAssertEqual(try store.articleStates(), ["news/a.md": ArticleState(hash: "h1", rules: "r1")])
    }

    static func replaceSwapsClaims(_ store: any ClaimStorage) throws {
        try store.replace([record("a.md", claims: [sampleClaim(), sampleClaim(start: 90)]), record("b.md", claims: [sampleClaim()])])
        try store.replace([record("a.md", hash: "h2", claims: [sampleClaim(quote: "9,000", value: .point(9000))])])
        XCTAssertEqual(try store.claims(ClaimQuery()).map { "\($0.claim.file) \($0.claim.quote)" },
                       ["a.md 9,000", "b.md about 100,000 people"])
        XCTAssertEqual(try store.articleStates()["a.md"], ArticleState(hash: "h2", rules: "r1"))
        let counts = try store.counts()
        XCTAssertEqual([counts.articles, counts.claims], [2, 2])
    }

    static func queries(_ store: any ClaimStorage) throws {
        try store.replace([
            record("a.md", claims: [sampleClaim(), sampleClaim(kind: "casualties", quote: "12 killed", start: 90)]),
            record("b.md", claims: [sampleClaim(place: "Port  Arlen", date: "2026-04-02", group: "Supporters",
                                                source: (.named, "the city police"), start: 10)]),
            record("c.md", claims: [sampleClaim(place: nil, date: "2025-12-31", source: nil, start: 10, comparable: false)]),
        ])
        func paths(_ query: ClaimQuery) throws -> [String] {
            try store.claims(query).map { "\($0.claim.file):\($0.claim.start)" }
        }
        XCTAssertEqual(try paths(ClaimQuery(kind: "casualties")), ["a.md:90"])
        XCTAssertEqual(try paths(ClaimQuery(place: "port arlen")), ["b.md:10"])
        XCTAssertEqual(try paths(ClaimQuery(group: "supporters")), ["b.md:10"])
        XCTAssertEqual(try paths(ClaimQuery(from: "2026-03")), ["a.md:40", "a.md:90", "b.md:10"])
        XCTAssertEqual(try paths(ClaimQuery(to: "2026-03")), ["a.md:40", "a.md:90", "c.md:10"])
        XCTAssertEqual(try paths(ClaimQuery(from: "2026-03-15", to: "2026-04-02")), ["b.md:10"])
        XCTAssertEqual(try paths(ClaimQuery(source: "The City Police")), ["b.md:10"])
        XCTAssertEqual(try paths(ClaimQuery(source: "police")), ["b.md:10"])
        XCTAssertEqual(try paths(ClaimQuery(kind: "crowd", unit: "people", place: "Corvale", comparableOnly: true)), ["a.md:40"])
        XCTAssertEqual(try paths(ClaimQuery(comparableOnly: true)).count, 3)
    }

    static func remove(_ store: any ClaimStorage) throws {
        try store.replace([record("a.md", claims: [sampleClaim()]), record("b.md", claims: [sampleClaim()])])
        try store.remove(paths: ["a.md", "missing.md"])
        XCTAssertEqual(try store.claims(ClaimQuery()).map(\.claim.file), ["b.md"])
        let counts = try store.counts()
        XCTAssertEqual([counts.articles, counts.claims], [1, 1])
    }

    /// Ingest through the store: unchanged files are skipped, changed ones replaced, gone
    /// ones pruned, and other rules re-extracted on refresh only.
    static func ingestLifecycle(_ store: any ClaimStorage, directory: URL) throws {
        let a = try write("date 2026-03-14\n\n# March\n\nAbout 100,000 people marched in Corvale on Saturday, organisers said.\n", to: "news/a.md", in: directory)
        let b = try write("date 2026-03-15\n\nPolice said 8,000 people marched in Corvale on Saturday.\n", to: "news/b.md", in: directory)
        var ingester = Ingester(store: store, rules: Shipped.rules, root: directory.path, workers: 1)
        var summary = try ingester.ingest(paths: [a, b])
        XCTAssertEqual([summary.added, summary.updated, summary.unchanged, summary.claims], [2, 0, 0, 2])
        XCTAssertEqual(try store.claims(ClaimQuery()).map { "\($0.claim.file) \($0.claim.quote) \($0.title)" },
                       ["news/a.md About 100,000 people March", "news/b.md 8,000 people Police said 8,000 people marched in Corvale on Saturday."])

        summary = try ingester.ingest(paths: [a, b])
        XCTAssertEqual([summary.added, summary.updated, summary.unchanged, summary.claims], [0, 0, 2, 0])

        try "date 2026-03-15\n\nPolice said 9,500 people marched in Corvale on Saturday.\n".write(toFile: b, atomically: true, encoding: .utf8)
        summary = try ingester.ingest(paths: [a, b])
        XCTAssertEqual([summary.added, summary.updated, summary.unchanged, summary.claims], [0, 1, 1, 1])
        XCTAssertEqual(try store.claims(ClaimQuery(source: "police")).map(\.claim.quote), ["9,500 people"])

        // Another --date changes every claim's date: the records are re-extracted, and so
        // they are again without it.
        ingester.dateOverride = "2026-03-21"
        summary = try ingester.ingest(paths: [a, b])
        XCTAssertEqual([summary.updated, summary.unchanged, summary.claims], [2, 0, 2])
        XCTAssertEqual(try store.claims(ClaimQuery(source: "police")).map(\.claim.context.date), ["2026-03-21"])
        summary = try ingester.ingest(paths: [a, b])
        XCTAssertEqual([summary.updated, summary.unchanged], [0, 2])
        ingester.dateOverride = nil
        summary = try ingester.ingest(paths: [a, b])
        XCTAssertEqual([summary.updated, summary.unchanged, summary.claims], [2, 0, 2])

        ingester.rulesVersion = "other"
        summary = try ingester.ingest(paths: [a, b])
        XCTAssertEqual([summary.unchanged, summary.stale, summary.claims], [2, 2, 0])
        ingester.refresh = true
        summary = try ingester.ingest(paths: [a, b])
        XCTAssertEqual([summary.updated, summary.unchanged, summary.claims], [2, 0, 2])
        XCTAssertEqual(Set(try store.articleStates().values.map(\.rules)), ["other"])

        try FileManager.default.removeItem(atPath: a)
        XCTAssertEqual(try ingester.prune(), 1)
        XCTAssertEqual(try store.articleStates().keys.sorted(), ["news/b.md"])
    }

    /// A new claim is reported against the stored claim it contradicts even when two stored
    /// claims contradict each other around it in path order.
    static func historyFindsNewAgainstStored(_ store: any ClaimStorage) throws {
        let organisers = sampleClaim(value: .point(100_000), start: 10)
        let police = sampleClaim(quote: "8,000", value: .point(8000), source: (.named, "police"), start: 10)
        try store.replace([record("a.md", claims: [organisers]), record("z.md", claims: [police]),
                           record("m.md", claims: [police])])
        let history = History(store: store, root: "/project", workingDirectory: "/project")
        var fresh = sampleClaim(quote: "100,000", value: .point(100_000), source: (.named, "mayor"), start: 10)
        fresh.file = "m.md"
        fresh.articleDated = false
        let stored = try history.claims(comparableWith: [fresh], checking: ["/project/m.md"])
        XCTAssertEqual(stored.count, 2, "m.md's own stored record is left out")
        let result = history.restore(Checker().run([fresh] + stored))
        let conflicts = result.findings.filter { $0.check == "conflict" }
        XCTAssertEqual(conflicts.map { $0.claims.map { "\($0.file) \($0.quote)" } }, [["m.md 100,000", "z.md 8,000"]])
        XCTAssertEqual(result.findings.filter { $0.check != "conflict" }.flatMap(\.claims).map(\.file), [],
                       "findings about stored claims alone are dropped")
    }
}
