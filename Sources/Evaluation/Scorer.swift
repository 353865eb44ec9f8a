import Checker
import Claims

/// Scores what `check` produced on labelled articles against their labels.
///
/// A labelled claim is *found* when a produced claim overlaps its quote; *kind right* when one
/// of those has the label's kind; *values right* when one of those, of any kind (a value read
/// right is right even under the wrong kind), has an interval that agrees with the label (see
/// `ValueAgreement`). Sourcing is compared on the
/// best of the overlapping claims. A conflict pair is *caught* by a conflict or share-sum
/// finding two of whose claims overlap its two quotes; a finding that matches no labelled,
/// ambiguous or cross-article pair is a *false alarm*.
public struct Scorer {
    public var tolerance: Double
    /// The kinds labelled exhaustively: produced claims of these kinds count for precision.
    public var kinds: Set<String>
    /// Checks whose findings claim a contradiction.
    public static let contradictionChecks: Set<String> = [ConflictCheck.id, ShareSumCheck.id]

    public init(tolerance: Double = 0.1, kinds: Set<String> = Set(evaluatedKinds)) {
        self.tolerance = tolerance
        self.kinds = kinds
    }

    /// One article of the run: its labels, resolved against its text.
    public struct Article {
        public var passage: LabelledPassage
        /// The path the article was read from; produced claims carry it.
        public var path: String
        public var document: Document

        public init(passage: LabelledPassage, path: String, document: Document) {
            self.passage = passage
            self.path = path
            self.document = document
        }
    }

    /// A cross-article pair with both quotes placed in their articles.
    public struct PlacedCross {
        public var pair: CrossPair
        public var a: QuoteKey
        public var b: QuoteKey

        public init(pair: CrossPair, a: QuoteKey, b: QuoteKey) {
            self.pair = pair
            self.a = a
            self.b = b
        }
    }

    /// A labelled quote: its article's path and byte range.
    public struct QuoteKey: Hashable, Sendable {
        public var path: String
        public var range: Range<Int>
        public init(path: String, range: Range<Int>) {
            self.path = path
            self.range = range
        }
    }

    public func score(articles: [Article], claims: [Claim], findings: [Finding], cross: [PlacedCross]) -> EvalReport {
        var report = EvalReport()
        let byPath = Dictionary(grouping: claims, by: \.file)
        var quotesByPath: [String: [QuoteKey]] = [:]
        for article in articles {
            quotesByPath[article.path] = article.passage.claims.map { QuoteKey(path: article.path, range: $0.range) }
        }

        for article in articles {
            let produced = (byPath[article.path] ?? []).sorted { $0.start < $1.start }
            scoreClaims(article, produced: produced, into: &report)
            let quotes = quotesByPath[article.path] ?? []
            for claim in produced where kinds.contains(claim.kind) {
                let matched = quotes.contains { $0.range.overlaps(claim.start..<claim.end) }
                report.claims.count(claim.kind) { $0.produced += 1; if matched { $0.producedMatched += 1 } }
                if !matched {
                    report.details.append(EvalDetail(.unlabelledClaim, file: article.path, position: (claim.line, claim.column),
                                                     quote: claim.quote, expected: "no labelled claim here",
                                                     produced: Self.describe(claim)))
                }
            }
        }
        scoreConflicts(articles: articles, findings: findings, cross: cross, quotesByPath: quotesByPath, into: &report)
        return report
    }

    private func scoreClaims(_ article: Article, produced: [Claim], into report: inout EvalReport) {
        for label in article.passage.claims where kinds.contains(label.kind) {
            let overlapping = produced.filter { label.range.overlaps($0.start..<$0.end) }
            let ofKind = overlapping.filter { $0.kind == label.kind }
            let agreeing = overlapping.filter { ValueAgreement.agrees(label, $0.value, tolerance: tolerance) }
            let best = agreeing.first { $0.kind == label.kind } ?? ofKind.first ?? agreeing.first ?? overlapping.first
            let position = article.document.position(of: label.range.lowerBound)
            let sourcedAgrees = best.map { $0.sourced == label.sourced } ?? false
            report.claims.count(label.kind) { scores in
                scores.labelled += 1
                if best != nil { scores.found += 1 }
                if !ofKind.isEmpty { scores.kindRight += 1 }
                if !agreeing.isEmpty { scores.valuesRight += 1 }
                if sourcedAgrees { scores.sourcedAgrees += 1 }
            }
            let expected = Self.describe(label)
            func detail(_ type: EvalDetail.Kind, _ produced: String) {
                report.details.append(EvalDetail(type, file: article.path, position: position, quote: label.quote,
                                                 expected: expected, produced: produced))
            }
            guard let best else {
                detail(.missed, "nothing")
                continue
            }
            if ofKind.isEmpty {
                detail(.wrongKind, Self.describe(best))
            } else if agreeing.isEmpty {
                detail(.wrongValue, Self.describe(best))
            }
            if !sourcedAgrees {
                report.details.append(EvalDetail(.wrongSource, file: article.path, position: position, quote: label.quote,
                                                 expected: label.sourced ? "sourced (\(label.source ?? "named"))" : "unsourced",
                                                 produced: best.source.map { "sourced (\($0))" }
                                                    ?? best.attribution.map { "unsourced (anonymous: \($0.text))" } ?? "unsourced"))
            }
        }
    }

    private func scoreConflicts(articles: [Article], findings: [Finding], cross: [PlacedCross],
                                quotesByPath: [String: [QuoteKey]], into report: inout EvalReport) {
        var pairs: [(a: QuoteKey, b: QuoteKey, role: PairRole, label: String)] = []
        for article in articles {
            let passage = article.passage
            func key(_ quote: String) -> QuoteKey? {
                passage.claims.first { $0.quote == quote }.map { QuoteKey(path: article.path, range: $0.range) }
            }
            for (index, pair) in passage.conflicts.enumerated() {
                guard let a = key(pair.a), let b = key(pair.b) else { continue }
                pairs.append((a, b, .conflict(index), "\(article.path): \"\(pair.a)\" / \"\(pair.b)\" (\(pair.why))"))
            }
            for pair in passage.ambiguous {
                guard let a = key(pair.a), let b = key(pair.b) else { continue }
                pairs.append((a, b, .ambiguous, ""))
            }
        }
        for (index, placed) in cross.enumerated() {
            pairs.append((placed.a, placed.b, .cross(index),
                          "\(placed.a.path) \"\(placed.pair.a.quote)\" / \(placed.b.path) \"\(placed.pair.b.quote)\" (\(placed.pair.why))"))
        }
        let labelledCount = pairs.filter { if case .conflict = $0.role { return true } else { return false } }.count
        report.conflicts.labelled = labelledCount
        report.conflicts.crossLabelled = cross.count

        let evaluatedPaths = Set(articles.map(\.path))
        var caught = Set<Int>()
        for finding in findings where Self.contradictionChecks.contains(finding.check) {
            guard finding.claims.contains(where: { evaluatedPaths.contains($0.file) }) else { continue }
            report.conflicts.produced += 1
            let covered = finding.claims.map { claim in
                Set((quotesByPath[claim.file] ?? []).filter { $0.range.overlaps(claim.start..<claim.end) })
            }
            var matchedAny = false
            for (index, pair) in pairs.enumerated() where Self.covers(covered, pair.a, pair.b) {
                matchedAny = true
                caught.insert(index)
            }
            if !matchedAny {
                report.conflicts.falseAlarms += 1
                let claim = finding.claims[0]
                report.details.append(EvalDetail(.falseAlarm, file: claim.file, position: (claim.line, claim.column),
                                                 quote: finding.claims.map(\.quote).joined(separator: " / "),
                                                 expected: "no contradiction labelled",
                                                 produced: "\(finding.check): \(finding.message)"))
            }
        }
        for (index, pair) in pairs.enumerated() {
            switch pair.role {
            case .conflict:
                if caught.contains(index) { report.conflicts.caught += 1 } else {
                    report.details.append(EvalDetail(.missedConflict, file: pair.a.path, position: nil, quote: "",
                                                     expected: pair.label, produced: "no finding"))
                }
            case .cross:
                if caught.contains(index) { report.conflicts.crossCaught += 1 } else {
                    report.details.append(EvalDetail(.missedCrossConflict, file: pair.a.path, position: nil, quote: "",
                                                     expected: pair.label, produced: "no finding"))
                }
            case .ambiguous: break
            }
        }
    }

    private enum PairRole { case conflict(Int), ambiguous, cross(Int) }

    /// Two different claims of the finding overlap the two quotes.
    static func covers(_ covered: [Set<QuoteKey>], _ a: QuoteKey, _ b: QuoteKey) -> Bool {
        for i in covered.indices where covered[i].contains(a) {
            for j in covered.indices where j != i && covered[j].contains(b) { return true }
        }
        return false
    }

    static func describe(_ claim: Claim) -> String {
        let source = claim.source.map { " source=\"\($0)\"" } ?? ""
        return "\(claim.kind) \(claim.value) \(claim.unit) \"\(claim.quote)\" (\(claim.rule))\(source)"
    }

    static func describe(_ label: LabelledClaim) -> String {
        let low = label.low.map(Interval.format) ?? "-∞"
        let high = label.high.map(Interval.format) ?? "∞"
        let value = label.low != nil && label.low == label.high ? low : "[\(low), \(high)]"
        let unit = label.unit.map { " " + $0 } ?? ""
        return "\(label.kind) \(label.approx ? "~" : "")\(value)\(label.vague ? " (vague)" : "")\(unit)"
    }
}
