import Claims

/// An inline `<!-- claimcheck-disable-next-line [ids] -->` comment in an article.
/// It silences findings whose primary claim (for conflicts: any claim) starts on the next line.
public struct Suppression: Equatable, Hashable, Sendable {
    public static let directive = "claimcheck-disable-next-line"

    public var file: String
    /// 1-based line and column (in characters) of the comment.
    public var line: Int
    public var column: Int
    /// Check ids named in the comment; empty means every check.
    public var checks: [String]
    /// The trimmed text of the line it covers, so its fingerprint survives line moves.
    public var targetText: String

    public init(file: String, line: Int, column: Int, checks: [String], targetText: String = "") {
        self.file = file
        self.line = line
        self.column = column
        self.checks = checks
        self.targetText = targetText
    }

    public var targetLine: Int { line + 1 }

    public func covers(check: String) -> Bool {
        checks.isEmpty || checks.contains(check)
    }

    /// Finds every suppression comment in a document. A comment must open and close on one line.
    public static func scan(_ document: Document) -> [Suppression] {
        var found: [Suppression] = []
        guard document.lineCount > 0 else { return found }
        for number in 1...document.lineCount {
            let line = document.line(number)
            guard line.contains("claimcheck") else { continue }
            var rest = Substring(line)
            while let open = rest.firstRange(of: "<!--") {
                guard let close = rest[open.upperBound...].firstRange(of: "-->") else { break }
                if let checks = parse(rest[open.upperBound..<close.lowerBound]) {
                    // Columns count Unicode scalars, as `Document.position(of:)` does.
                    let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex,
                                                              to: open.lowerBound) + 1
                    found.append(Suppression(file: document.path, line: number, column: column, checks: checks,
                                             targetText: trimmed(document.line(number + 1))))
                }
                rest = rest[close.upperBound...]
            }
        }
        return found
    }

    public static func scan(_ text: String, file: String) -> [Suppression] {
        scan(Document(path: file, text: text))
    }

    /// The ids after the directive, or nil when the comment is something else.
    static func parse(_ body: Substring) -> [String]? {
        let words = body.split(whereSeparator: { $0.isWhitespace || $0 == "," })
        guard let first = words.first, first == directive else { return nil }
        return words.dropFirst().map(String.init)
    }

    private static func trimmed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
