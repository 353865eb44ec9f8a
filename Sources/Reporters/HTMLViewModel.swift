import Checker
import Claims

/// What the template sees: the values `--format json` prints (`JSONContract`), turned into
/// Mustache's dictionaries, plus what the page adds (anchors, number lines, article text).
/// Every key a section tests is always present: Mustache looks a missing key up in the
/// enclosing objects.
struct HTMLViewModel {
    let context: [String: Any]

    /// Articles without findings are shown in full until this many bytes of their text have
    /// been; later ones show only their claims' sentences, so a corpus report stays small.
    static let fullTextBudget = 2_000_000

    init(findings: [Finding], claims: [Claim], diagnostics: [Diagnostic], fileCount: Int, settings: HTMLSettings) {
        let kinds = HTMLViewModel.ordered(claims.map(\.kind) + findings.flatMap { $0.claims.map(\.kind) })
        let kindIndex = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
        let display = { (file: String) in ArtifactPath(file, root: settings.sourceRoot).path }

        // Claims are identified by position so a finding's claims link to their highlights.
        var claimIDs: [ClaimKey: Int] = [:]
        for (index, claim) in claims.enumerated() where claimIDs[ClaimKey(claim)] == nil {
            claimIDs[ClaimKey(claim)] = index
        }
        let files = HTMLViewModel.ordered(claims.map(\.file) + findings.flatMap { $0.claims.map(\.file) }
            + findings.compactMap { $0.primaryLocation?.file })
        let articleIDs = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1, "a-\($0 + 1)") })

        let sorted = findings.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
        }.map(\.element)
        var findingsOfClaim: [Int: [(id: String, check: String)]] = [:]
        var findingsOfFile: [String: Int] = [:]
        var findingModels: [[String: Any]] = []
        for (number, finding) in sorted.enumerated() {
            let id = "f-\(number + 1)"
            for claim in finding.claims {
                if let index = claimIDs[ClaimKey(claim)] { findingsOfClaim[index, default: []].append((id, finding.check)) }
            }
            // Every article a finding quotes is opened and shown in full.
            let quoted = HTMLViewModel.ordered(finding.claims.map(\.file) + [finding.primaryLocation?.file].compactMap { $0 })
            for file in quoted { findingsOfFile[file, default: 0] += 1 }
            findingModels.append(HTMLViewModel.finding(finding, id: id, claimIDs: claimIDs, articleIDs: articleIDs,
                                                       kindIndex: kindIndex, display: display, settings: settings))
        }

        var claimModels: [[String: Any]] = []
        claimModels.reserveCapacity(claims.count)
        for (index, claim) in claims.enumerated() {
            var model = HTMLViewModel.claim(claim, kindIndex: kindIndex, display: display)
            model["id"] = "c-\(index + 1)"
            model["article"] = articleIDs[claim.file] ?? ""
            let links = findingsOfClaim[index] ?? []
            model["findings"] = links.map { ["fid": $0.id, "fnum": String($0.id.dropFirst(2)), "check": $0.check] as [String: Any] }
            model["hasFindings"] = !links.isEmpty
            claimModels.append(model)
        }

        let articles = HTMLArticles.build(files: files, claims: claims, claimModels: claimModels,
                                          findingsOfFile: findingsOfFile, articleIDs: articleIDs,
                                          display: display, settings: settings, budget: HTMLViewModel.fullTextBudget)

        var summary: [String: Any] = [
            "command": settings.command,
            "isCheck": settings.command == "check",
            "version": settings.toolVersion,
            "generated": settings.generated,
            "hasGenerated": !settings.generated.isEmpty,
            "files": fileCount,
            "claims": claims.count,
            "findings": findings.count,
            "tolerance": JSON.format(number: settings.tolerance * 100) + "%",
            "ruleDirectories": settings.ruleDirectories.map { ["path": display($0)] },
            "hasExitStatus": settings.exitStatus != nil,
            "exitStatus": settings.exitStatus.map { Int($0) } ?? 0,
            "exitMeaning": HTMLViewModel.exitMeaning(settings.exitStatus),
        ]
        summary["kinds"] = kinds.map { kind -> [String: Any] in
            ["kind": kind, "kc": "kc\(kindIndex[kind]! % HTMLViewModel.palette)", "count": claims.filter { $0.kind == kind }.count]
        }
        let checks = HTMLViewModel.ordered(sorted.map(\.check))
        summary["checks"] = checks.map { check in ["check": check, "count": findings.filter { $0.check == check }.count] as [String: Any] }
        summary["severities"] = Severity.allCases.reversed().map { severity in
            ["severity": severity.rawValue, "count": findings.filter { $0.severity == severity }.count] as [String: Any]
        }
        let sources = HTMLViewModel.ordered(claims.compactMap(\.source).sorted())

        context = [
            "title": "claimcheck \(settings.command) report",
            "summary": summary,
            "findings": findingModels,
            "hasFindings": !findingModels.isEmpty,
            "articles": articles.models,
            "hasArticles": !articles.models.isEmpty,
            "articlesWithoutClaims": max(0, fileCount - files.count),
            "hasArticlesWithoutClaims": fileCount > files.count,
            "shortenedArticles": articles.shortened,
            "hasShortenedArticles": articles.shortened > 0,
            "errors": diagnostics.map(HTMLViewModel.diagnostic),
            "hasErrors": !diagnostics.isEmpty,
            "filterChecks": checks.map { ["value": $0] },
            "filterKinds": kinds.map { ["value": $0] },
            "filterSources": sources.map { ["value": $0] },
            "filterSeverities": Severity.allCases.reversed().map { ["value": $0.rawValue] },
            "cspScriptHashes": HTMLTemplate.scriptHashesMarker,
        ]
    }

    /// Kinds are coloured by their order of appearance, cycling through this many colours;
    /// the kind's name is always shown too.
    static let palette = 8

    struct ClaimKey: Hashable {
        let file: String, start: Int, end: Int, kind: String, rule: String
        init(_ claim: Claim) {
            file = claim.file; start = claim.start; end = claim.end; kind = claim.kind; rule = claim.rule
        }
    }

    static func ordered(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    static func exitMeaning(_ status: Int32?) -> String {
        switch status {
        case 0: "no finding at or above the failure threshold"
        case 1: "findings at or above the failure threshold"
        case 2: "input, rule or configuration errors"
        default: ""
        }
    }

    /// A claim as `JSONContract.claim` has it, plus display fields.
    static func claim(_ claim: Claim, kindIndex: [String: Int], display: (String) -> String) -> [String: Any] {
        var model = mustache(JSONContract.claim(claim)) as? [String: Any] ?? [:]
        model["file"] = display(claim.file)
        model["kc"] = "kc\((kindIndex[claim.kind] ?? 0) % palette)"
        model["valueText"] = claim.value.description
        model["hasUnit"] = !claim.unit.isEmpty
        let sentence = Array(claim.sentence.utf8)
        let quoteStart = min(max(claim.start - claim.sentenceStart, 0), sentence.count)
        let quoteEnd = min(max(claim.end - claim.sentenceStart, quoteStart), sentence.count)
        model["before"] = (claim.sentenceCut.before ? "…" : "") + String(decoding: sentence[..<quoteStart], as: UTF8.self)
        model["quoted"] = String(decoding: sentence[quoteStart..<quoteEnd], as: UTF8.self)
        model["after"] = String(decoding: sentence[quoteEnd...], as: UTF8.self) + (claim.sentenceCut.after ? "…" : "")
        var contextItems: [[String: Any]] = []
        for (name, value) in [("place", claim.context.place), ("date", claim.context.date), ("group", claim.context.group)] {
            guard let value else { continue }
            contextItems.append(["name": name, "value": value, "inherited": claim.context.inherited.contains(name)])
        }
        model["contextItems"] = contextItems
        model["hasContext"] = !contextItems.isEmpty
        model["hasSource"] = claim.source != nil
        model["source"] = claim.source ?? ""
        model["hasAttribution"] = claim.attribution != nil
        model["attributionText"] = claim.attribution?.text ?? ""
        model["attributionKind"] = claim.attribution?.kind.rawValue ?? ""
        model["tip"] = tip(claim)
        return model
    }

    /// One line for a highlight's tooltip.
    static func tip(_ claim: Claim) -> String {
        var parts = [claim.kind + ": " + claim.value.description + (claim.unit.isEmpty ? "" : " " + claim.unit)]
        for (name, value) in [("place", claim.context.place), ("date", claim.context.date), ("group", claim.context.group)] {
            guard let value else { continue }
            parts.append(name + " " + value + (claim.context.inherited.contains(name) ? " (inherited)" : ""))
        }
        if let attribution = claim.attribution {
            parts.append((attribution.kind == .named ? "source " : "attribution (anonymous) ") + attribution.text)
        } else {
            parts.append("no source")
        }
        parts.append("rule " + claim.rule)
        return parts.joined(separator: " · ")
    }

    static func finding(_ finding: Finding, id: String, claimIDs: [ClaimKey: Int], articleIDs: [String: String],
                        kindIndex: [String: Int], display: (String) -> String, settings: HTMLSettings) -> [String: Any] {
        var model = mustache(JSONContract.finding(finding)) as? [String: Any] ?? [:]
        model["id"] = id
        model["claims"] = finding.claims.enumerated().map { number, claim -> [String: Any] in
            var entry = HTMLViewModel.claim(claim, kindIndex: kindIndex, display: display)
            entry["number"] = number + 1
            let index = claimIDs[ClaimKey(claim)]
            entry["hasTarget"] = index != nil
            entry["target"] = index.map { "c-\($0 + 1)" } ?? ""
            return entry
        }
        let location = finding.primaryLocation
        model["hasLocation"] = location != nil
        model["file"] = location.map { display($0.file) } ?? ""
        model["line"] = location?.line ?? 0
        model["article"] = location.flatMap { articleIDs[$0.file] } ?? ""
        model["kinds"] = ordered(finding.claims.map(\.kind)).joined(separator: " ")
        model["sources"] = ordered(finding.claims.compactMap(\.source)).joined(separator: "|")
        let chart = finding.check == "share-sum" ? nil : HTMLNumberLine.build(finding.claims, tolerance: settings.tolerance)
        model["hasNumberLine"] = chart != nil
        model["numberLine"] = chart ?? [:]
        let bar = finding.check == "share-sum" ? HTMLShareBar.build(finding.claims, tolerance: settings.tolerance) : nil
        model["hasShareBar"] = bar != nil
        model["shareBar"] = bar ?? [:]
        return model
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> [String: Any] {
        var model = mustache(JSONContract.diagnostic(diagnostic)) as? [String: Any] ?? [:]
        model["text"] = diagnostic.description
        return model
    }

    /// JSON as Mustache values: objects as dictionaries, numbers as their JSON text, and
    /// `null` as `false` so a section on it renders nothing.
    static func mustache(_ json: JSON) -> Any {
        switch json {
        case .null: false
        case .bool(let flag): flag
        case .number(let number): JSON.format(number: number)
        case .string(let text): text
        case .array(let elements): elements.map(mustache)
        case .object(let members):
            Dictionary(members.map { ($0.key, mustache($0.value)) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
