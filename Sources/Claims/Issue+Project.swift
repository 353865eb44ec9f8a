extension Issue {
    /// What a project's files must hold: `.claimcheck.yml`'s values and a baseline's JSON.
    /// Always errors.
    public enum ProjectFile: Sendable {
        // MARK: - .claimcheck.yml
        case badDatabase
        case badFailOn(known: [String])
        case badTolerance(help: String)
        case checksNotAMapping(settings: [String])
        case unknownCheck(String, known: [String])
        case badCheckSetting(check: String, settings: [String])
        case notStrings(key: String)
        // MARK: - Baselines
        case baselineNotJSON
        case baselineNotAnObject
        case unknownBaselineKey(String)
        case unsupportedBaselineVersion(expected: Int)
        case baselineWithoutFingerprints
        case baselineEntryWithoutFingerprint(entry: Int)

        public var message: String {
            switch self {
            case .badDatabase: "db must be a file path or a postgres:// URL"
            case .badFailOn(let known): "fail-on must be one of \(known.joined(separator: ", "))"
            case .badTolerance(let help): "tolerance must be \(help)"
            case .checksNotAMapping(let settings): "checks must map check ids to \(settings.joined(separator: ", "))"
            case .unknownCheck(let name, let known):
                "unknown check '\(name)'\(Suggestion.hint(for: name, in: known)); known checks: \(known.joined(separator: ", "))"
            case .badCheckSetting(let check, let settings): "check \"\(check)\" must be \(settings.joined(separator: ", "))"
            case .notStrings(let key): "\(key) must be a string or a list of strings"
            case .baselineNotJSON: "baseline is not valid JSON"
            case .baselineNotAnObject: "baseline must be a JSON object with \"version\" and \"fingerprints\""
            case .unknownBaselineKey(let key): "unknown key \"\(key)\" in baseline"
            case .unsupportedBaselineVersion(let expected): "unsupported baseline version (expected \"version\": \(expected))"
            case .baselineWithoutFingerprints: "baseline needs a \"fingerprints\" array"
            case .baselineEntryWithoutFingerprint(let entry): "baseline entry \(entry) has no \"fingerprint\" string"
            }
        }
    }
}
