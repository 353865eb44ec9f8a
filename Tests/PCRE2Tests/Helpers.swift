import PCRE2

/// All match ranges of `pattern` in `bytes`, via `forEachMatch`.
func allMatches(_ regex: Regex, in bytes: [UInt8], from start: Int = 0, limit: Int? = nil) throws -> [Range<Int>] {
    let matcher = Matcher(regex)
    var found: [Range<Int>] = []
    try bytes.withUnsafeBufferPointer { buffer in
        try matcher.forEachMatch(in: buffer, from: start, limit: limit) { found.append($0.range) }
    }
    return found
}

func allMatches(_ regex: Regex, in text: String, from start: Int = 0, limit: Int? = nil) throws -> [Range<Int>] {
    try allMatches(regex, in: Array(text.utf8), from: start, limit: limit)
}

/// The first match's whole range and the ranges of the named groups asked for.
func firstMatch(_ regex: Regex, in text: String, groups: [String] = []) throws -> (Range<Int>, [String: Range<Int>?])? {
    let matcher = Matcher(regex)
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { buffer in
        guard let match = try matcher.firstMatch(in: buffer, from: 0) else { return nil }
        var named: [String: Range<Int>?] = [:]
        for name in groups { named[name] = .some(match.range(ofGroup: name)) }
        return (match.range, named)
    }
}
