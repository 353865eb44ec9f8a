import ArgumentParser
import Claims
import Frontend
import Foundation

/// The articles to read and the date to read them against, shared by extract and check.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Articles or directories to read; - for standard input.", valueName: "file"))
    var inputs: [String] = []

    @Option(help: ArgumentHelp(
        "Read more input paths from this file, one per line (- for standard input). Faster than a very long argument list.",
        valueName: "file"))
    var filesFrom: String?

    @Flag(help: "Succeed even when no article is read (by default that is an error: a mistyped path must not pass).")
    var allowEmpty = false

    @Option(help: ArgumentHelp("Article date (YYYY-MM-DD) for weekday and \"yesterday\" mentions; overrides the file's own date.", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("Configuration file instead of the nearest .claimcheck.yml above each input.", valueName: "file"))
    var config: String?

    @Flag(help: "Walk directories without honouring .gitignore and .claimcheckignore files.")
    var noIgnore = false

    @Flag(help: "Walk into hidden files and directories (names starting with a dot).")
    var hidden = false

    @OptionGroup var runOptions: RunOptions

    func validate() throws {
        try runOptions.validate()
        if inputs.isEmpty, filesFrom == nil {
            throw ValidationError(Issue.command(.noInput).message)
        }
        if filesFrom == "-", inputs.contains("-") {
            throw ValidationError(Issue.command(.standardInputForBoth).message)
        }
        if let date, CalendarDate(iso: date) == nil { throw ValidationError(Issue.command(.invalidDate(date)).message) }
    }
}

extension InputOptions {
    /// Reading nothing at all is an error unless --allow-empty (`Frontend.emptyRunProblems`).
    func emptyRunProblems(articlesRead: Int, diagnostics: [Diagnostic]) -> [Diagnostic] {
        Frontend.emptyRunProblems(articlesRead: articlesRead, allowEmpty: allowEmpty, diagnostics: diagnostics)
    }

    /// The paths to read: the arguments, then those listed in --files-from.
    func allInputs() throws -> [String] {
        guard let filesFrom else { return inputs }
        let data = filesFrom == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: filesFrom)
        guard let data, let text = String(data: data, encoding: .utf8) else {
            Console.report([Issue.unreadableInputList.diagnostic(file: filesFrom)])
            throw ExitCode(2)
        }
        let listed = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return inputs + listed
    }
}

/// `--jobs`, `--quiet` and `--exit-detail`, shared by extract, check and eval.
struct RunOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Files read in parallel (at least 1). Output is the same whatever N. Default: the number of cores.",
                               valueName: "n"))
    var jobs: Int?

    @Flag(help: "No progress line and no warnings or notes on standard error; errors are still shown.")
    var quiet = false

    @Flag(help: "Exit with a code per kind of error (3 configuration, 4 rules, 5 input, 6 output) instead of 2.")
    var exitDetail = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError(Issue.command(.invalidJobs(jobs)).message) }
    }

    var workers: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The diagnostics to print on standard error: only errors under --quiet.
    func shown(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
    }
}

extension RunOptions {
    /// Ends the command with the status's exit code (nothing when it succeeded).
    func exit(with status: RunStatus) throws {
        let code = status.exitCode(detailed: exitDetail)
        if code != 0 { throw ExitCode(code) }
    }
}
