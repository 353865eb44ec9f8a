import ArgumentParser
import Claims
import Foundation
import Reporters

/// `--template`, and the run facts `--format html` shows.
struct HTMLReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Mustache template for --format html instead of the shipped Templates/report.html.mustache.",
        valueName: "file"))
    var template: String?

    /// Loads the template (a missing or malformed one stops the command with exit code 2)
    /// and gathers what the page shows besides findings and claims.
    func settings(command: String, ruleDirectories: [String], tolerance: Double = 0.1,
                  exitStatus: Int32? = nil, color: ColorChoice) throws -> HTMLSettings {
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let path = template ?? HTMLTemplate.defaultPath(rulesDirectory: RuleLoader.defaultDirectory(executablePath: executable),
                                                        executablePath: executable)
        guard let path else {
            Console.report(.report(.noTemplateFound(fileName: HTMLTemplate.fileName)), color: color)
            throw ExitCode(2)
        }
        let loaded: HTMLTemplate
        do {
            loaded = try HTMLTemplate.load(path: path)
        } catch let diagnostic as Diagnostic {
            Console.report([diagnostic], color: color)
            throw ExitCode(2)
        }
        return HTMLSettings(template: loaded, command: command, toolVersion: Claimcheck.version,
                            generated: Self.now(), tolerance: tolerance, ruleDirectories: ruleDirectories,
                            exitStatus: exitStatus, sourceRoot: FileManager.default.currentDirectoryPath,
                            articleBytes: { path in
                                path == "-" ? nil : FileManager.default.contents(atPath: path).map { Array($0) }
                            })
    }

    /// UTC now, or SOURCE_DATE_EPOCH when set, for reproducible reports.
    static func now() -> String {
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: epoch.map { Date(timeIntervalSince1970: $0) } ?? Date())
    }
}
