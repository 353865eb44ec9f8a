/// Cheap facts about a pattern's text that the analyses of it need before trusting it.
public enum PatternScan {
    /// Do the parentheses of `bytes` balance, never closing more than they opened? Reads
    /// escapes, `\Q…\E`, classes and comments as PCRE2 does in extended mode; unsure means no.
    public static func balanced(_ bytes: [UInt8]) -> Bool {
        var depth = 0
        var index = 0
        func at(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                if at(1) == UInt8(ascii: "Q") {
                    index += 2
                    while index < bytes.count, !(bytes[index] == UInt8(ascii: "\\") && at(1) == UInt8(ascii: "E")) { index += 1 }
                }
                index += 2
            case UInt8(ascii: "#"):
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            case UInt8(ascii: "["):
                index += 1
                if at(0) == UInt8(ascii: "^") { index += 1 }
                if at(0) == UInt8(ascii: "]") { index += 1 }
                while index < bytes.count, bytes[index] != UInt8(ascii: "]") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    else if bytes[index] == UInt8(ascii: "["), at(1) == UInt8(ascii: ":") {
                        // Skip a POSIX class whole, so its "]" does not end the class.
                        var end = index + 2
                        while end < bytes.count, bytes[end] != UInt8(ascii: "]") { end += 1 }
                        if end > index + 2, bytes[end - 1] == UInt8(ascii: ":") { index = end }
                    }
                    index += 1
                }
                guard index < bytes.count else { return false }
                index += 1
            case UInt8(ascii: "("):
                if at(1) == UInt8(ascii: "?"), at(2) == UInt8(ascii: "#") {
                    while index < bytes.count, bytes[index] != UInt8(ascii: ")") { index += 1 }
                    guard index < bytes.count else { return false }
                } else {
                    depth += 1
                }
                index += 1
            case UInt8(ascii: ")"):
                depth -= 1
                guard depth >= 0 else { return false }
                index += 1
            default:
                index += 1
            }
        }
        return depth == 0
    }

    /// The names of the groups `bytes` defines: "(?<n>", "(?'n'", "(?P<n>". (A name in an
    /// escaped or quoted spot is counted too, which only makes the analysis more careful.)
    public static func groupNames(_ bytes: [UInt8]) -> Set<String> {
        var names: Set<String> = []
        var index = 0
        while index + 3 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "("), bytes[index + 1] == UInt8(ascii: "?") else { continue }
            var start = index + 2
            var close = UInt8(ascii: ">")
            if bytes[start] == UInt8(ascii: "P") { start += 1 }
            guard start < bytes.count else { continue }
            if bytes[start] == UInt8(ascii: "'") { close = UInt8(ascii: "'") } else if bytes[start] != UInt8(ascii: "<") { continue }
            start += 1
            var end = start
            while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
            if end > start, end < bytes.count, bytes[end] == close {
                names.insert(String(decoding: bytes[start..<end], as: UTF8.self))
            }
        }
        return names
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_")
    }
}
