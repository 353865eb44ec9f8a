/// The problems claimcheck reports, with their wording in one place (SwiftLint's `Issue`): each
/// case knows its severity and message, and becomes a `Diagnostic` at a file, line and column.
/// Inputs, projects, suppressions, outputs, articles, rule loading and `explain` are worded
/// here; the larger areas each have a nested enum worded in a file named for it:
/// `Issue+RuleSchema.swift` (what a rule file's keys must be), `Issue+Evaluation.swift` (labels
/// and `eval` bounds), `Issue+Store.swift` (the claims store), `Issue+Report.swift` (the HTML
/// template) and `Issue+Command.swift` (the command line's own errors).
public enum Issue: Sendable, Equatable {
    // MARK: - Inputs
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
    case nestedConfigIgnored
    case unreadableInputList
    // MARK: - Projects
    case differentProjects([(input: String, config: String)])
    case unreadableConfig
    case configNotUTF8
    case noRuleDirectories
    case unreadableBaseline
    // MARK: - Suppressions
    case unknownDirective(String, known: [String])
    case enableWithoutDisable(enable: String, disable: String)
    case unknownCheckInSuppression(String, directive: String, known: [String])
    // MARK: - Outputs
    case cannotWrite(what: String, step: String, reason: String)
    // MARK: - Articles as the extractor reads them
    case invalidUTF8(offset: Int)
    case convertedEncoding(String)
    case invalidArticleDate(String)
    case sentenceCut(maxLength: Int, more: Int)
    case matchingStopped(rule: String, reason: String)
    case valueTooLarge(rule: String, quote: String)
    // MARK: - Rule files and YAML
    case rulesDirectoryMissing
    case noRuleFiles
    case unreadableRuleFile
    case ruleFileNotUTF8
    case lexiconPatternDoesNotCompile(pattern: String, error: String)
    case lexiconPatternMissesGroup(pattern: String, group: String)
    case unitNameClash(String)
    case duplicateRuleID(String, first: String)
    case noClaimRules
    case aliasInKey(String)
    case aliasExpansion(name: String, budget: Int)
    // MARK: - explain
    case noSentenceOnLine
    case lineOutOfRange(line: Int, count: Int)
    case notALineNumber(String)
    case lineTooLarge(String)
    case lineBelowOne(String)
    // MARK: - Areas worded in their own files
    case ruleSchema(RuleSchema)
    case evaluation(Evaluation)
    case store(Store)
    case report(Report)
    case command(Command)
    case projectFile(ProjectFile)

    public var severity: Severity {
        switch self {
        case .ruleSchema: .error
        case .evaluation: .error
        case .store(let issue): issue.severity
        case .report: .error
        case .projectFile: .error
        case .command(let issue): issue.severity
        case .notRegularFile(_, let named): named ? .error : .warning
        case .nestedConfigIgnored: .info
        case .standardInputTwice, .noArticleFiles, .brokenLink, .silentPipe,
             .unknownDirective, .enableWithoutDisable, .unknownCheckInSuppression,
             .invalidUTF8, .convertedEncoding, .invalidArticleDate, .sentenceCut, .valueTooLarge, .noRuleFiles:
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
        case .nestedConfigIgnored:
            "not applied: a run uses the configuration of the inputs it was given, not one inside a walked directory; check this directory on its own to use it"
        case .noArticleRead: "no article was read; pass --allow-empty if that is expected"
        case .unreadableInputList: "cannot read the list of input paths"
        case .differentProjects(let inputs):
            "inputs belong to different projects (\(inputs.map { "\($0.input) uses \($0.config)" }.joined(separator: "; "))); check them in separate runs or choose one file with --config"
        case .unreadableConfig: "cannot read configuration file"
        case .configNotUTF8: "configuration file is not valid UTF-8"
        case .noRuleDirectories: "--no-default-rules needs at least one --rules DIR"
        case .unreadableBaseline: "cannot read baseline file"
        case .unknownDirective(let word, let known):
            "unknown directive '\(word)'\(Suggestion.hint(for: word, in: known)); known directives: \(known.joined(separator: ", "))"
        case .enableWithoutDisable(let enable, let disable): "\(enable) without an open \(disable)"
        case .unknownCheckInSuppression(let id, let directive, let known):
            "unknown check '\(id)'\(Suggestion.hint(for: id, in: known)) in \(directive); known checks: \(known.sorted().joined(separator: ", "))"
        case .cannotWrite(let what, let step, let reason): "cannot write \(what): \(step): \(reason)"
        case .invalidUTF8(let offset): "invalid UTF-8 (byte offset \(offset)); shown as U+FFFD, the text around it is still read"
        case .convertedEncoding(let encoding):
            "\(encoding) text converted to UTF-8 (lines and columns are the file's; start/end count UTF-8 bytes)"
        case .invalidArticleDate(let text):
            "'\(text)' is not a valid article date (expected YYYY-MM-DD with a real date); the article has no date"
        case .sentenceCut(let maxLength, let more):
            "no sentence end within \(maxLength) bytes: the text was cut at whitespace here"
                + (more > 0 ? " (and \(more) more cut\(more == 1 ? "" : "s"))" : "") + "; a claim across a cut may lose its context"
        case .matchingStopped(let rule, let reason):
            "rule \(rule): matching stopped in the sentence starting here: \(reason); the rule's remaining matches in this file are skipped"
        case .valueTooLarge(let rule, let quote):
            "rule \(rule): \"\(quote.count > 80 ? String(quote.prefix(80)) + "…" : quote)\" is too large to be a claim (above 1e15); dropped"
        case .rulesDirectoryMissing: "rules directory not found"
        case .noRuleFiles: "no .yml rule files in this directory"
        case .unreadableRuleFile: "cannot read rule file"
        case .ruleFileNotUTF8: "rule file is not valid UTF-8"
        case .lexiconPatternDoesNotCompile(let pattern, let error): "pattern '\(pattern)' does not compile: \(error)"
        case .lexiconPatternMissesGroup(let pattern, let group): "pattern '\(pattern)' must capture (?<\(group)>...)"
        case .unitNameClash(let name): "unit name \(name) belongs to two units"
        case .duplicateRuleID(let id, let first): "duplicate rule id '\(id)' (first defined at \(first))"
        case .noClaimRules: "no claim rules found"
        case .aliasInKey(let name): "YAML alias *\(name) used in a mapping key; aliases are not allowed in keys"
        case .aliasExpansion(let name, let budget): "YAML aliases expand to more than \(budget) nodes (at *\(name)); the file is not read"
        case .noSentenceOnLine: "no sentence on this line (it is blank or only a date prefix)"
        case .lineOutOfRange(let line, let count): "line \(line) is past the end of the file (\(count) line\(count == 1 ? "" : "s"))"
        case .notALineNumber(let text): "'\(text)' is not a line number (expected FILE:LINE with LINE from 1)"
        case .lineTooLarge(let text): "line \(text) is too large"
        case .lineBelowOne(let text): "line numbers start at 1, got \(text)"
        case .ruleSchema(let issue): issue.message
        case .evaluation(let issue): issue.message
        case .store(let issue): issue.message
        case .report(let issue): issue.message
        case .command(let issue): issue.message
        case .projectFile(let issue): issue.message
        }
    }

    public func diagnostic(file: String? = nil, line: Int? = nil, column: Int? = nil, detail: [String] = []) -> Diagnostic {
        Diagnostic(severity, file: file, line: line, column: column, message, detail: detail)
    }

    public static func == (a: Issue, b: Issue) -> Bool { a.message == b.message && a.severity == b.severity }
}
