/// Minimal glob matching for ignore lists: `*` within a path segment, `**` across them
/// (`**/` may also match nothing), `?` one character other than `/`.
///
/// Runs as a set of live pattern positions stepped over the path once, so the cost is
/// O(pattern × path) whatever the stars: backtracking was exponential in them.
public enum Glob {
    enum Token: Equatable {
        case literal(Character)
        case one        // ?
        case star       // *: any run without "/"
        case globstar   // ** (and **/): any run at all
    }

    static func tokens(_ pattern: String) -> [Token] {
        let p = Array(pattern)
        var tokens: [Token] = []
        var i = 0
        while i < p.count {
            if p[i] == "*" {
                if i + 1 < p.count, p[i + 1] == "*" {
                    i += 2
                    if i < p.count, p[i] == "/" { i += 1 }
                    tokens.append(.globstar)
                } else {
                    i += 1
                    tokens.append(.star)
                }
            } else {
                tokens.append(p[i] == "?" ? .one : .literal(p[i]))
                i += 1
            }
        }
        return tokens
    }

    public static func matches(_ pattern: String, _ path: String) -> Bool {
        Compiled(pattern).matches(Array(path))
    }

    /// A pattern tokenised once, for ignore lists tried against every file of an archive.
    struct Compiled: Sendable, Equatable {
        let tokens: [Token]
        /// The literals after the last wildcard: a path not ending in them cannot match, which
        /// settles most `*.ext` patterns without stepping through the path.
        let suffix: [Character]

        init(_ pattern: String) {
            tokens = Glob.tokens(pattern)
            var suffix: [Character] = []
            for token in tokens.reversed() {
                guard case .literal(let c) = token else { break }
                suffix.append(c)
            }
            self.suffix = suffix.reversed()
        }

        func matches(_ path: [Character]) -> Bool {
            guard path.count >= suffix.count, path[(path.count - suffix.count)...].elementsEqual(suffix) else { return false }
            return Glob.run(tokens, path)
        }
    }

    private static func run(_ tokens: [Token], _ path: [Character]) -> Bool {
        var live = [Bool](repeating: false, count: tokens.count + 1)
        var next = live
        // A star may match nothing, so reaching it also reaches what follows it.
        func close(_ states: inout [Bool]) {
            for t in tokens.indices where states[t] && (tokens[t] == .star || tokens[t] == .globstar) {
                states[t + 1] = true
            }
        }
        live[0] = true
        close(&live)
        for character in path {
            for t in next.indices { next[t] = false }
            var any = false
            for t in tokens.indices where live[t] {
                switch tokens[t] {
                case .literal(let c) where c == character: next[t + 1] = true
                case .one where character != "/": next[t + 1] = true
                case .star where character != "/": next[t] = true
                case .globstar: next[t] = true
                default: continue
                }
                any = true
            }
            guard any else { return false }
            close(&next)
            swap(&live, &next)
        }
        return live[tokens.count]
    }
}
