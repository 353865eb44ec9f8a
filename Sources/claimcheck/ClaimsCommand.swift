import ArgumentParser
import Checker
import ClaimStore
import Claims
import Foundation
import Reporters

enum ClaimsFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, csv
}

struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "List the claims recorded in a claims store: what has been said about an event.",
        discussion: """
        Filters combine; text compares case-insensitively with whitespace collapsed. --from and --to bound the claim's own date (YYYY-MM-DD, or a prefix such as 2021-03). text and json are the formats of `extract`; csv adds the article's date and title.

        Exit codes: 0 listed (perhaps nothing), 2 a store or usage error.
        """
    )

    @Option(help: ArgumentHelp("Claims store: a SQLite file or a postgres:// URL. Default: db: in .claimcheck.yml.", valueName: "store"))
    var db: String?

    @Option(help: "Only claims of this kind (crowd, vote_share, ...).")
    var kind: String?

    @Option(help: "Only claims about this place.")
    var place: String?

    @Option(help: "Only claims about this group (supporters, a candidate, ...).")
    var group: String?

    @Option(help: ArgumentHelp("Only claims dated on or after this day.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Only claims dated on or before this day.", valueName: "date"))
    var to: String?

    @Option(help: "Only claims attributed to this source (its text, or its last word: police).")
    var source: String?

    @Option(help: "Output format: text, json or csv.")
    var format: ClaimsFormat = .text

    @Option(help: ArgumentHelp("Configuration file instead of the nearest .claimcheck.yml.", valueName: "file"))
    var config: String?

    @Option(help: "Colour in text output: auto, always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, value.range(of: #"^\d{4}(-\d{2}(-\d{2})?)?$"#, options: .regularExpression) == nil {
                throw ValidationError(Issue.command(.invalidDatePrefix(option: name, value: value)).message)
            }
        }
    }

    func run() throws {
        let settings = try ProjectOptions.resolve(inputs: [], config: config).config
        guard let spec = db ?? settings.db else {
            Console.report(.store(.noStore(configFile: Config.fileName)), color: color)
            throw ExitCode(2)
        }
        guard StoreSpec.isURL(spec) || FileManager.default.fileExists(atPath: spec) else {
            Console.report([Issue.store(.noStoreHere).diagnostic(file: spec)], color: color)
            throw ExitCode(2)
        }
        let store = try StoreAccess.open(spec, color: color)
        let query = ClaimQuery(kind: kind, place: place, group: group, from: from, to: to, source: source)
        let found = try StoreAccess.orExit(color: color) { try store.claims(query) }
        switch format {
        case .text:
            Console.out(ExtractTextReporter(color: color.enabled(for: .standardOutput)).render(ExtractReport(claims: found.map(\.claim))))
        case .json:
            Console.out(ExtractJSONReporter().render(ExtractReport(claims: found.map(\.claim))))
        case .csv:
            Console.out(ClaimsCSV.render(found))
        }
    }
}

/// `claims --format csv`: one row a claim, RFC 4180 quoting.
enum ClaimsCSV {
    static let header = ["path", "line", "column", "article_date", "title", "kind", "low", "high", "approx", "unit",
                         "place", "date", "group", "source", "voice", "quote"]

    static func render(_ claims: [StoredClaim]) -> String {
        var out = header.joined(separator: ",") + "\r\n"
        for stored in claims {
            let c = stored.claim
            let fields = [c.file, String(c.line), String(c.column), stored.articleDate ?? "", stored.title, c.kind,
                          c.value.low.map(JSON.format(number:)) ?? "", c.value.high.map(JSON.format(number:)) ?? "",
                          c.value.approx ? "true" : "false", c.unit, c.context.place ?? "", c.context.date ?? "",
                          c.context.group ?? "", c.source ?? "", c.voice, c.quote]
            out += fields.map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
