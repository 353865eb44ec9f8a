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

    /// Finds every suppression comment in `text`. A comment must open and close on one line.
    public static func scan(_ text: String, file: String) -> [Suppression] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var found: [Suppression] = []
        for (index, line) in lines.enumerated() {
            var rest = Substring(line)
            while let open = rest.firstRange(of: "<!--") {
                guard let close = rest[open.upperBound...].firstRange(of: "-->") else { break }
                let body = rest[open.upperBound..<close.lowerBound]
                if let checks = parse(body) {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    let next = index + 1 < lines.count ? lines[index + 1] : ""
                    found.append(Suppression(file: file, line: index + 1, column: column, checks: checks,
                                             targetText: trimmed(next)))
                }
                rest = rest[close.upperBound...]
            }
        }
        return found
    }

    /// The ids after the directive, or nil when the comment is something else.
    static func parse(_ body: Substring) -> [String]? {
        let words = body.split(whereSeparator: { $0.isWhitespace || $0 == "," })
        guard let first = words.first, first == directive else { return nil }
        return words.dropFirst().map(String.init)
    }

    private static func trimmed(_ text: Substring) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
