import Claims
import Foundation

/// What an ingest did.
public struct IngestSummary: Equatable, Sendable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// Unchanged articles whose claims came from other rules (re-extracted only on refresh).
    public var stale = 0
    public var removed = 0
    public var claims = 0
    public var diagnostics: [Diagnostic] = []

    public init() {}
}

/// Records articles and their claims. An unchanged file (same content hash, and the same
/// `--date` if one was given) is skipped; a changed one is re-extracted and replaces its old
/// record atomically; with `refresh`, so is one extracted by another rule-set version.
public struct Ingester {
    public let store: any ClaimStorage
    public let rules: RuleSet
    /// Recorded with each article; a change marks older records stale.
    public var rulesVersion: String
    /// Absolute project root that stored paths are relative to.
    public let root: String
    public var dateOverride: String?
    public var workers: Int
    public var refresh = false
    public var progress: (@Sendable (Int) -> Void)?

    public init(store: any ClaimStorage, rules: RuleSet, root: String, dateOverride: String? = nil,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.store = store
        self.rules = rules
        rulesVersion = ContentHash.ruleSet(files: rules.files)
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
        self.dateOverride = dateOverride
        self.workers = workers
    }

    public struct Pending: Sendable {
        public var path: String
        public var stored: String
        public var hash: String
        public var new: Bool
    }

    /// The files whose record is missing or out of date, with their stored path and hash.
    public func pending(_ paths: [String], summary: inout IngestSummary) throws -> [Pending] {
        let states = try store.articleStates()
        var seen = Set<String>()
        var todo: [Pending] = []
        for path in paths {
            if path == "-" {
                summary.diagnostics.append(Issue.store(.standardInputNotRecorded).diagnostic(file: "<stdin>"))
                continue
            }
            let stored = StorePath.relative(path, root: root)
            guard seen.insert(stored).inserted else { continue }
            // Unreadable files go on to extraction, which reports them.
            let hash = FileManager.default.contents(atPath: path).map { ContentHash.article(Array($0), dateOverride: dateOverride) } ?? ""
            if let state = states[stored], state.hash == hash {
                if state.rules == rulesVersion || !refresh {
                    summary.unchanged += 1
                    if state.rules != rulesVersion { summary.stale += 1 }
                    continue
                }
            }
            todo.append(Pending(path: path, stored: stored, hash: hash, new: states[stored] == nil))
        }
        return todo
    }

    /// Ingests the files; per chunk of files one transaction, so a killed run keeps what it
    /// committed and a rerun does the rest. A file that cannot be read is reported and left out.
    public func ingest(paths: [String]) throws -> IngestSummary {
        var summary = IngestSummary()
        let todo = try pending(paths, summary: &summary)
        let byPath = Dictionary(todo.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var pipeline = ExtractionPipeline(rules: rules, dateOverride: dateOverride, workers: workers)
        pipeline.progress = progress
        var failure: Error?
        pipeline.forEachChunk(paths: todo.map(\.path)) { results in
            guard failure == nil else { return }
            var records: [ArticleRecord] = []
            for result in results {
                summary.diagnostics += result.diagnostics
                guard let document = result.document, let entry = byPath[result.path] else { continue }
                if entry.new { summary.added += 1 } else { summary.updated += 1 }
                records.append(ArticleRecord(path: entry.stored, hash: entry.hash, date: dateOverride ?? document.prefixDate,
                                             title: Self.title(of: document), rules: rulesVersion, claims: result.claims))
                summary.claims += result.claims.count
            }
            do { try store.replace(records) } catch { failure = error }
        }
        if let failure { throw failure }
        return summary
    }

    /// Forgets recorded articles whose files are gone; returns how many.
    public func prune() throws -> Int {
        let gone = try store.articleStates().keys.filter { stored in
            !FileManager.default.fileExists(atPath: stored.hasPrefix("/") ? stored : root + "/" + stored)
        }.sorted()
        try store.remove(paths: gone)
        return gone.count
    }

    /// The first non-empty line of the article's text, without Markdown heading marks.
    static func title(of document: Document) -> String {
        var start = document.bodyStart
        let bytes = document.bytes
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var line = String(decoding: bytes[start..<end], as: UTF8.self)
            line = line.trimmingCharacters(in: .whitespaces)
            while line.hasPrefix("#") { line.removeFirst() }
            line = line.trimmingCharacters(in: .whitespaces)
            if !line.isEmpty { return String(line.prefix(200)) }
            start = end + 1
        }
        return ""
    }
}

/// Paths as the store records them: relative to the project root when inside it.
public enum StorePath {
    public static func relative(_ path: String, root: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute
    }

    /// How to name a stored path from the working directory: as stored when the root is the
    /// working directory, else absolute.
    public static func display(_ stored: String, root: String, workingDirectory: String) -> String {
        if stored.hasPrefix("/") { return stored }
        let cwd = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
        return cwd == root ? stored : root + "/" + stored
    }
}
