import Checker
import Claims
import Foundation

/// `check --db`: the stored claims a run's new claims may conflict with, checked together
/// with them by the ordinary `Checker`, keeping only findings that involve a new claim.
///
/// Stored claims are given file names that sort before every real path (a control-character
/// prefix), so the conflict check, which reports a claim against the first conflicting claim
/// of an earlier article, always reports a new claim against history rather than pairing two
/// stored claims and passing over the new one. `restore` puts the real paths back.
public struct History {
    static let marker: Character = "\u{1}"

    public let store: any ClaimStorage
    public let root: String
    public let workingDirectory: String

    public init(store: any ClaimStorage, root: String, workingDirectory: String) {
        self.store = store
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
        self.workingDirectory = workingDirectory
    }

    /// Days either side of a claim's date that a stored claim may be about the same event:
    /// the conflict check compares a figure dated only by its article with the days before.
    static let window = 3

    /// Stored claims that can meet `claims` in a conflict check: same kind, unit and place,
    /// within `window` days, from articles other than `paths` (the files being checked).
    public func claims(comparableWith claims: [Claim], checking paths: [String]) throws -> [Claim] {
        let own = Set(paths.map { StorePath.relative($0, root: root) })
        struct Key: Hashable { var kind: String; var unit: String; var place: String }
        var spans: [Key: (low: CalendarDate, high: CalendarDate, place: String)] = [:]
        for claim in claims where claim.comparable {
            guard let place = claim.context.place, let day = claim.context.date.flatMap(CalendarDate.init(iso:)) else { continue }
            let key = Key(kind: claim.kind, unit: claim.unit, place: StoreKey.normalize(place))
            if let span = spans[key] {
                spans[key] = (min(span.low, day), max(span.high, day), place)
            } else {
                spans[key] = (day, day, place)
            }
        }
        var found: [Claim] = []
        for key in spans.keys.sorted(by: { ($0.kind, $0.unit, $0.place) < ($1.kind, $1.unit, $1.place) }) {
            let span = spans[key]!
            let query = ClaimQuery(kind: key.kind, unit: key.unit, place: span.place,
                                   from: span.low.adding(days: -Self.window).description,
                                   to: span.high.adding(days: Self.window).description, comparableOnly: true)
            for stored in try store.claims(query) where !own.contains(stored.claim.file) {
                guard stored.claim.context.date.flatMap(CalendarDate.init(iso:)) != nil else { continue }
                var claim = stored.claim
                claim.file = String(Self.marker) + StorePath.display(claim.file, root: root, workingDirectory: workingDirectory)
                found.append(claim)
            }
        }
        return found
    }

    /// The checker's result with stored claims under their real paths, after the new claims
    /// of each finding, and findings among stored claims alone dropped.
    public func restore(_ result: CheckResult) -> CheckResult {
        var copy = result
        copy.findings = Self.restore(result.findings, root: root)
        copy.unbaselined = Self.restore(result.unbaselined, root: root)
        return copy
    }

    /// The fingerprint is taken again over the real paths, relative to the store's root: the
    /// stand-in names would tie it to the working directory (and so to one machine).
    static func restore(_ findings: [Finding], root: String) -> [Finding] {
        findings.compactMap { finding -> Finding? in
            let stored = finding.claims.filter { $0.file.first == marker }.count
            if stored > 0, stored == finding.claims.count { return nil }
            // The new claim leads: it is where the finding is reported (a pull request's file).
            var copy = finding
            copy.claims = finding.claims.filter { $0.file.first != marker } + finding.claims.filter { $0.file.first == marker }.map { claim in
                var restored = claim
                restored.file.removeFirst()
                return restored
            }
            if stored > 0 { copy.fingerprint = Fingerprint.make(check: finding.check, claims: copy.claims, root: root) }
            return copy
        }.sorted(by: Checker.reportOrder)
    }
}
