import Claims

/// What a run of the checker produced.
public struct CheckResult: Equatable, Sendable {
    /// Findings to report: after severities, suppressions and the baseline, in a stable order.
    public var findings: [Finding]
    /// Findings before the baseline was applied: what `--write-baseline` records.
    public var unbaselined: [Finding]
    public var suppressedCount: Int
    public var baselinedCount: Int
}

/// Runs every check over all claims of a run, then applies configured severities,
/// inline suppressions and the baseline.
public struct Checker: Sendable {
    public static let unusedSuppressionID = UnusedSuppressionCheck.id
    public static let allChecks: [any Check] = [ConflictCheck(), ShareSumCheck(), UnsourcedCheck()]

    public var checks: [any Check]
    public var options: CheckOptions
    /// Overrides of default severities by check id.
    public var settings: [String: CheckSetting]

    public init(checks: [any Check] = Checker.allChecks, options: CheckOptions = CheckOptions(),
                settings: [String: CheckSetting] = [:]) {
        self.checks = checks
        self.options = options
        self.settings = settings
    }

    public func severity(of id: String, default fallback: Severity) -> Severity? {
        settings[id].map(\.severity) ?? fallback
    }

    public func run(_ claims: [Claim], suppressions: [Suppression] = [], baseline: Baseline? = nil) -> CheckResult {
        var findings: [Finding] = []
        for check in checks {
            guard let severity = severity(of: check.id, default: check.defaultSeverity) else { continue }
            findings += check.run(claims, options: options).map { finding in
                var copy = finding
                copy.severity = severity
                return copy
            }
        }

        var used = Array(repeating: false, count: suppressions.count)
        let before = findings.count
        findings.removeAll { finding in
            let claims = suppressibleClaims(of: finding)
            var silenced = false
            for (index, suppression) in suppressions.enumerated()
            where suppression.covers(check: finding.check)
                && claims.contains(where: { $0.file == suppression.file && suppression.covered.contains($0.line) }) {
                used[index] = true
                silenced = true
            }
            return silenced
        }
        let suppressedCount = before - findings.count

        if let severity = severity(of: UnusedSuppressionCheck.id, default: UnusedSuppressionCheck.descriptor.defaultSeverity) {
            let unused = suppressions.indices.filter { !used[$0] && namesEnabledCheck(suppressions[$0]) }.map { suppressions[$0] }
            findings += UnusedSuppressionCheck().run(unused, severity: severity, options: options)
        }

        findings.sort(by: Checker.reportOrder)
        let (kept, dropped) = baseline?.filter(findings) ?? (findings, 0)
        return CheckResult(findings: kept, unbaselined: findings, suppressedCount: suppressedCount,
                           baselinedCount: dropped)
    }

    /// A conflict is silenced at any of its claims; other findings only at their first.
    private func suppressibleClaims(of finding: Finding) -> [Claim] {
        finding.check == ConflictCheck.id ? finding.claims : Array(finding.claims.prefix(1))
    }

    /// A suppression naming only disabled checks is dormant, not unused.
    private func namesEnabledCheck(_ suppression: Suppression) -> Bool {
        if suppression.checks.isEmpty { return true }
        return suppression.checks.contains { id in
            guard let check = checks.first(where: { $0.id == id }) else { return !Checker.checkIDs.contains(id) }
            return severity(of: id, default: check.defaultSeverity) != nil
        }
    }

    /// File, line, column, then check id and message, so output never depends on dictionary order.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        let l = a.primaryLocation ?? SourceLocation(file: "", line: 0, column: 0)
        let r = b.primaryLocation ?? SourceLocation(file: "", line: 0, column: 0)
        return (l.file, l.line, l.column, a.check, a.message, a.fingerprint)
            < (r.file, r.line, r.column, b.check, b.message, b.fingerprint)
    }
}

extension Checker {
    /// The checks `check` runs for a rule set: conflict, share-sum for every kind whose rule
    /// file declares `shares-of`, and unsourced. `eval` uses the same set so its figures
    /// describe what `check` reports.
    public init(rules: RuleSet, options: CheckOptions = CheckOptions(), settings: [String: CheckSetting] = [:]) {
        let shareChecks: [any Check] = rules.shareKinds.map { ShareSumCheck(kind: $0.kind, unit: $0.unit, total: $0.total) }
        self.init(checks: [ConflictCheck(oneQuantityRules: rules.oneQuantityRules)] + shareChecks + [UnsourcedCheck()], options: options, settings: settings)
    }
}
