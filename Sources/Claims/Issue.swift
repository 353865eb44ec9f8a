/// The problems claimcheck reports about inputs, projects and outputs, with their wording in
/// one place (SwiftLint's `Issue`): each case knows its severity and message, and becomes a
/// `Diagnostic` at a file, line and column. Rule-file and pattern problems are worded where
/// the rule loader and compiler find them, beside the YAML they describe.
public enum Issue: Sendable, Equatable {
    // Inputs
    case standardInputTwice
    case noSuchFile(directoryToo: Bool)
    case noArticleFiles(extensions: [String])
    case unreadableDirectory(reason: String)
    case unreadableFile(reason: String)
    case brokenLink
    /// A warning when a walk meets it, an error when it was named as an input.
    case notRegularFile(kind: String, named: Bool)
    case silentPipe
    case isDirectory
    case binaryFile
    case noArticleRead
    case unreadableInputList
    // Projects
    case differentProjects([(input: String, config: String)])
    case unreadableConfig
    case configNotUTF8
    case noRuleDirectories
    case unreadableBaseline
    case invalidBaseline(String)
    // Suppressions
    case unknownDirective(String, known: [String])
    case enableWithoutDisable(enable: String, disable: String)
    case unknownCheckInSuppression(String, directive: String, known: [String])
    // Outputs
    case cannotWrite(what: String, step: String, reason: String)

    public var severity: Severity {
        switch self {
        case .notRegularFile(_, let named): named ? .error : .warning
        case .standardInputTwice, .noArticleFiles, .brokenLink, .silentPipe,
             .unknownDirective, .enableWithoutDisable, .unknownCheckInSuppression:
            .warning
        default:
            .error
        }
    }

    public var message: String {
        switch self {
        case .standardInputTwice: "standard input given twice; it is read once"
        case .noSuchFile(let directoryToo): directoryToo ? "no such file or directory" : "no such file"
        case .noArticleFiles(let extensions):
            "no article files in this directory (looked for \(extensions.sorted().map { "." + $0 }.joined(separator: ", ")))"
        case .unreadableDirectory(let reason): "cannot read directory: \(reason)"
        case .unreadableFile(let reason): "cannot read file: \(reason)"
        case .brokenLink: "broken symbolic link skipped"
        case .notRegularFile(let kind, _): "not a regular file (\(kind)); skipped"
        case .silentPipe: "named pipe gave no data (nothing writing to it?); skipped"
        case .isDirectory: "is a directory, not an article"
        case .binaryFile: "binary file skipped (it contains NUL bytes)"
        case .noArticleRead: "no article was read; pass --allow-empty if that is expected"
        case .unreadableInputList: "cannot read the list of input paths"
        case .differentProjects(let inputs):
            "inputs belong to different projects (\(inputs.map { "\($0.input) uses \($0.config)" }.joined(separator: "; "))); check them in separate runs or choose one file with --config"
        case .unreadableConfig: "cannot read configuration file"
        case .configNotUTF8: "configuration file is not valid UTF-8"
        case .noRuleDirectories: "--no-default-rules needs at least one --rules DIR"
        case .unreadableBaseline: "cannot read baseline file"
        case .invalidBaseline(let why): why
        case .unknownDirective(let word, let known):
            "unknown directive '\(word)'\(Suggestion.hint(for: word, in: known)); known directives: \(known.joined(separator: ", "))"
        case .enableWithoutDisable(let enable, let disable): "\(enable) without an open \(disable)"
        case .unknownCheckInSuppression(let id, let directive, let known):
            "unknown check '\(id)'\(Suggestion.hint(for: id, in: known)) in \(directive); known checks: \(known.sorted().joined(separator: ", "))"
        case .cannotWrite(let what, let step, let reason): "cannot write \(what): \(step): \(reason)"
        }
    }

    public func diagnostic(file: String? = nil, line: Int? = nil, column: Int? = nil) -> Diagnostic {
        Diagnostic(severity, file: file, line: line, column: column, message)
    }

    public static func == (a: Issue, b: Issue) -> Bool { a.message == b.message && a.severity == b.severity }
}
