import Claims
import Foundation

/// Findings accepted as already known, stored by fingerprint (never by line), so they stay
/// recognised when text moves. Each entry absorbs one finding: a second identical finding
/// added later is still reported.
///
/// Format: `{"version": 1, "fingerprints": [{"fingerprint": "…", "check": "…", "file": "…",
/// "message": "…"}, …]}`; only `fingerprint` is read, the rest is for people. Bare strings
/// are accepted as entries too.
public struct Baseline: Equatable, Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        public var fingerprint: String
        public var check: String?
        public var file: String?
        public var message: String?

        public init(fingerprint: String, check: String? = nil, file: String? = nil, message: String? = nil) {
            self.fingerprint = fingerprint
            self.check = check
            self.file = file
            self.message = message
        }
    }

    public static let version = 1
    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    public init(findings: [Finding]) {
        entries = findings.map { finding in
            Entry(fingerprint: finding.fingerprint, check: finding.check,
                  file: finding.primaryLocation?.file, message: finding.message)
        }.sorted { ($0.file ?? "", $0.check ?? "", $0.fingerprint, $0.message ?? "")
            < ($1.file ?? "", $1.check ?? "", $1.fingerprint, $1.message ?? "") }
    }

    /// Drops findings the baseline accounts for; returns the rest and how many were dropped.
    public func filter(_ findings: [Finding]) -> (kept: [Finding], dropped: Int) {
        var remaining: [String: Int] = [:]
        for entry in entries { remaining[entry.fingerprint, default: 0] += 1 }
        var kept: [Finding] = []
        for finding in findings {
            if let count = remaining[finding.fingerprint], count > 0 {
                remaining[finding.fingerprint] = count - 1
            } else {
                kept.append(finding)
            }
        }
        return (kept, findings.count - kept.count)
    }

    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let file = File(version: Self.version, fingerprints: entries)
        let data = (try? encoder.encode(file)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func decode(_ data: Data, file path: String) throws -> Baseline {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw Issue.projectFile(.baselineNotJSON).diagnostic(file: path)
        }
        guard let object = json as? [String: Any] else {
            throw Issue.projectFile(.baselineNotAnObject).diagnostic(file: path)
        }
        for key in object.keys.sorted() where key != "version" && key != "fingerprints" {
            throw Issue.projectFile(.unknownBaselineKey(key)).diagnostic(file: path)
        }
        guard let version = object["version"] as? Int, version == Self.version else {
            throw Issue.projectFile(.unsupportedBaselineVersion(expected: Self.version)).diagnostic(file: path)
        }
        guard let list = object["fingerprints"] as? [Any] else {
            throw Issue.projectFile(.baselineWithoutFingerprints).diagnostic(file: path)
        }
        var entries: [Entry] = []
        for (index, item) in list.enumerated() {
            if let text = item as? String {
                entries.append(Entry(fingerprint: text))
            } else if let entry = item as? [String: Any], let text = entry["fingerprint"] as? String {
                entries.append(Entry(fingerprint: text, check: entry["check"] as? String,
                                     file: entry["file"] as? String, message: entry["message"] as? String))
            } else {
                throw Issue.projectFile(.baselineEntryWithoutFingerprint(entry: index + 1)).diagnostic(file: path)
            }
        }
        return Baseline(entries: entries)
    }

    public static func load(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Issue.unreadableBaseline.diagnostic(file: path)
        }
        return try decode(data, file: path)
    }

    /// Writes atomically (see `AtomicFile`), so a killed run leaves the old baseline intact.
    public func write(to path: String) throws {
        try AtomicFile.write(Array(encoded().utf8), to: path, what: "baseline file")
    }

    private struct File: Codable {
        var version: Int
        var fingerprints: [Entry]
    }
}
