/// Making article text safe and readable in line-oriented, human-facing output.
enum TextEscaping {
    /// `"…"` with `\`, `"` and control characters escaped Swift-style (`\n`, `\u{1B}`).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if isUnsafe(scalar) {
                    out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A `key=value` value: bare when it is a simple word, `quoted` otherwise.
    static func field(_ text: String) -> String {
        let needsQuotes = text.isEmpty || text.unicodeScalars.contains {
            $0.properties.isWhitespace || $0 == "\"" || $0 == "\\" || $0 == "=" || isUnsafe($0)
        }
        return needsQuotes ? quoted(text) : text
    }

    /// Text for a terminal: line breaks and tabs become spaces, other control characters and
    /// bidirectional overrides become U+FFFD, so article text can neither inject escape
    /// sequences nor reorder what is shown.
    static func terminalSafe(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                out.append(" ")
            } else if isUnsafe(scalar) {
                out.append("\u{FFFD}")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Control characters (C0, DEL, C1) and bidirectional embedding/override/isolate marks.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
