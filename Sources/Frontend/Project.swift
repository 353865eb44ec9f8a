import Checker
import Claims
import Foundation

/// The project a run belongs to: the configuration in effect and the root that paths in
/// fingerprints and reports are relative to.
///
/// `.claimcheck.yml` is looked for upward from each input (a directory from itself, a file
/// from its directory), as swift-format does, then from the working directory; `--config`
/// overrides both. Inputs of one run must agree on it: their claims are compared with each other.
public struct Project: Sendable {
    public var config: Config
    /// The config file's directory, else the deepest directory holding every input.
    public var root: String?

    public init(config: Config = Config(), root: String? = nil) {
        self.config = config
        self.root = root
    }

    /// Reads the configuration for `inputs`; a bad or ambiguous one is thrown as a diagnostic.
    public static func resolve(inputs: [String], explicitConfig: String?, workingDirectory: String) throws -> Project {
        guard let path = try configPath(inputs: inputs, explicitConfig: explicitConfig, workingDirectory: workingDirectory) else {
            return Project(root: InputCollector.commonRoot(of: inputs))
        }
        let config = try Config.load(path: path)
        return Project(config: config, root: config.directory)
    }

    /// The configuration file for a run, nil when there is none.
    public static func configPath(inputs: [String], explicitConfig: String?, workingDirectory: String) throws -> String? {
        if let explicitConfig { return explicitConfig }
        let fallback = Config.find(startingAt: workingDirectory)
        var chosen: [String: String] = [:]  // config path → first input that found it
        // Thousands of files from one directory (a shell glob, --files-from) share one search.
        var found: [String: String?] = [:]  // start directory → its configuration's path
        for input in inputs where input != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else { continue }
            let absolute = input.hasPrefix("/") ? input : workingDirectory + "/" + input
            let start = isDirectory.boolValue ? absolute : (absolute as NSString).deletingLastPathComponent
            if found[start] == nil {
                found[start] = .some((Config.find(startingAt: start) ?? fallback).map { URL(fileURLWithPath: $0).standardizedFileURL.path })
            }
            guard let key = found[start] ?? nil else { continue }
            if chosen[key] == nil { chosen[key] = input }
        }
        if chosen.count > 1 {
            throw Issue.differentProjects(chosen.sorted { $0.key < $1.key }.map { (input: $0.value, config: $0.key) }).diagnostic()
        }
        return chosen.keys.first ?? fallback
    }

    /// What a directory walk reads, from the configuration and the command line.
    public func collector(honoursIgnoreFiles: Bool = true, includesHidden: Bool = false) -> InputCollector {
        InputCollector(extensions: config.extensions ?? InputCollector.defaultExtensions,
                       honoursIgnoreFiles: honoursIgnoreFiles, includesHidden: includesHidden)
    }

    /// The inputs' files, walked and filtered by the configuration's `ignore` globs.
    public func paths(for inputs: [String], collector: InputCollector, workingDirectory: String) -> ([String], [Diagnostic]) {
        let (collected, diagnostics) = collector.paths(for: inputs)
        let kept = collected.filter { $0 == "-" || !config.isIgnored($0, workingDirectory: workingDirectory) }
        return (kept, diagnostics)
    }
}
