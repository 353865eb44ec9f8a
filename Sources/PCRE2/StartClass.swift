import CPCRE2

/// The characters a match can start with, read from PCRE2's own start-of-match analysis
/// (its first code unit or start bitmap), as a character class. Put in a lookahead before a
/// pattern that PCRE2 cannot analyse itself (its start is a subroutine call), it lets the JIT
/// skip every other position without changing what matches. Every match starts with one of
/// the class's characters; a class is never empty-matching.
enum StartClass {
    /// nil when the analysis knows nothing useful (no bitmap, an anchored or empty-matching
    /// pattern, or a start byte that begins no UTF-8 character).
    static func of(_ code: OpaquePointer) -> String? {
        var firstType: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &firstType)
        var bytes = [Bool](repeating: false, count: 256)
        if firstType == 1 {
            var unit: UInt32 = 0
            pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODEUNIT), &unit)
            guard unit < 256 else { return nil }
            bytes[Int(unit)] = true
            // PCRE2 does not say whether the unit is caseless: assume it is, as a class used
            // where case matters must still hold every character a match can start with.
            if let letter = Unicode.Scalar(unit), letter.isASCII, letter.properties.isAlphabetic {
                bytes[Int(unit) | 0x20] = true
                bytes[Int(unit) & ~0x20] = true
                if unit | 0x20 == UInt32(UInt8(ascii: "s")) { bytes[0xC5] = true }  // ſ U+017F
                if unit | 0x20 == UInt32(UInt8(ascii: "k")) { bytes[0xE2] = true }  // K U+212A
            }
        } else if firstType == 0 {
            var bitmap: UnsafePointer<UInt8>? = nil
            pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap)
            guard let bitmap else { return nil }
            for byte in 0..<256 where bitmap[byte / 8] & (1 << (byte % 8)) != 0 { bytes[byte] = true }
        } else {
            return nil
        }
        // A set byte that starts no character would mean we misread the analysis: give up.
        guard !(0x80...0xC1).contains(where: { bytes[$0] }), !(0xF5...0xFF).contains(where: { bytes[$0] }) else { return nil }
        guard bytes.contains(true) else { return nil }
        var ranges: [ClosedRange<UInt32>] = []
        for byte in 0..<0x80 where bytes[byte] { ranges.append(UInt32(byte)...UInt32(byte)) }
        for lead in 0xC2...0xF4 where bytes[lead] { ranges += characters(leadingWith: UInt32(lead)) }
        // Too wide a class saves nothing and costs a test at every position.
        let asciiCount = bytes[0..<0x80].filter { $0 }.count
        guard asciiCount < 0x60 else { return nil }
        return "[" + ranges.map(escape).joined() + "]"
    }

    /// The code points whose UTF-8 form starts with `lead` (surrogates left out: UTF mode
    /// rejects them in a class).
    private static func characters(leadingWith lead: UInt32) -> [ClosedRange<UInt32>] {
        switch lead {
        case 0xC2...0xDF:
            let low = (lead - 0xC0) << 6
            return [low...(low + 0x3F)]
        case 0xE0:
            return [0x800...0xFFF]
        case 0xED:
            return [0xD000...0xD7FF]
        case 0xE1...0xEF:
            let low = (lead - 0xE0) << 12
            return [low...(low + 0xFFF)]
        case 0xF0:
            return [0x10000...0x3FFFF]
        case 0xF1...0xF3:
            let low = (lead - 0xF0) << 18
            return [low...(low + 0x3FFFF)]
        default:
            return [0x100000...0x10FFFF]
        }
    }

    private static func escape(_ range: ClosedRange<UInt32>) -> String {
        func hex(_ value: UInt32) -> String { "\\x{" + String(value, radix: 16) + "}" }
        return range.lowerBound == range.upperBound ? hex(range.lowerBound) : hex(range.lowerBound) + "-" + hex(range.upperBound)
    }
}
