/// What `claimcheck explain` shows for one document: for each sentence, the claim rules
/// tried and what became of their matches, and where each claim's context came from.
public struct ExplainReport: Sendable {
    public struct Sentence: Sendable {
        /// 1-based, in the document.
        public let number: Int
        public let range: Range<Int>
        /// 1-based lines of the sentence's first and last character; `column` of its first.
        public let line: Int
        public let column: Int
        public let endLine: Int
        public let text: String
        public let status: ExtractionTrace.SentenceStatus
        /// Every claim rule, in rule order, when the sentence was searched.
        public let rules: [ExtractionTrace.RuleRecord]
        public let claims: [ExplainedClaim]
    }

    public struct ExplainedClaim: Sendable {
        /// 1-based, in the document; match outcomes name claims by this number.
        public let number: Int
        public let claim: Claim
        public let provenance: ContextProvenance
        /// The checker's voice: claims of one voice in one article are never a conflict.
        public let voice: String
        /// For a refers-back claim, the claim it refers to (its number; nil if it is no claim).
        public let referent: (rule: String, quote: String, claim: Int?)?
        /// The claim this one revises (a `revises` rule, a lexicon correction or a superseded
        /// sentence): its number and quote.
        public var revised: (quote: String, claim: Int?)? = nil
    }

    public let document: Document
    /// The date weekdays and "yesterday" resolve against (`--date` or the file's prefix).
    public let articleDate: String?
    /// The line asked for, if any: `sentences` holds only those on it.
    public let line: Int?
    public let sentences: [Sentence]
    /// Every sentence's byte range, for naming the sentence context was inherited from.
    public let sentenceRanges: [Range<Int>]
    /// How many claim rules were loaded.
    public let ruleCount: Int
    public let diagnostics: [Diagnostic]

    public var file: String { document.path }

    /// 1-based line and column of a byte offset.
    public func position(of offset: Int) -> (line: Int, column: Int) { document.position(of: offset) }
}

extension Extractor {
    /// Extracts `document` with a trace and arranges what happened by sentence. With `line`,
    /// only the sentences on that line are kept (context still comes from the whole text);
    /// a line past the end or holding no sentence is a `Diagnostic` naming the file.
    public func explain(_ document: Document, dateOverride: String? = nil, line: Int? = nil) throws -> ExplainReport {
        if let line { try ExplainReport.check(line: line, in: document) }
        let trace = ExtractionTrace()
        let (claims, diagnostics) = extract(document, dateOverride: dateOverride, trace: trace)
        let records = Dictionary(trace.claims.map { ($0.claim, $0) }, uniquingKeysWith: { first, _ in first })
        func explained(_ index: Int) -> ExplainReport.ExplainedClaim {
            let claim = claims[index]
            let record = records[index]
            let referent = record?.referent.map { referent in
                (referent.rule, document.text(referent.range),
                 claims.firstIndex { $0.rule == referent.rule && $0.start == referent.range.lowerBound }.map { $0 + 1 })
            }
            var explained = ExplainReport.ExplainedClaim(number: index + 1, claim: claim, provenance: record?.provenance ?? ContextProvenance(),
                                                         voice: claim.voice, referent: referent)
            if let target = claim.revises {
                explained.revised = (document.text(target), claims.firstIndex { $0.start == target.lowerBound && $0.end == target.upperBound }.map { $0 + 1 })
            }
            return explained
        }
        var sentences: [ExplainReport.Sentence] = []
        for record in trace.sentences {
            let start = document.position(of: record.range.lowerBound)
            let endLine = document.position(of: max(record.range.lowerBound, record.range.upperBound - 1)).line
            if let line, !(start.line...endLine).contains(line) { continue }
            let own = claims.indices.filter { claims[$0].sentenceIndex == record.index }
            sentences.append(.init(number: record.index + 1, range: record.range, line: start.line, column: start.column,
                                   endLine: endLine, text: document.text(record.range), status: record.status,
                                   rules: record.rules, claims: own.map(explained)))
        }
        if let line, sentences.isEmpty {
            throw Issue.noSentenceOnLine.diagnostic(file: document.path, line: line)
        }
        let articleDate = (dateOverride ?? document.prefixDate).flatMap(CalendarDate.init(iso:))?.description
        return ExplainReport(document: document, articleDate: articleDate, line: line, sentences: sentences,
                             sentenceRanges: trace.sentences.map(\.range), ruleCount: rules.claimRules.count,
                             diagnostics: diagnostics)
    }
}

extension ExplainReport {
    /// Lines in the file: a final line break ends the last line rather than starting one.
    public static func lineCount(of document: Document) -> Int {
        document.fileEndsWithLineBreak ? document.lineCount - 1 : document.lineCount
    }

    static func check(line: Int, in document: Document) throws {
        let count = lineCount(of: document)
        guard line <= count else {
            throw Issue.lineOutOfRange(line: line, count: count).diagnostic(file: document.path)
        }
    }
}

/// `FILE` or `FILE:LINE`, as given to `claimcheck explain`.
public struct ExplainTarget: Equatable, Sendable {
    public var path: String
    public var line: Int?

    public init(path: String, line: Int? = nil) {
        self.path = path
        self.line = line
    }

    /// A path that exists as written is taken whole, so a file name may contain a colon;
    /// otherwise the text after the last colon is the line. `-` (or `-:LINE`) is standard input.
    public static func parse(_ argument: String, exists: (String) -> Bool) -> Result<ExplainTarget, Diagnostic> {
        guard argument != "-", !exists(argument), let colon = argument.lastIndex(of: ":"), colon != argument.startIndex else {
            return .success(ExplainTarget(path: argument))
        }
        let path = String(argument[..<colon])
        let suffix = argument[argument.index(after: colon)...]
        let name = path == "-" ? "<stdin>" : path
        guard !suffix.isEmpty, suffix.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            // "notes:draft" may simply be a missing file; "a.txt:x" with a.txt present is a bad line.
            guard path == "-" || exists(path) else { return .success(ExplainTarget(path: argument)) }
            return .failure(Issue.notALineNumber(String(suffix)).diagnostic(file: name))
        }
        guard let line = Int(suffix) else { return .failure(Issue.lineTooLarge(String(suffix)).diagnostic(file: name)) }
        guard line >= 1 else { return .failure(Issue.lineBelowOne(String(suffix)).diagnostic(file: name)) }
        return .success(ExplainTarget(path: path, line: line))
    }
}
