import Claims
import Foundation

/// Stable fingerprints: FNV-1a 64 over text fields (Swift's `Hasher` is seeded per process,
/// so it cannot be stored). Never includes line numbers or byte offsets.
public enum Fingerprint {
    static func make(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, part) in parts.enumerated() {
            if index > 0 { mix(&hash, 0x1f) }
            for byte in part.utf8 { mix(&hash, byte) }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func mix(_ hash: inout UInt64, _ byte: UInt8) {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }

    /// A claim's identity without its position: file, kind, unit, context and quote.
    static func describe(_ claim: Claim, root: String? = nil) -> String {
        let c = claim.context
        return [path(claim.file, root: root), claim.kind, claim.unit, c.place ?? "", c.date ?? "", c.group ?? "", claim.quote]
            .joined(separator: "\u{1e}")
    }

    /// "arch/a.txt", "./arch/a.txt" and "/work/repo/arch/a.txt" (run from /work/repo) are one
    /// file; relative to `root` (the project root, else the working directory).
    static func path(_ file: String, root: String? = nil) -> String {
        guard file != "<stdin>" else { return file }
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        let root = URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath).standardizedFileURL.path
        return absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute
    }

    /// Order-independent over claims, so swapping paragraphs keeps the fingerprint.
    public static func make(check: String, claims: [Claim], root: String? = nil) -> String {
        make([check] + claims.map { describe($0, root: root) }.sorted())
    }
}
