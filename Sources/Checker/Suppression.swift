import Claims

/// An inline comment in an article that silences findings:
/// `<!-- claimcheck-disable-next-line [ids] -->` (the next line),
/// `<!-- claimcheck-disable [ids] -->` … `<!-- claimcheck-enable [ids] -->` (the lines between),
/// `<!-- claimcheck-disable-file [ids] -->` (the whole file).
/// A finding is silenced when its primary claim (for conflicts: any claim) starts on a covered line.
public struct Suppression: Equatable, Hashable, Sendable {
    public enum Scope: String, Sendable, CaseIterable {
        case nextLine = "claimcheck-disable-next-line"
        case block = "claimcheck-disable"
        case file = "claimcheck-disable-file"
    }

    public static let directive = Scope.nextLine.rawValue
    public static let enableDirective = "claimcheck-enable"
    /// Every directive a comment may start with, for "did you mean" hints.
    public static let directives = Scope.allCases.map(\.rawValue) + [enableDirective]

    public var file: String
    /// 1-based line and column (in characters) of the comment.
    public var line: Int
    public var column: Int
    /// Check ids named in the comment; empty means every check.
    public var checks: [String]
    /// The trimmed text of the line it covers (for a block or file: the comment's own line),
    /// so its fingerprint survives line moves.
    public var targetText: String
    public var scope: Scope
    /// The lines it silences.
    public var covered: ClosedRange<Int>

    public init(file: String, line: Int, column: Int, checks: [String], targetText: String = "",
                scope: Scope = .nextLine, covered: ClosedRange<Int>? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.checks = checks
        self.targetText = targetText
        self.scope = scope
        self.covered = covered ?? (line + 1)...(line + 1)
    }

    public var targetLine: Int { covered.lowerBound }

    public func covers(check: String) -> Bool {
        checks.isEmpty || checks.contains(check)
    }

    /// What `scan` found: the suppressions, and warnings for directives it could not use
    /// (a misspelt directive, an enable with no open disable).
    public struct ScanResult: Sendable {
        public var suppressions: [Suppression] = []
        public var warnings: [Diagnostic] = []
    }

    /// Finds every suppression comment in a document. A comment must open and close on one line.
    public static func scan(_ document: Document) -> [Suppression] {
        scanReporting(document).suppressions
    }

    public static func scanReporting(_ document: Document) -> ScanResult {
        var result = ScanResult()
        guard document.lineCount > 0 else { return result }
        var open: [Suppression] = []
        for number in 1...document.lineCount {
            let line = document.line(number)
            guard line.contains("claimcheck") else { continue }
            var rest = Substring(line)
            while let start = rest.firstRange(of: "<!--") {
                guard let close = rest[start.upperBound...].firstRange(of: "-->") else { break }
                // Columns count Unicode scalars, as `Document.position(of:)` does.
                let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex,
                                                          to: start.lowerBound) + 1
                let words = rest[start.upperBound..<close.lowerBound].split(whereSeparator: { $0.isWhitespace || $0 == "," })
                rest = rest[close.upperBound...]
                guard let first = words.first.map(String.init), first.hasPrefix("claimcheck") else { continue }
                // Each id once: a comment repeating an id a million times is one id, not a
                // million warnings and a minute of rendering them.
                var named = Set<Substring>()
                let checks = words.dropFirst().filter { named.insert($0).inserted }.map(String.init)
                let here = Suppression(file: document.path, line: number, column: column, checks: checks,
                                       targetText: trimmed(line))
                switch first {
                case Scope.nextLine.rawValue:
                    var next = here
                    next.targetText = trimmed(document.line(number + 1))
                    result.suppressions.append(next)
                case Scope.file.rawValue:
                    var whole = here
                    whole.scope = .file
                    whole.covered = 1...document.lineCount
                    result.suppressions.append(whole)
                case Scope.block.rawValue:
                    var block = here
                    block.scope = .block
                    open.append(block)
                case enableDirective:
                    // An enable closes the open blocks it names (all of them when it names none).
                    let closing = open.indices.filter { checks.isEmpty || Set(open[$0].checks) == Set(checks) }
                    if closing.isEmpty {
                        result.warnings.append(Issue.enableWithoutDisable(enable: enableDirective, disable: Scope.block.rawValue)
                            .diagnostic(file: document.path, line: number, column: column))
                    }
                    for index in closing {
                        open[index].covered = (open[index].line + 1)...max(open[index].line + 1, number)
                        result.suppressions.append(open[index])
                    }
                    for index in closing.reversed() { open.remove(at: index) }
                default:
                    result.warnings.append(Issue.unknownDirective(first, known: directives)
                        .diagnostic(file: document.path, line: number, column: column))
                }
            }
        }
        // A block never enabled again runs to the end of the file.
        for var block in open {
            block.covered = (block.line + 1)...max(block.line + 1, document.lineCount)
            result.suppressions.append(block)
        }
        result.suppressions.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return result
    }

    public static func scan(_ text: String, file: String) -> [Suppression] {
        scan(Document(path: file, text: text))
    }

    private static func trimmed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
