import Checker
import Claims
import Foundation
import PCRE2
import Reporters

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let shippedRulesDirectory = repositoryRoot.appendingPathComponent("Rules").path

let shippedRules: RuleSet = {
    let (rules, diagnostics) = RuleLoader(directories: [shippedRulesDirectory]).load()
    precondition(!diagnostics.contains { $0.severity == .error }, "the shipped rules must load: \(diagnostics)")
    return rules
}()
let shippedExtractor = Extractor(rules: shippedRules)

/// One scratch directory per process for the files a target must read from disk.
let scratchDirectory: String = {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("claimcheck-fuzz-\(ProcessInfo.processInfo.processIdentifier)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: scratchDirectory) }
    return path
}()

func writeScratch(_ name: String, _ bytes: [UInt8]) -> String {
    let path = scratchDirectory + "/" + name
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        fatalError("claimcheck-fuzz: cannot write \(path)")
    }
    return path
}

/// A short article with a conflict, a share sum and an unsourced figure, for targets whose
/// input is not the article.
let sampleArticle = Document(path: "sample.txt", text: """
    date 2021-03-08
    At least 100,000 people marched in Valmont on Saturday, organisers said. Police put the figure at 8,000.
    Ms Arden won 54% of the vote and Mr Dorsey 51%. More than 500 people were arrested.
    <!-- claimcheck-disable-next-line unsourced -->
    About 300 people gathered in Orlen.
    """)
let sampleClaims = shippedExtractor.extract(sampleArticle).claims

func checkClaimPositions(_ claims: [Claim], in document: Document) {
    for claim in claims {
        require(0 <= claim.start && claim.start < claim.end && claim.end <= document.bytes.count,
                "claim \(claim.start)..<\(claim.end) outside a document of \(document.bytes.count) bytes")
        require(claim.line >= 1 && claim.column >= 1, "claim at line \(claim.line), column \(claim.column)")
        _ = claim.value.description
    }
}

// MARK: extract

func fuzzExtract(_ bytes: [UInt8]) {
    let document = Document(path: "fuzz", bytes: bytes)
    checkClaimPositions(shippedExtractor.extract(document).claims, in: document)
}

// MARK: rules

/// The shipped lexicon alone, as a cheap base layer: loading every shipped rule costs about
/// 0.1 s, the lexicon a few milliseconds.
let lexiconDirectory: String = {
    let directory = scratchDirectory + "/lexicon"
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try? FileManager.default.copyItem(atPath: shippedRulesDirectory + "/lexicon.yml", toPath: directory + "/lexicon.yml")
    return directory
}()

/// The input as a rule file: alone, over the shipped lexicon, and (for every fourth input
/// length, to keep the rate up) over all the shipped rules. Whatever it holds, loading ends
/// in diagnostics, never a trap or a hang; rules that load are run on two articles.
func fuzzRules(_ bytes: [UInt8]) {
    let directory = scratchDirectory + "/rules"
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/fuzz.yml"
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        fatalError("claimcheck-fuzz: cannot write \(path)")
    }
    var layerings = [[directory], [lexiconDirectory, directory]]
    if bytes.count % 4 == 0 { layerings.append([shippedRulesDirectory, directory]) }
    for (index, directories) in layerings.enumerated() {
        let (rules, diagnostics) = RuleLoader(directories: directories).load()
        // Half the inputs, since writing the cache syncs it to disk.
        if index == 0, bytes.count % 8 < 4 { checkRuleCache(directories, rules, diagnostics) }
        for diagnostic in diagnostics {
            require(!diagnostic.message.isEmpty, "a diagnostic without a message")
            _ = diagnostic.description
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { continue }
        let extractor = Extractor(rules: rules)
        checkClaimPositions(extractor.extract(sampleArticle).claims, in: sampleArticle)
        let asArticle = Document(path: "fuzz.yml", bytes: bytes)
        checkClaimPositions(extractor.extract(asArticle).claims, in: asArticle)
        // The shipped examples were tested already; only the fuzzed file's are new.
        if index < 2 {
            _ = RuleTester(rules: rules).run()
            var texts: [String] = rules.claimRules.flatMap { $0.examples.map(\.text) }
            texts += rules.contextRules.flatMap { $0.examples.map(\.text) }
            texts += String(decoding: bytes, as: UTF8.self).split(separator: "\n").prefix(200).map(String.init)
            checkLiteralGate(rules, texts: texts)
            checkStartFilters(rules, texts: texts)
        }
    }
}

/// Loading through the rule cache, writing it and then reading it, gives what loading without it gave.
func checkRuleCache(_ directories: [String], _ rules: RuleSet, _ diagnostics: [Diagnostic]) {
    let cache = RuleCache(directory: scratchDirectory + "/cache")
    func summary(_ rules: RuleSet) -> [String] {
        rules.matchedPatterns.map {
            "\($0.pattern)\t\($0.startClass ?? "-")\t\($0.bound?.joined(separator: "|") ?? "-")\t\($0.starts?.encoded.joined(separator: " ") ?? "-")"
        }
    }
    for pass in ["writing", "reading"] {
        let (cached, problems) = RuleLoader(directories: directories, cache: cache).load()
        require(problems.map(\.description) == diagnostics.map(\.description), "the \(pass) load through the cache reports otherwise")
        require(summary(cached) == summary(rules), "the \(pass) load through the cache compiles otherwise")
    }
}

/// The literal gate may skip a pattern only where it cannot match: every pattern of the fuzzed
/// file with literals runs on every text the gate would keep it from, and must not match there.
func checkLiteralGate(_ rules: RuleSet, texts: [String]) {
    var patterns: [(id: String, regex: Regex)] = []
    for rule in rules.claimRules {
        for regex in [rule.regex] + rule.prefilters + [rule.requires, rule.excludes].compactMap({ $0 }) where regex.bound != nil {
            patterns.append((rule.id, regex))
        }
    }
    for rule in rules.contextRules {
        for regex in [rule.regex] + rule.prefilters where regex.bound != nil { patterns.append((rule.id, regex)) }
    }
    guard !patterns.isEmpty else { return }
    let gate = LiteralGate(literals: patterns.map { $0.regex.bound! })
    let matchers = patterns.map { Matcher($0.regex) }
    var possible: [UInt64] = []
    var ends: [Int] = []
    for text in texts {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            gate.scan(buffer, 0..<buffer.count, into: &possible, ends: &ends)
            for (index, matcher) in matchers.enumerated() {
                guard LiteralGate.allows(index, possible) else {
                    if let match = try? matcher.firstMatch(in: buffer, from: 0) {
                        require(false, "\(patterns[index].id) matches \"\(String(decoding: buffer[match.range], as: UTF8.self))\" "
                                + "without any of its literals \(patterns[index].regex.bound!)")
                    }
                    continue
                }
                // No match starts after the pattern's last literal (its offset limit).
                guard let limit = LiteralGate.limit(index, ends),
                      let match = try? matcher.firstMatch(in: buffer, from: limit + 1) else { continue }
                require(match.range.lowerBound <= limit, "\(patterns[index].id) matches \"\(String(decoding: buffer[match.range], as: UTF8.self))\" "
                        + "after the last of its literals \(patterns[index].regex.bound!)")
            }
        }
    }
}

/// A start filter may only skip positions where no match starts: every pattern with one finds
/// on every text the matches the same pattern without it finds.
func checkStartFilters(_ rules: RuleSet, texts: [String]) {
    let filtered = rules.matchedPatterns.filter { $0.starts != nil }
    for regex in filtered {
        guard let plain = try? Regex(regex.pattern, options: regex.options, jit: false) else {
            require(false, "a pattern with a start filter does not compile alone")
            return
        }
        let (with, without) = (Matcher(regex), Matcher(plain))
        for text in texts {
            Array(text.utf8).withUnsafeBufferPointer { buffer in
                // A match that hits a resource limit one way must do so the other way too.
                let found = [with, without].map { try? $0.matches(in: buffer) }
                require(found[0] == found[1], "the start filter \(regex.starts!.summary) loses a match of \(regex.pattern) in \"\(text)\"")
            }
        }
    }
}

// MARK: config

let ignoreProbes = [
    "article.txt", "drafts/a.md", "news/2021/x.draft.md", "./a/../b.txt", "/elsewhere/file.txt",
    String(repeating: "a", count: 40), "deep/" + String(repeating: "a/", count: 30) + "b",
]

/// The input as `.claimcheck.yml`: loaded from disk, and parsed as text when it is UTF-8; both
/// must agree, and a loaded configuration must drive the ignore globs and the checker.
func fuzzConfig(_ bytes: [UInt8]) {
    let path = writeScratch(Config.fileName, bytes)
    let loaded: Config
    do {
        loaded = try Config.load(path: path)
    } catch let diagnostic as Diagnostic {
        require(!diagnostic.message.isEmpty, "a diagnostic without a message")
        require(diagnostic.file == path, "a configuration error names \(diagnostic.file ?? "no file"), not \(path)")
        return
    } catch {
        require(false, "Config.load threw \(type(of: error)), not a Diagnostic: \(error)")
        return
    }
    if let text = String(validating: bytes, as: UTF8.self) {
        do {
            let parsed = try Config.parse(text, file: path)
            require(parsed.failOn == loaded.failOn && parsed.checks == loaded.checks
                    && parsed.tolerance == loaded.tolerance && parsed.ignore == loaded.ignore
                    && parsed.rules.count == loaded.rules.count,
                    "Config.parse and Config.load disagree")
        } catch {
            require(false, "Config.load accepted what Config.parse rejects: \(error)")
        }
    }
    require(loaded.rules.allSatisfy { $0.hasPrefix("/") }, "relative rule directory after load: \(loaded.rules)")
    if let tolerance = loaded.tolerance {
        require(tolerance >= 0 && tolerance < 1, "tolerance \(tolerance) outside [0, 1)")
    }
    for probe in ignoreProbes {
        _ = loaded.isIgnored(probe, workingDirectory: scratchDirectory)
    }
    let options = CheckOptions(tolerance: loaded.tolerance ?? 0.1)
    let result = Checker(rules: shippedRules, options: options, settings: loaded.checks)
        .run(sampleClaims, suppressions: Suppression.scan(sampleArticle))
    _ = (loaded.failOn ?? .error).fails(result.findings)
}

// MARK: check

let reportOptions = ReportOptions(
    color: false,
    checks: Checker.registry,
    toolVersion: "0.0.0-fuzz", sourceRoot: "/fuzz",
    html: (try? HTMLTemplate.load(path: repositoryRoot.appendingPathComponent("Templates/report.html.mustache").path))
        .map { HTMLSettings(template: $0) })

/// Whatever the input, the page holds only the template's one script and no other markup
/// the input could have brought (its text is escaped).
func requireEscapedHTML(_ output: String, _ what: String) {
    require(output.components(separatedBy: "<script").count == 2, "\(what): not exactly one <script")
    for tag in ["<img", "<iframe", "<object"] {
        require(!output.contains(tag), "\(what): unescaped \(tag)")
    }
}

/// Documents are split at form feeds (at most 8) so findings can span files.
func fuzzCheck(_ bytes: [UInt8]) {
    let parts = bytes.split(separator: 0x0C, maxSplits: 7, omittingEmptySubsequences: false)
    var claims: [Claim] = []
    var suppressions: [Suppression] = []
    var diagnostics: [Diagnostic] = []
    for (index, part) in parts.enumerated() {
        // One relative and one absolute path under the source root, as the CLI may see them.
        let path = index % 2 == 0 ? "news/article-\(index).txt" : "/fuzz/news/article-\(index).md"
        let document = Document(path: path, bytes: Array(part))
        let (found, problems) = shippedExtractor.extract(document)
        checkClaimPositions(found, in: document)
        claims += found
        diagnostics += problems
        suppressions += Suppression.scan(document)
    }

    let checker = Checker(rules: shippedRules)
    let result = checker.run(claims, suppressions: suppressions)
    require(result.findings == result.unbaselined, "findings changed without a baseline")
    let sorted = result.findings.sorted(by: Checker.reportOrder)
    require(sorted == result.findings, "findings not in report order")

    // Recording every finding in a baseline and reading it back drops them all.
    do {
        let baseline = try Baseline.decode(Data(Baseline(findings: result.unbaselined).encoded().utf8), file: "baseline.json")
        let again = checker.run(claims, suppressions: suppressions, baseline: baseline)
        require(again.findings.isEmpty && again.baselinedCount == result.findings.count,
                "a baseline of every finding kept \(again.findings.count) of \(result.findings.count)")
    } catch {
        require(false, "a written baseline does not read back: \(error)")
    }

    let extractReport = ExtractReport(claims: claims, diagnostics: diagnostics)
    let checkReport = CheckReport(findings: result.findings, claims: claims, diagnostics: diagnostics,
                                  fileCount: parts.count)
    for format in ExtractFormat.allCases {
        let output = format.reporter(reportOptions).render(extractReport)
        requireWellFormed(output, "extract --format \(format.rawValue)")
        switch format {
        case .text:
            requireSafeText(output, "extract --format text")
            require(lines(output).count == claims.count, "extract text: \(lines(output).count) lines for \(claims.count) claims")
        case .json:
            let object = parseJSON(output, "extract json") as? [String: Any]
            require((object?["claims"] as? [Any])?.count == claims.count, "extract json: wrong claim count")
            require((object?["errors"] as? [Any])?.count == diagnostics.count, "extract json: wrong error count")
        case .jsonl:
            require(lines(output).count == claims.count, "extract jsonl: \(lines(output).count) lines for \(claims.count) claims")
            for line in lines(output) { _ = parseJSON(line, "extract jsonl line") }
        case .html:
            requireEscapedHTML(output, "extract --format html")
        }
    }
    for format in CheckFormat.allCases {
        let output = format.reporter(reportOptions).render(checkReport)
        requireWellFormed(output, "check --format \(format.rawValue)")
        switch format {
        case .text:
            requireSafeText(output, "check --format text")
        case .json:
            let object = parseJSON(output, "check json") as? [String: Any]
            require((object?["findings"] as? [Any])?.count == result.findings.count, "check json: wrong finding count")
            require((object?["claims"] as? [Any])?.count == claims.count, "check json: wrong claim count")
        case .jsonl:
            require(lines(output).count == result.findings.count, "check jsonl: wrong line count")
            for line in lines(output) { _ = parseJSON(line, "check jsonl line") }
        case .sarif:
            let object = parseJSON(output, "sarif") as? [String: Any]
            require(object?["version"] as? String == "2.1.0", "sarif: no version 2.1.0")
            let run = (object?["runs"] as? [[String: Any]])?.first
            require((run?["results"] as? [Any])?.count == result.findings.count, "sarif: wrong result count")
        case .github:
            let commands = lines(output)
            require(commands.count == result.findings.count + diagnostics.count,
                    "github: \(commands.count) commands for \(result.findings.count) findings and \(diagnostics.count) diagnostics")
            for command in commands {
                require(["::error", "::warning", "::notice"].contains { command.hasPrefix($0) }
                        && command.dropFirst(2).contains("::"), "github: not a workflow command: \(command.prefix(200))")
            }
        case .html:
            requireEscapedHTML(output, "check --format html")
        }
    }
    requireSafeText(DiagnosticText.render(diagnostics), "diagnostics on stderr")
}

func lines(_ text: String) -> [Substring] {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
}

func requireWellFormed(_ output: String, _ what: String) {
    require(output.isEmpty || output.hasSuffix("\n"), "\(what): output does not end with a newline")
}

/// Human-facing output without colour: article text must not smuggle in control characters
/// (escape sequences, CR) or bidirectional overrides.
func requireSafeText(_ output: String, _ what: String) {
    for scalar in output.unicodeScalars where scalar != "\n" {
        let unsafe = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        require(!unsafe, "\(what): unsafe character U+\(String(scalar.value, radix: 16, uppercase: true))")
    }
}

func parseJSON(_ text: some StringProtocol, _ what: String) -> Any? {
    do {
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    } catch {
        require(false, "\(what) is not JSON (\(error)): \(text.prefix(300))")
        return nil
    }
}
