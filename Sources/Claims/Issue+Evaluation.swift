extension Issue {
    /// `eval`'s problems: the labels and cross-article files, the labelled quotes, and the
    /// `--min`/`--max` bounds. `at` is the place inside a JSON line ("claim 2: ", "a: ").
    public enum Evaluation: Sendable {
        // MARK: - Labels files
        case unreadableLabels(exists: Bool)
        case labelsNotUTF8
        case nothingLabelled
        case malformedJSON
        case notAJSONObject
        case claimNotAnObject(claim: Int)
        case malformedPair(list: String, index: Int)
        case missingField(String, at: String)
        case wrongField(String, at: String, expected: FieldType)
        // MARK: - Labels against the articles and rules
        case unknownKind(claim: Int, kind: String, known: [String])
        case labelledTwice(file: String, firstLine: Int)
        case articleNotFound(file: String, directory: String)
        case notALabelledArticle(file: String)
        case notALabelledQuote(String, file: String)
        case pairQuoteNotLabelled(list: String, index: Int, quote: String)
        /// The quote problems name the claim when a passage's claim has them, not a cross pair's side.
        case emptyQuote(claim: Int?)
        case quoteMissing(String, file: String, claim: Int?)
        case quoteRepeated(String, file: String, count: Int, claim: Int?)
        // MARK: - Bounds
        case boundNotKeyValue(String)
        case unknownFigure(String, known: [String])
        case boundNotANumber(String, in: String)
        case boundViolated(figure: String, actual: String, belowMinimum: Bool, bound: String)

        public enum FieldType: Sendable {
            case string, stringOrNull, numberOrNull, bool, array, object
        }

        public var message: String {
            switch self {
            case .unreadableLabels(let exists): exists ? "cannot read the labels file" : "no such labels file"
            case .labelsNotUTF8: "the labels file is not UTF-8"
            case .nothingLabelled: "no labelled claim or conflict to score; nothing was measured"
            case .malformedJSON: "malformed JSON"
            case .notAJSONObject: "expected a JSON object"
            case .claimNotAnObject(let claim): "claim \(claim): expected an object"
            case .malformedPair(let list, let index): "\(list) \(index): expected [quote A, quote B, why]"
            case .missingField(let key, let at): "\(at)missing field '\(key)'"
            case .wrongField(let key, let at, let expected): "\(at)'\(key)' must be \(expected.wording)"
            case .unknownKind(let claim, let kind, let known):
                "claim \(claim): unknown kind '\(kind)' (the rules' kinds: \(known.sorted().joined(separator: ", ")))"
            case .labelledTwice(let file, let firstLine): "'\(file)' is labelled twice (first on line \(firstLine)); this line is skipped"
            case .articleNotFound(let file, let directory): "article '\(file)' not found in \(directory.isEmpty ? "." : directory)"
            case .notALabelledArticle(let file): "article '\(file)' is not a labelled article of this run"
            case .notALabelledQuote(let quote, let file): "\"\(quote)\" is not the quote of a labelled claim of \(file)"
            case .pairQuoteNotLabelled(let list, let index, let quote): "\(list) \(index): \"\(quote)\" is not the quote of a labelled claim"
            case .emptyQuote(let claim): Self.prefix(claim) + "empty quote"
            case .quoteMissing(let quote, let file, let claim): Self.prefix(claim) + "quote \"\(quote)\" is not in \(file)"
            case .quoteRepeated(let quote, let file, let count, let claim):
                Self.prefix(claim) + "quote \"\(quote)\" occurs \(count) times in \(file); a quote must occur once"
            case .boundNotKeyValue(let text): "expected KEY=VALUE, got '\(text)'"
            case .unknownFigure(let key, let known): "unknown figure '\(key)'; known: \(known.joined(separator: ", "))"
            case .boundNotANumber(let value, let text): "'\(value)' is not a number (in '\(text)')"
            case .boundViolated(let figure, let actual, let belowMinimum, let bound):
                "\(figure) is \(actual), \(belowMinimum ? "below the minimum" : "above the maximum") \(bound)"
            }
        }

        private static func prefix(_ claim: Int?) -> String { claim.map { "claim \($0): " } ?? "" }
    }
}

extension Issue.Evaluation.FieldType {
    var wording: String {
        switch self {
        case .string: "a string"
        case .stringOrNull: "a string or null"
        case .numberOrNull: "a number or null"
        case .bool: "true or false"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
