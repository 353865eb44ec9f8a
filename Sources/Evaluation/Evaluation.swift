import Checker
import Claims
import Foundation

/// What `claimcheck eval` does: reads labels, runs the same extraction and checks as `check`
/// over the labelled articles (all of them in one run, so they are compared across articles),
/// and scores the result.
public struct Evaluation {
    public var rules: RuleSet
    public var options: CheckOptions
    public var settings: [String: CheckSetting]
    public var workers: Int

    public init(rules: RuleSet, options: CheckOptions = CheckOptions(), settings: [String: CheckSetting] = [:],
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.rules = rules
        self.options = options
        self.settings = settings
        self.workers = workers
    }

    /// Problems with the labels (each naming the labels file and line) and the articles are
    /// diagnostics; what can still be scored is scored.
    public func run(labels: String, cross: String? = nil, articles: String? = nil) -> (EvalReport, [Diagnostic]) {
        var (passages, diagnostics) = LabelReader.passages(path: labels)
        let directory = articles ?? (labels as NSString).deletingLastPathComponent
        var seen: [String: Int] = [:]
        var paths: [String] = []
        // A label naming a kind no rule produces (a typo, "crowds") is an error, not a silent gap.
        let known = Set(rules.claimRules.map(\.kind)).union([selectionKind])
        for index in passages.indices {
            passages[index].claims = passages[index].claims.enumerated().compactMap { number, claim in
                if known.contains(claim.kind) { return claim }
                diagnostics.append(Issue.evaluation(.unknownKind(claim: number + 1, kind: claim.kind, known: Array(known)))
                    .diagnostic(file: labels, line: passages[index].line))
                return nil
            }
        }
        passages = passages.filter { passage in
            // "a.txt" and "./a.txt" are one article.
            let key = URL(fileURLWithPath: Self.join(directory, passage.file)).standardizedFileURL.path
            if let first = seen[key] {
                diagnostics.append(Issue.evaluation(.labelledTwice(file: passage.file, firstLine: first)).diagnostic(file: labels, line: passage.line))
                return false
            }
            seen[key] = passage.line
            let path = Self.join(directory, passage.file)
            guard FileManager.default.fileExists(atPath: path) else {
                diagnostics.append(Issue.evaluation(.articleNotFound(file: passage.file, directory: directory))
                    .diagnostic(file: labels, line: passage.line))
                return false
            }
            paths.append(path)
            return true
        }

        let results = ExtractionPipeline(rules: rules, workers: workers).run(paths: paths)
        var scored: [Scorer.Article] = []
        var claims: [Claim] = []
        var suppressions: [Suppression] = []
        for (passage, result) in zip(passages, results) {
            diagnostics += result.diagnostics
            guard let document = result.document else { continue }
            claims += result.claims
            suppressions += Suppression.scan(document)
            scored.append(Scorer.Article(passage: Self.place(passage, in: document, labels: labels, &diagnostics),
                                         path: result.path, document: document))
        }

        var placedCross: [Scorer.PlacedCross] = []
        if let cross {
            let (pairs, problems) = LabelReader.crossPairs(path: cross)
            diagnostics += problems
            let byFile = Dictionary(scored.map { ($0.passage.file, $0) }, uniquingKeysWith: { first, _ in first })
            for pair in pairs {
                func key(_ side: (file: String, quote: String)) -> Scorer.QuoteKey? {
                    guard let article = byFile[side.file] else {
                        diagnostics.append(Issue.evaluation(.notALabelledArticle(file: side.file)).diagnostic(file: cross, line: pair.line))
                        return nil
                    }
                    switch Self.locate(side.quote, in: article.document) {
                    case .success(let range):
                        // Only a labelled claim's quote can be caught: a shortened one never would be.
                        guard article.passage.claims.contains(where: { $0.range == range }) else {
                            diagnostics.append(Issue.evaluation(.notALabelledQuote(side.quote, file: side.file))
                                .diagnostic(file: cross, line: pair.line))
                            return nil
                        }
                        return Scorer.QuoteKey(path: article.path, range: range)
                    case .failure(let problem):
                        diagnostics.append(Issue.evaluation(problem.issue(side.quote, side.file)).diagnostic(file: cross, line: pair.line))
                        return nil
                    }
                }
                let a = key(pair.a)
                let b = key(pair.b)
                if let a, let b { placedCross.append(Scorer.PlacedCross(pair: pair, a: a, b: b)) }
            }
        }

        let result = Checker(rules: rules, options: options, settings: settings).run(claims, suppressions: suppressions)
        let kinds = Set(scored.flatMap { $0.passage.claims.map(\.kind) }).subtracting([selectionKind])
        let report = Scorer(tolerance: options.tolerance, kinds: kinds).score(articles: scored, claims: claims, findings: result.findings,
                                                               cross: placedCross)
        return (report, diagnostics)
    }

    /// Finds each labelled quote in the article; a quote that is missing or not unique is an
    /// error, and the claim (and any pair naming it) is left out.
    static func place(_ passage: LabelledPassage, in document: Document, labels: String,
                      _ diagnostics: inout [Diagnostic]) -> LabelledPassage {
        var placed = passage
        placed.claims = []
        for (index, var claim) in passage.claims.enumerated() {
            switch locate(claim.quote, in: document) {
            case .success(let range):
                claim.range = range
                placed.claims.append(claim)
            case .failure(let problem):
                diagnostics.append(Issue.evaluation(problem.issue(claim.quote, passage.file, claim: index + 1))
                    .diagnostic(file: labels, line: passage.line))
            }
        }
        let quotes = Set(passage.claims.map(\.quote))
        let kept = Set(placed.claims.map(\.quote))
        func pairs(_ list: [LabelledPair], _ name: String) -> [LabelledPair] {
            list.enumerated().filter { index, pair in
                for quote in [pair.a, pair.b] where !quotes.contains(quote) {
                    diagnostics.append(Issue.evaluation(.pairQuoteNotLabelled(list: name, index: index + 1, quote: quote))
                        .diagnostic(file: labels, line: passage.line))
                }
                return kept.contains(pair.a) && kept.contains(pair.b)
            }.map(\.element)
        }
        placed.conflicts = pairs(passage.conflicts, "conflicts")
        placed.ambiguous = pairs(passage.ambiguous, "ambiguous")
        return placed
    }

    enum QuoteProblem: Error {
        case missing, repeated(Int), empty
        /// `claim` is the labelled claim's number, nil for a side of a cross pair.
        func issue(_ quote: String, _ file: String, claim: Int? = nil) -> Issue.Evaluation {
            switch self {
            case .empty: .emptyQuote(claim: claim)
            case .missing: .quoteMissing(quote, file: file, claim: claim)
            case .repeated(let count): .quoteRepeated(quote, file: file, count: count, claim: claim)
            }
        }
    }

    /// The byte range of the quote's only occurrence in the article body.
    static func locate(_ quote: String, in document: Document) -> Result<Range<Int>, QuoteProblem> {
        let needle = Array(quote.utf8)
        guard let first = needle.first else { return .failure(.empty) }
        let haystack = document.bytes
        var found: [Int] = []
        var index = document.bodyStart
        while index + needle.count <= haystack.count {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) {
                found.append(index)
            }
            index += 1
        }
        switch found.count {
        case 0: return .failure(.missing)
        case 1: return .success(found[0]..<found[0] + needle.count)
        default: return .failure(.repeated(found.count))
        }
    }

    static func join(_ directory: String, _ file: String) -> String {
        if file.hasPrefix("/") || directory.isEmpty { return file }
        return directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }
}
