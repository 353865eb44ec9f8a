import ArgumentParser
import Claims
import Foundation

/// One `--output FORMAT=PATH`: a report in FORMAT written to PATH (`-` for standard output).
struct OutputSpec<Format: RawRepresentable & CaseIterable>: ExpressibleByArgument where Format.RawValue == String {
    var format: Format
    var path: String

    init(format: Format, path: String) {
        self.format = format
        self.path = path
    }

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="),
              let format = Format(rawValue: String(argument[..<equals]).lowercased()) else { return nil }
        let path = String(argument[argument.index(after: equals)...])
        guard !path.isEmpty else { return nil }
        self.init(format: format, path: path)
    }

    static var formats: String { Format.allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Where reports go: every `--output`, else `--format` on standard output.
enum Outputs {
    /// Writes each rendering, which `render` hands to its sink in pieces: standard output gets
    /// them as they come, a file is written whole or not at all. Returns the write problems.
    static func write<Format>(_ outputs: [OutputSpec<Format>],
                              render: (Format, _ toTerminal: Bool, _ sink: (String) -> Void) -> Void) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for output in outputs {
            if output.path == "-" {
                render(output.format, true) { Console.out($0) }
                continue
            }
            var text = ""
            render(output.format, false) { text += $0 }
            do {
                try AtomicFile.write(Array(text.utf8), to: output.path,
                                     what: "\(output.format.rawValue) report")
            } catch {
                problems.append((error as? Diagnostic) ?? Diagnostic(file: output.path, "\(error)"))
            }
        }
        return problems
    }

    /// `--output` values, or `--format` (default `fallback`) on standard output; standard output
    /// may take one report only.
    static func resolve<Format>(_ outputs: [OutputSpec<Format>], format: Format?, fallback: Format) throws -> [OutputSpec<Format>] {
        var all = outputs
        if let format { all.insert(OutputSpec(format: format, path: "-"), at: 0) }
        if all.isEmpty { all = [OutputSpec(format: fallback, path: "-")] }
        if all.filter({ $0.path == "-" }).count > 1 {
            throw ValidationError(Issue.command(.twoReportsToStandardOutput).message)
        }
        let files = all.filter { $0.path != "-" }.map { URL(fileURLWithPath: $0.path).standardizedFileURL.path }
        if Set(files).count != files.count { throw ValidationError(Issue.command(.sameOutputFile).message) }
        return all
    }
}
