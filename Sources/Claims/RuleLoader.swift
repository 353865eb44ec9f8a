import Dispatch
import Foundation
import PCRE2
import Yams

/// Reads rule directories into a validated `RuleSet`. Every problem is collected as a
/// diagnostic (file:line:column, or rule id and pattern offset) so one run shows them all.
public struct RuleLoader {
    /// Rule directories in order; later layers override earlier ones by rule id.
    public var directories: [String]
    /// Where compiled patterns and their analyses are kept between runs (nil: compile all afresh).
    public var cache: RuleCache?

    public init(directories: [String], cache: RuleCache? = nil) {
        self.directories = directories
        self.cache = cache
    }

    /// The shipped rules: `Rules` or `../share/claimcheck/Rules` beside the executable, else
    /// the `Rules` of the package whose `.build` holds it. A project's own rules come from its
    /// `.claimcheck.yml`, never from the working directory.
    public static func defaultDirectory(executablePath: String) -> String? {
        let executableDir = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        // Relative to the executable only, never to where it was compiled: an installed binary
        // finds PREFIX/share/claimcheck/Rules, one in a package's .build/<triple>/<config>/ the
        // package's Rules.
        let candidates = [
            executableDir.appendingPathComponent("Rules").path,
            executableDir.appendingPathComponent("../share/claimcheck/Rules").standardizedFileURL.path,
        ]
        if let found = candidates.first(where: isDirectory) { return found }
        var directory = executableDir
        for _ in 0..<4 {
            directory = directory.deletingLastPathComponent()
            let rules = directory.appendingPathComponent("Rules").path
            if isDirectory(rules), FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return rules
            }
        }
        return nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Rule files under `directory`, recursively, in path order.
    static func ruleFiles(in directory: String) -> [String] {
        // The enumerator does not follow a symlinked root (a deployed `Rules -> releases/…`):
        // walk its target, and name the files under the path as given.
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") {
                files.append((directory as NSString).appendingPathComponent(relative))
            }
        }
        return files.sorted()
    }

    private struct ParsedFile: @unchecked Sendable {
        let path: String
        let layer: Int
        let root: [String: Node]
        let rootNode: Node
    }

    /// One pattern for every entry of a lexicon pattern list (`skip-sentences`, `corrections`, ...);
    /// each is checked alone so a bad one is named.
    /// `anchored` patterns match only where the search starts (`\G`); `capturing` names a group
    /// each must have.
    static func compileLexiconPatterns(_ patterns: [String], shared: [(name: String, pattern: String)],
                                       key: String = "skip-sentences", anchored: Bool = false, capturing group: String? = nil,
                                       analyser: StartAnalyser, _ diagnostics: inout [Diagnostic]) -> Regex? {
        guard !patterns.isEmpty else { return nil }
        let define = Fragments.defineBlock(shared)
        var good: [String] = []
        for pattern in patterns {
            do {
                let regex = try Regex("(?:" + pattern + "\n)" + define, options: RuleCompiler.patternOptions, jit: false,
                                      cache: analyser.cache)
                if let group, regex.groupNumbers[group] == nil {
                    diagnostics.append(Issue.lexiconPatternMissesGroup(pattern: pattern, group: group).diagnostic(file: "lexicon." + key))
                    continue
                }
                good.append(pattern)
            } catch {
                diagnostics.append(Issue.lexiconPatternDoesNotCompile(pattern: pattern, error: "\(error)")
                    .diagnostic(file: "lexicon." + key))
            }
        }
        guard !good.isEmpty else { return nil }
        let joined = good.map { "(?:" + $0 + "\n)" }.joined(separator: "|")
        if anchored {
            return try? Regex("\\G(?:" + joined + ")" + define, options: RuleCompiler.patternOptions, jit: nil, cache: analyser.cache)
        }
        let context = analyser.context(of: shared)
        let bound = RuleCompiler.bound(of: joined, LiteralAnalyser(fragments: shared), in: context, cache: analyser.cache)
        return try? Regex(joined + define, options: RuleCompiler.patternOptions,
                          startClass: analyser.startClass(of: joined, shared, in: context), bound: bound, cache: analyser.cache)
    }

    /// Each file's rules and problems, in file order. Files compile in parallel (compiling and
    /// JIT-compiling patterns is most of the load time), sharing one start analyser, one
    /// literal analysis of the shared fragments and one pool of compiled patterns.
    private static func compile(_ files: [ParsedFile], lexicon: Lexicon, shared: [(name: String, pattern: String)],
                                analyser: StartAnalyser) -> [([CompiledRule], [Diagnostic])] {
        let results = ResultSlots<([CompiledRule], [Diagnostic])>(count: files.count)
        let sharedLiterals = LiteralAnalyser.SharedFragments(shared)
        let pool = RegexPool()
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            var reader = YAMLReader(file: file.path)
            var compiler = RuleCompiler(lexicon: lexicon, shared: shared, analyser: analyser, pool: pool,
                                        sharedLiterals: sharedLiterals)
            let rules = compiler.compileFile(file.root, rootNode: file.rootNode, reader: &reader)
            results.set(index, (rules, reader.diagnostics + compiler.diagnostics))
        }
        return results.values.map { $0 ?? ([], []) }
    }

    /// One rule file read and parsed, or nil, with its problems.
    private static func parse(_ path: String, layer: Int) -> (ParsedFile?, [Diagnostic]) {
        var reader = YAMLReader(file: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [Issue.unreadableRuleFile.diagnostic(file: path)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [Issue.ruleFileNotUTF8.diagnostic(file: path)])
        }
        var parsed: ParsedFile?
        if let node = reader.parse(text) {
            let allowed: Set<String> = ["lexicon", "kind", "context", "unit", "priority", "bounds",
                                        "compare", "prefilter", "shares-of", "one-quantity", "description", "define", "rules"]
            if let map = reader.mapping(node, allowed: allowed, what: "rule file") {
                parsed = ParsedFile(path: path, layer: layer, root: map, rootNode: node)
            }
        }
        return (parsed, reader.diagnostics)
    }

    public func load() -> (RuleSet, [Diagnostic]) {
        // Directory problems and files in order; the files are then parsed in parallel (YAML
        // parsing is a sixth of the load time) and their results taken in that order.
        enum Step { case problem(Diagnostic), file(path: String, layer: Int) }
        var steps: [Step] = []
        for (layer, directory) in directories.enumerated() {
            guard RuleLoader.isDirectory(directory) else {
                steps.append(.problem(Issue.rulesDirectoryMissing.diagnostic(file: directory)))
                continue
            }
            let files = RuleLoader.ruleFiles(in: directory)
            if files.isEmpty { steps.append(.problem(Issue.noRuleFiles.diagnostic(file: directory))) }
            steps += files.map { .file(path: $0, layer: layer) }
        }
        let results = ResultSlots<(ParsedFile?, [Diagnostic])>(count: steps.count)
        DispatchQueue.concurrentPerform(iterations: steps.count) { index in
            guard case .file(let path, let layer) = steps[index] else { return }
            results.set(index, RuleLoader.parse(path, layer: layer))
        }
        var diagnostics: [Diagnostic] = []
        var parsed: [ParsedFile] = []
        for (step, result) in zip(steps, results.values) {
            if case .problem(let problem) = step { diagnostics.append(problem) }
            if let file = result?.0 { parsed.append(file) }
            diagnostics += result?.1 ?? []
        }

        var lexicon = Lexicon()
        for file in parsed {
            guard let node = file.root["lexicon"] else { continue }
            var reader = YAMLReader(file: file.path)
            lexicon.merge(Lexicon.read(node, reader: &reader))
            diagnostics += reader.diagnostics
        }
        for clash in lexicon.index() {
            diagnostics.append(Issue.unitNameClash(clash).diagnostic(file: "lexicon.units"))
        }
        let shared = Fragments.generated(from: lexicon)
        let compiled = cache?.read(for: directories)
        let analyser = StartAnalyser(cache: compiled)
        let skip = RuleLoader.compileLexiconPatterns(lexicon.skipSentences, shared: shared, analyser: analyser, &diagnostics)
        let sectionBreak = RuleLoader.compileLexiconPatterns(lexicon.sectionBreaks, shared: shared, key: "section-breaks",
                                                             analyser: analyser, &diagnostics)
        let correction = RuleLoader.compileLexiconPatterns(lexicon.corrections, shared: shared, key: "corrections", anchored: true,
                                                           capturing: "corrects", analyser: analyser, &diagnostics)
        let superseded = RuleLoader.compileLexiconPatterns(lexicon.supersededSentences, shared: shared, key: "superseded-sentences",
                                                           analyser: analyser, &diagnostics)

        var claimRules: [ClaimRule] = []
        var contextRules: [ContextRule] = []
        var seen: [String: (file: String, line: Int, layer: Int)] = [:]
        for (file, (rules, problems)) in zip(parsed, RuleLoader.compile(parsed, lexicon: lexicon, shared: shared, analyser: analyser)) {
            diagnostics += problems
            for rule in rules {
                let (id, line) = rule.identity
                if let previous = seen[id], previous.layer == file.layer {
                    diagnostics.append(Issue.duplicateRuleID(id, first: "\(previous.file):\(previous.line)")
                        .diagnostic(file: file.path, line: line))
                    continue
                }
                seen[id] = (file.path, line, file.layer)
                switch rule {
                case .claim(let claim):
                    claimRules.removeAll { $0.id == id }
                    contextRules.removeAll { $0.id == id }
                    claimRules.append(claim)
                case .context(let context):
                    claimRules.removeAll { $0.id == id }
                    contextRules.removeAll { $0.id == id }
                    contextRules.append(context)
                }
            }
        }
        if claimRules.isEmpty, diagnostics.allSatisfy({ $0.severity != .error }) {
            diagnostics.append(Issue.noClaimRules.diagnostic(file: directories.joined(separator: ", ")))
        }
        let set = RuleSet(lexicon: lexicon, claimRules: claimRules, contextRules: contextRules,
                          trigger: Fragments.trigger(shared, analyser: analyser), skip: skip, sectionBreak: sectionBreak,
                          correction: correction, superseded: superseded,
                          files: parsed.map(\.path))
        if let cache, let compiled { cache.write(compiled, for: directories) }
        return (set, diagnostics)
    }

    /// JIT-compiles every pattern of `rules` now, over the cores, rather than on first use
    /// (for measuring what loading and JIT-compiling everything costs).
    public static func compileJIT(_ rules: RuleSet) {
        let patterns = rules.matchedPatterns
        DispatchQueue.concurrentPerform(iterations: patterns.count) { patterns[$0].compileJIT() }
    }
}
