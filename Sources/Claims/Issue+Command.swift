extension Issue {
    /// The command line's own errors: options that do not fit together or do not parse, and
    /// runs that cannot start. `expected` carries wording owned by a module this one cannot see.
    public enum Command: Sendable {
        // MARK: - Commands and options
        case unknownCommand(String, known: [String])
        case noInput
        case standardInputForBoth
        case invalidDate(String)
        case invalidDatePrefix(option: String, value: String)
        case invalidJobs(Int)
        case invalidTolerance(String, expected: String)
        case invalidBound(option: String, Evaluation)
        case twoReportsToStandardOutput
        case sameOutputFile
        case unknownRule(String, known: [String])
        // MARK: - Runs that cannot start
        case noDefaultRules
        case ruleErrors(count: Int)
        // MARK: - Notes
        case staleArticles(count: Int)

        public var severity: Severity {
            if case .staleArticles = self { return .info }
            return .error
        }

        public var message: String {
            switch self {
            case .unknownCommand(let name, let known):
                "unknown command '\(name)'\(Suggestion.hint(for: name, in: known)); commands: \(known.joined(separator: ", "))"
            case .noInput: "no input: give files, directories, - for standard input, or --files-from"
            case .standardInputForBoth: "standard input cannot be both a list of paths (--files-from -) and an article (-)"
            case .invalidDate(let date): "--date must be YYYY-MM-DD, got '\(date)'"
            case .invalidDatePrefix(let option, let value): "\(option) must be YYYY-MM-DD, YYYY-MM or YYYY, got '\(value)'"
            case .invalidJobs(let jobs): "--jobs must be at least 1, got \(jobs)"
            case .invalidTolerance(let tolerance, let expected): "--tolerance must be \(expected), got '\(tolerance)'"
            case .invalidBound(let option, let problem): "\(option): \(problem.message)"
            case .twoReportsToStandardOutput: "only one report can go to standard output; give the others a file with --output FORMAT=PATH"
            case .sameOutputFile: "two --output options name the same file"
            case .unknownRule(let id, let known): "no rule '\(id)'\(Suggestion.hint(for: id, in: known)); `claimcheck rules list` lists them"
            case .noDefaultRules:
                "no default rules found (looked for Rules and ../share/claimcheck/Rules beside the executable, and the package it was built in); pass --rules DIR"
            case .ruleErrors(let count): "\(count) rule error\(count == 1 ? "" : "s"); nothing was checked"
            case .staleArticles(let count):
                "\(count) unchanged article\(count == 1 ? " was" : "s were") extracted with other rules; --refresh re-extracts"
            }
        }
    }
}
