import Claims
import Foundation
import Yams

/// Settings from `.claimcheck.yml`. Every field is optional; command-line flags override it.
///
/// ```yaml
/// rules: [Rules, ../shared-rules]   # directories, relative to this file
/// fail-on: warning                  # error | warning | info | never
/// tolerance: 10%                    # or 0.1
/// checks: {conflict: error, unsourced: off}
/// ignore: ["drafts/**", "*.draft.md"]  # globs, relative to this file
/// extensions: [txt, md, markdown]   # what directory walks read
/// db: claims.sqlite                 # claims store (file relative to this file, or postgres:// URL)
/// ```
public struct Config: Equatable, Sendable {
    public static let fileName = InputCollector.configFileName
    public static let keys = ["rules", "fail-on", "checks", "tolerance", "ignore", "extensions", "db"]

    /// The file it was read from, nil for the empty default.
    public var path: String?
    /// Rule directories, already resolved against the config file's directory.
    public var rules: [String] = []
    public var failOn: FailThreshold?
    public var checks: [String: CheckSetting] = [:]
    public var tolerance: Double?
    public var ignore: [String] = []
    /// File extensions a directory walk reads, without dots; nil: the default list.
    public var extensions: [String]?
    /// The claims store for `check --db`, `ingest` and `claims`.
    public var db: String?
    /// Directory that relative rule paths and ignore globs start from.
    public var directory: String = "."

    public init() {}

    /// Nearest `.claimcheck.yml` in `directory` or any parent.
    public static func find(startingAt directory: String) -> String? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    public static func load(path: String) throws -> Config {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Issue.unreadableConfig.diagnostic(file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Issue.configNotUTF8.diagnostic(file: path)
        }
        var config = try parse(text, file: path)
        let directory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        config.directory = directory
        config.rules = config.rules.map { $0.hasPrefix("/") ? $0 : directory + "/" + $0 }
        config.db = config.db.map { $0.hasPrefix("/") || $0.contains("://") ? $0 : directory + "/" + $0 }
        return config
    }

    /// Parses YAML text through the rule files' reader (same line:column errors and
    /// suggestions); relative paths are left as written. The first problem is thrown.
    public static func parse(_ text: String, file: String) throws -> Config {
        var config = Config()
        config.path = file
        var reader = YAMLReader(file: file)
        guard let root = reader.parse(text) else {
            if let first = reader.diagnostics.first { throw first }
            return config
        }
        if YAMLReader.isNull(root) { return config }
        guard let entries = reader.mapping(root, allowed: Set(keys), what: "configuration") else {
            throw reader.diagnostics[0]
        }
        if let first = reader.diagnostics.first { throw first }
        for key in keys {
            guard let value = entries[key] else { continue }
            switch key {
            case "rules": config.rules = try strings(value, key, &reader)
            case "ignore": config.ignore = try strings(value, key, &reader)
            case "extensions":
                config.extensions = try strings(value, key, &reader).map { $0.hasPrefix(".") ? String($0.dropFirst()) : $0 }
            case "db":
                guard let text = value.scalar?.string, !YAMLReader.isNull(value), !text.isEmpty else {
                    throw error(value, file, .badDatabase)
                }
                config.db = text
            case "fail-on":
                guard let text = value.scalar?.string, let threshold = FailThreshold(rawValue: text) else {
                    throw error(value, file, .badFailOn(known: FailThreshold.allCases.map(\.rawValue)))
                }
                config.failOn = threshold
            case "tolerance":
                guard let text = value.scalar?.string, let tolerance = Tolerance.parse(text) else {
                    throw error(value, file, .badTolerance(help: Tolerance.help))
                }
                config.tolerance = tolerance
            default:
                config.checks = try checks(value, file)
            }
        }
        return config
    }

    /// Whether an input path matches an `ignore` glob, taken relative to the config's directory.
    /// A glob without `/` matches the file name at any depth and one ending in `/` a whole
    /// directory, as in `.gitignore`.
    public func isIgnored(_ path: String, workingDirectory: String) -> Bool {
        guard !ignore.isEmpty else { return false }
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        let base = URL(fileURLWithPath: directory).standardizedFileURL.path
        var relative = URL(fileURLWithPath: absolute).standardizedFileURL.path
        if relative.hasPrefix(base + "/") { relative = String(relative.dropFirst(base.count + 1)) }
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        let directories = relative.split(separator: "/").dropLast().map(String.init)
        return ignore.contains { raw in
            var pattern = Substring(raw)
            while pattern.hasPrefix("./") { pattern = pattern.dropFirst(2) }
            // "drafts/" names a directory at any depth, as in .gitignore.
            if pattern.hasSuffix("/"), !pattern.dropLast().contains("/") {
                return directories.contains { Glob.matches(String(pattern.dropLast()), $0) }
            }
            if pattern.hasSuffix("/") { pattern += "**" }
            if !pattern.contains("/") { return Glob.matches(String(pattern), name) }
            return Glob.matches(String(pattern), relative)
        }
    }

    private static func checks(_ node: Node, _ file: String) throws -> [String: CheckSetting] {
        guard let mapping = node.mapping else {
            throw error(node, file, .checksNotAMapping(settings: settingNames))
        }
        var result: [String: CheckSetting] = [:]
        for (keyNode, value) in mapping {
            guard let id = keyNode.string, Checker.checkIDs.contains(id) else {
                let name = keyNode.string ?? "?"
                throw error(keyNode, file, .unknownCheck(name, known: Checker.checkIDs))
            }
            // YAML 1.1 reads a bare `off` as false; accept it as the setting it spells.
            guard let text = value.scalar?.string, let setting = CheckSetting(rawValue: text.lowercased()) else {
                throw error(value, file, .badCheckSetting(check: id, settings: settingNames))
            }
            result[id] = setting
        }
        return result
    }

    private static var settingNames: [String] { CheckSetting.allCases.map(\.rawValue) }

    /// A string or a list of strings; an empty value is a mistake, not "nothing".
    private static func strings(_ node: Node, _ key: String, _ reader: inout YAMLReader) throws -> [String] {
        if YAMLReader.isNull(node) {
            throw error(node, reader.file, .notStrings(key: key))
        }
        let values = reader.strings(node, key) ?? []
        if let first = reader.diagnostics.first { throw first }
        return values
    }

    private static func error(_ node: Node, _ file: String, _ issue: Issue.ProjectFile) -> Diagnostic {
        Issue.projectFile(issue).diagnostic(file: file, line: node.mark?.line, column: node.mark?.column)
    }
}
