import ArgumentParser
import Claims

/// The articles to read and the date to read them against, shared by extract and check.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Articles or directories to read; - for standard input.", valueName: "file"))
    var inputs: [String] = []

    @Option(help: ArgumentHelp("Article date (YYYY-MM-DD) for weekday and \"yesterday\" mentions; overrides the file's date prefix.", valueName: "date"))
    var date: String?

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("no input: give files, directories or - for standard input") }
        if let date, CalendarDate(iso: date) == nil { throw ValidationError("--date must be YYYY-MM-DD, got '\(date)'") }
    }
}
