import Foundation

/// FNV-1a 64 over bytes, as hex: enough to tell a changed file from an unchanged one, and
/// stable across processes (Swift's `Hasher` is seeded per run).
public enum ContentHash {
    public static func of(_ bytes: [UInt8]) -> String {
        var hash = FNV()
        hash.add(bytes)
        return hash.hex
    }

    /// An article as it was extracted: its bytes and, when `--date` overrode the article's
    /// own date, that date too, so a record made under another date is out of date.
    public static func article(_ bytes: [UInt8], dateOverride: String?) -> String {
        guard let dateOverride else { return of(bytes) }
        var hash = FNV()
        hash.add(bytes)
        hash.add([0x1e] + Array(dateOverride.utf8))
        return hash.hex
    }

    /// The rule-set version: a hash of the loaded rule files' contents in load order. A file
    /// that cannot be read still changes the version (its path is hashed).
    public static func ruleSet(files: [String]) -> String {
        var hash = FNV()
        for file in files {
            if let data = FileManager.default.contents(atPath: file) {
                hash.add(Array(data))
            } else {
                hash.add(Array(file.utf8))
            }
            hash.add([0x1e])
        }
        return hash.hex
    }

    struct FNV {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ bytes: [UInt8]) {
            var hash = value
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            value = hash
        }

        var hex: String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
    }
}
