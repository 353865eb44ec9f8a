import Claims

/// The report's articles: each article's text cut into plain runs and highlighted claims,
/// or, when its text cannot be read (standard input, a file changed since) or the full-text
/// budget is spent, each claim's sentence.
enum HTMLArticles {
    static func build(files: [String], claims: [Claim], claimModels: [[String: Any]], findingsOfFile: [String: Int],
                      articleIDs: [String: String], display: (String) -> String, settings: HTMLSettings,
                      budget: Int) -> (models: [[String: Any]], shortened: Int) {
        var claimsOfFile: [String: [Int]] = [:]
        for (index, claim) in claims.enumerated() { claimsOfFile[claim.file, default: []].append(index) }
        // Articles with findings first, each group in input order.
        let ordered = files.filter { findingsOfFile[$0] != nil } + files.filter { findingsOfFile[$0] == nil }
        var spent = 0
        var shortened = 0
        var models: [[String: Any]] = []
        for file in ordered {
            let indices = claimsOfFile[file] ?? []
            let findings = findingsOfFile[file] ?? 0
            var model: [String: Any] = [
                "id": articleIDs[file] ?? "",
                "file": display(file),
                "claimCount": indices.count,
                "findingCount": findings,
                "hasFindings": findings > 0,
                "kinds": HTMLViewModel.ordered(indices.map { claims[$0].kind }).joined(separator: " "),
                "sources": HTMLViewModel.ordered(indices.compactMap { claims[$0].source }).joined(separator: "|"),
            ]
            var segments: [[String: Any]]?
            if findings > 0 || spent < budget {
                if let raw = settings.articleBytes(file) {
                    let bytes = Document(path: file, bytes: raw).bytes
                    segments = HTMLArticles.segments(bytes, claims: indices.map { (claims[$0], claimModels[$0]) })
                    if segments != nil, findings == 0 { spent += bytes.count }
                }
            } else {
                shortened += 1
            }
            model["hasText"] = segments != nil
            model["segments"] = segments ?? []
            model["sentences"] = segments == nil ? indices.map { claimModels[$0] } : []
            models.append(model)
        }
        return (models, shortened)
    }

    /// Plain text and highlighted claims in order. Nil when a claim's bytes are not its
    /// quote (the file changed after it was read). A claim overlapping an earlier one is
    /// highlighted only in the findings and sentence views.
    static func segments(_ bytes: [UInt8], claims: [(claim: Claim, model: [String: Any])]) -> [[String: Any]]? {
        var segments: [[String: Any]] = []
        var cursor = 0
        for (claim, model) in claims.sorted(by: { $0.claim.start < $1.claim.start }) {
            guard claim.start >= 0, claim.end <= bytes.count, claim.start <= claim.end else { return nil }
            guard String(decoding: bytes[claim.start..<claim.end], as: UTF8.self) == claim.quote else { return nil }
            guard claim.start >= cursor else { continue }
            if claim.start > cursor { segments.append(text(bytes[cursor..<claim.start])) }
            var mark = model
            mark["isClaim"] = true
            mark["text"] = String(decoding: bytes[claim.start..<claim.end], as: UTF8.self)
            segments.append(mark)
            cursor = claim.end
        }
        if cursor < bytes.count { segments.append(text(bytes[cursor...])) }
        return segments
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> [String: Any] {
        ["isClaim": false, "text": String(decoding: bytes, as: UTF8.self)]
    }
}
