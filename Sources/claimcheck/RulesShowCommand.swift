import ArgumentParser
import Claims
import PCRE2

/// semgrep's `--dump-ast` for a rule: what the engine made of it. Its patterns as compiled
/// (macros pasted in), the characters a match can start with, and the words one of which every
/// match contains: a sentence without any of them never runs the pattern.
struct RulesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show what rules compile to: patterns, start characters and required words.",
        discussion: """
        For each rule id: its file and line, kind or context, its pattern and every sentence test (prefilter, requires, excludes) as compiled, and for each pattern the characters a match can start with and the words a sentence must contain for the pattern to run at all, as derived from the pattern (\\d: any digit); no match starts after the last of them in a sentence, so the pattern is not tried there ("words: none known" means it runs on every candidate sentence). The words are derived from the pattern and the fragments it calls; see docs/rules.md. Exit code 2 for an unknown id.
        """
    )

    @Argument(help: ArgumentHelp("Rule ids, as `claimcheck rules list` prints them.", valueName: "id"))
    var ids: [String]

    @OptionGroup var project: ProjectRuleOptions

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give at least one rule id") }
    }

    func run() throws {
        let set = try project.load()
        let known = set.claimRules.map(\.id) + set.contextRules.map(\.id)
        var blocks: [String] = []
        for id in ids {
            if let rule = set.claimRules.first(where: { $0.id == id }) {
                var lines = ["\(rule.id)  claim rule, kind \(rule.kind)\(rule.unit.map { ", unit \($0)" } ?? ""), priority \(rule.priority)",
                             "  \(rule.file):\(rule.line)"]
                if !rule.description.isEmpty { lines.append("  " + rule.description) }
                lines += Self.describe("pattern", rule.regex)
                for prefilter in rule.prefilters { lines += Self.describe("prefilter", prefilter) }
                if let requires = rule.requires { lines += Self.describe("requires", requires) }
                if let excludes = rule.excludes { lines += Self.describe("excludes", excludes) }
                blocks.append(lines.joined(separator: "\n"))
            } else if let rule = set.contextRules.first(where: { $0.id == id }) {
                let scope = rule.appliesTo.isEmpty ? "" : ", for \(rule.appliesTo.sorted().joined(separator: ", "))"
                var lines = ["\(rule.id)  context rule, \(rule.role.rawValue)\(scope), attach \(rule.attach.rawValue)", "  \(rule.file):\(rule.line)"]
                if !rule.description.isEmpty { lines.append("  " + rule.description) }
                lines += Self.describe("pattern", rule.regex)
                for prefilter in rule.prefilters { lines += Self.describe("prefilter", prefilter) }
                blocks.append(lines.joined(separator: "\n"))
            } else {
                Console.error("claimcheck: " + Issue.command(.unknownRule(id, known: known)).message + "\n")
                throw ExitCode(2)
            }
        }
        Console.out(blocks.joined(separator: "\n\n") + "\n")
    }

    /// One pattern: its own text (without the fragments it calls), start class and words.
    static func describe(_ what: String, _ regex: Regex) -> [String] {
        var text = regex.pattern
        if let define = text.range(of: "\n)(?(DEFINE)") { text = String(text[..<define.lowerBound]) }
        if text.hasPrefix("(?:"), !regex.pattern.contains("\n)(?(DEFINE)") { text.removeLast(2) }
        if text.hasPrefix("(?:") { text.removeFirst(3) }
        // `\d` stands for any digit ("\dth"); a set of short or common words still gates and bounds.
        let words = regex.bound.map { $0.map { $0.replacingOccurrences(of: LiteralAnalyser.digit, with: "\\d") }.joined(separator: ", ") }
            ?? "none known: runs on every candidate sentence"
        var lines = ["  \(what): \(text)",
                     "    starts with: \(regex.startClass.map(readable) ?? "any character")"]
        if let starts = regex.starts {
            // Tried only where a match can begin with these bytes ("…": anything may follow).
            let entries = starts.summary.split(separator: " ")
            let shown = entries.prefix(12).joined(separator: " ") + (entries.count > 12 ? " and \(entries.count - 12) more" : "")
            lines.append("    tried where it begins: \(shown)")
        }
        return lines + ["    words: \(words)"]
    }

    /// A start class as `StartClass` writes it ("[\\x{30}\\x{31}…\\x{80}-\\x{bf}]") in short:
    /// adjacent characters merged into ranges, printable ASCII as itself.
    static func readable(_ startClass: String) -> String {
        var ranges: [ClosedRange<UInt32>] = []
        var rest = Substring(startClass)
        func code() -> UInt32? {
            guard rest.hasPrefix("\\x{"), let close = rest.firstIndex(of: "}") else { return nil }
            let value = UInt32(rest[rest.index(rest.startIndex, offsetBy: 3)..<close], radix: 16)
            rest = rest[rest.index(after: close)...]
            return value
        }
        rest = rest.drop(while: { $0 == "[" })
        while let low = code() {
            var high = low
            if rest.hasPrefix("-") {
                rest = rest.dropFirst()
                high = code() ?? low
            }
            if let last = ranges.last, last.upperBound + 1 >= low { ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, high) }
            else { ranges.append(low...high) }
        }
        guard rest == "]", !ranges.isEmpty else { return startClass }
        func show(_ value: UInt32) -> String {
            if value > 0x20, value < 0x7F, let scalar = Unicode.Scalar(value) {
                let character = String(Character(scalar))
                return "]\\-^".contains(character) ? "\\" + character : character
            }
            return "\\x{" + String(value, radix: 16) + "}"
        }
        return "[" + ranges.map { $0.lowerBound == $0.upperBound ? show($0.lowerBound) : show($0.lowerBound) + "-" + show($0.upperBound) }.joined() + "]"
    }
}
