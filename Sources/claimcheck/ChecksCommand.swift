import ArgumentParser
import Checker

/// The checks from `Checker.registry`, the one list `--help`, SARIF, configuration
/// validation and the README's table come from.
struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks",
        abstract: "List the checks with their default severity and what each finds.",
        discussion: "--format markdown prints the table in the README's \"The checks\" section (a test keeps the two the same)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    @Option(help: "text (one check a line) or markdown (the README's table).")
    var format: Format = .text

    func run() throws {
        switch format {
        case .text:
            Console.out(Checker.registry.map { "\($0.id)\t\($0.defaultSeverity.rawValue)\t\($0.summary)" }.joined(separator: "\n") + "\n")
        case .markdown:
            Console.out(Self.markdownTable)
        }
    }

    static var markdownTable: String {
        var lines = ["| id | default | finds |", "| --- | --- | --- |"]
        for check in Checker.registry {
            lines.append("| `\(check.id)` | \(check.defaultSeverity.rawValue) | \(check.description.replacingOccurrences(of: "|", with: "\\|")) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
