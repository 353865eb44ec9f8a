/// Paths as code-scanning tools want them: relative to the repository root, forward slashes.
struct ArtifactPath: Equatable, Sendable {
    /// Forward-slash path, relative to the source root unless `isRelative` is false.
    var path: String
    var isRelative: Bool

    /// `./a/b.txt` → `a/b.txt`; `C:\x` style separators → `/`; an absolute path under
    /// `root` → relative to it; any other absolute path stays absolute.
    init(_ file: String, root: String?) {
        var text = file.replacingAll("\\", with: "/")
        if text.hasPrefix("/"), let root {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            if text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        }
        isRelative = !text.hasPrefix("/")
        let parts = text.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        path = (isRelative ? "" : "/") + parts.joined(separator: "/")
    }

    /// A URI reference: relative (resolved against `%SRCROOT%`) or `file:///abs/path`.
    var uri: String {
        let encoded = ArtifactPath.percentEncoded(path)
        return isRelative ? encoded : "file://" + encoded
    }

    /// `file:///abs/dir/` for a source root directory.
    static func directoryURI(_ root: String) -> String {
        let slashed = root.replacingAll("\\", with: "/")
        let absolute = slashed.hasPrefix("/") ? slashed : "/" + slashed
        return "file://" + percentEncoded(absolute.hasSuffix("/") ? absolute : absolute + "/")
    }

    /// Percent-encodes UTF-8 bytes outside RFC 3986 unreserved, sub-delims, `/` and `@`.
    /// `:` is encoded too, so a relative path can never be read as a scheme.
    static func percentEncoded(_ text: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$&'()*+,;=@".utf8)
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            if allowed.contains(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
