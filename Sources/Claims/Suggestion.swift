/// "Did you mean …?" for every misspelt name a user can type: config keys, rule keys, check
/// ids, suppression directives, subcommands. One edit-distance rule, so all agree.
public enum Suggestion {
    /// The candidate within two edits of `word` (ties broken alphabetically), if any.
    public static func closest<S: Sequence<String>>(to word: String, in candidates: S) -> String? {
        let target = Array(word)
        let scored = candidates.map { ($0, distance(target, Array($0))) }.filter { $0.1 <= 2 && $0.1 < max(target.count, 1) }
        return scored.min { $0.1 == $1.1 ? $0.0 < $1.0 : $0.1 < $1.1 }?.0
    }

    /// " (did you mean 'x'?)", or "" when nothing is close.
    public static func hint<S: Sequence<String>>(for word: String, in candidates: S) -> String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
