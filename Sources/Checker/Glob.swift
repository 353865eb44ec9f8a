/// Path globs for `ignore`: `*` and `?` stay within one path segment, `**` spans segments.
/// A pattern without `/` matches the file name at any depth, as in `.gitignore`.
public struct Glob: Equatable, Sendable {
    public var pattern: String

    public init(_ pattern: String) {
        self.pattern = pattern
    }

    public func matches(_ path: String) -> Bool {
        var trimmedPattern = Substring(pattern)
        while trimmedPattern.hasPrefix("./") { trimmedPattern = trimmedPattern.dropFirst(2) }
        var trimmedPath = Substring(path)
        while trimmedPath.hasPrefix("./") { trimmedPath = trimmedPath.dropFirst(2) }
        let p = Array(trimmedPattern)
        if !p.contains("/") {
            let name = trimmedPath.split(separator: "/").last.map(Array.init) ?? []
            return Glob.match(p[...], name[...])
        }
        let text = Array(trimmedPath)
        // A directory pattern ("drafts/") covers everything below it.
        if p.last == "/" { return Glob.match(p[...] + ["*", "*"], text[...]) }
        return Glob.match(p[...], text[...])
    }

    static func match(_ p: ArraySlice<Character>, _ s: ArraySlice<Character>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        if first == "*" {
            let doubled = p.dropFirst().first == "*"
            let rest = doubled ? p.dropFirst(2) : p.dropFirst()
            // "**/" also matches zero directories.
            if doubled, rest.first == "/", match(rest.dropFirst(), s) { return true }
            if doubled, rest.isEmpty { return true }
            var index = s.startIndex
            while true {
                if match(rest, s[index...]) { return true }
                guard index < s.endIndex, doubled || s[index] != "/" else { return false }
                index += 1
            }
        }
        guard let c = s.first else { return false }
        if first == "?" ? c == "/" : first != c { return false }
        return match(p.dropFirst(), s.dropFirst())
    }
}
