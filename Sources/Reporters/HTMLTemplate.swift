import Claims
import Foundation
import Mustache

/// The report's page as a Mustache template, so a newsroom can restyle it without
/// recompiling. `{{name}}` escapes for HTML; the shipped template never uses `{{{ }}}`.
public struct HTMLTemplate: Sendable {
    /// Where the template came from, for messages.
    public let path: String
    private let template: MustacheTemplate

    /// The shipped template's file name.
    public static let fileName = "report.html.mustache"
    /// Stands in the template's Content-Security-Policy for the hashes of its own scripts.
    static let scriptHashesMarker = "__CLAIMCHECK_SCRIPT_HASHES__"

    /// Parses `text`; a syntax error is a diagnostic naming `path`, line and column.
    public init(text: String, path: String) throws {
        self.path = path
        do {
            template = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw Issue.report(.templateSyntax(HTMLTemplate.syntax(error.error)))
                .diagnostic(file: path, line: error.context.lineNumber, column: error.context.columnNumber)
        }
    }

    static func syntax(_ error: Error) -> Issue.Report.TemplateSyntax {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: .sectionClosedByOther
        case .unfinishedName: .unfinishedTag
        case .expectedSectionEnd: .unclosedSection
        case .invalidSetDelimiter: .invalidSetDelimiter
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: .invalidPragma
        default: .other("\(error)")
        }
    }

    /// A page saying no template was given, for callers that forgot one.
    public static let missing: HTMLTemplate = {
        // A constant that parses; the force is checked by the unit tests.
        try! HTMLTemplate(text: "<!DOCTYPE html>\n<title>claimcheck</title>\n<p>No HTML template was given.</p>\n", path: "(none)")
    }()

    /// Reads and parses the template at `path`.
    public static func load(path: String) throws -> HTMLTemplate {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Issue.report(.unreadableTemplate).diagnostic(file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Issue.report(.templateNotUTF8).diagnostic(file: path)
        }
        return try HTMLTemplate(text: text, path: path)
    }

    /// The shipped template: `Templates/` beside the shipped `Rules/` directory (found relative
    /// to the executable, never to where it was compiled), then beside the executable (or in
    /// `../share/claimcheck/Templates`).
    public static func defaultPath(rulesDirectory: String?, executablePath: String? = nil) -> String? {
        var directories: [URL] = []
        if let rulesDirectory {
            directories.append(URL(fileURLWithPath: rulesDirectory).deletingLastPathComponent().appendingPathComponent("Templates"))
        }
        if let executablePath {
            let executableDirectory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
            directories.append(executableDirectory.appendingPathComponent("Templates"))
            directories.append(executableDirectory.appendingPathComponent("../share/claimcheck/Templates"))
        }
        return directories.map { $0.appendingPathComponent(fileName).standardizedFileURL.path }
            .first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// Renders the page, then lists the SHA-256 of every inline script in its
    /// Content-Security-Policy, so only the template's own scripts may run.
    func render(_ context: [String: Any]) -> String {
        var page = Array(template.render(context).utf8)
        let marker = Array(HTMLTemplate.scriptHashesMarker.utf8)
        if let at = HTMLTemplate.find(marker, in: page, from: 0) {
            let hashes = HTMLTemplate.inlineScripts(in: page).map { "'sha256-" + HTMLDigest.base64(HTMLDigest.sha256(Array($0))) + "'" }
            page.replaceSubrange(at..<at + marker.count, with: (hashes.isEmpty ? "'none'" : hashes.joined(separator: " ")).utf8)
        }
        if page.last != UInt8(ascii: "\n") { page.append(UInt8(ascii: "\n")) }
        return String(decoding: page, as: UTF8.self)
    }

    /// The bytes of each `<script>` element without a `src`. Untrusted text is escaped, so
    /// every `<script` in the page is the template's own.
    static func inlineScripts(in page: [UInt8]) -> [ArraySlice<UInt8>] {
        let open = Array("<script".utf8), close = Array("</script".utf8), src = Array("src=".utf8)
        var scripts: [ArraySlice<UInt8>] = []
        var cursor = 0
        while let start = find(open, in: page, from: cursor),
              let tagEnd = page[(start + open.count)...].firstIndex(of: UInt8(ascii: ">")),
              let end = find(close, in: page, from: tagEnd + 1) {
            if find(src, in: Array(page[start..<tagEnd]), from: 0) == nil { scripts.append(page[(tagEnd + 1)..<end]) }
            cursor = end + close.count
        }
        return scripts
    }

    static func inlineScripts(in page: String) -> [String] {
        inlineScripts(in: Array(page.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The first offset of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = from
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
