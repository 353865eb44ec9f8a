/// A problem with an input or rule file, reported to the user; never thrown past the CLI.
public struct Diagnostic: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String
    /// Extra lines shown under the message (a pattern with a caret, say).
    public var detail: [String]

    public init(_ severity: Severity = .error, file: String? = nil, line: Int? = nil, column: Int? = nil,
                _ message: String, detail: [String] = []) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.detail = detail
    }

    /// "file:line:col: error: message", omitting what is unknown.
    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line { location += ":\(line)" }
            if let line, line > 0, let column { location += ":\(column)" }
            location += ": "
        }
        return ([location + "\(severity.diagnosticLabel): \(message)"] + detail).joined(separator: "\n")
    }
}
