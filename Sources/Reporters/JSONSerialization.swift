extension JSON {
    /// Compact (`{"a":1,"b":[true,null]}`) or pretty (two-space indent, `"key": value`)
    /// text, without a trailing newline.
    public func serialized(pretty: Bool = false) -> String {
        var writer = JSONWriter(pretty: pretty)
        writer.write(self, depth: 0)
        return writer.finish()
    }

    /// Whole numbers without a fraction ("3"; -0 as "0"), others in the shortest form that
    /// reads back to the same Double ("24140.16", "1e-05"); ∞ and NaN as `null`.
    public static func format(number value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(.towardZero), abs(value) < 9.2e18 {
            return String(Int64(value))
        }
        return value.description
    }

    /// The JSON string literal for `text`, quotes included. `"` and `\` are escaped, `\n`,
    /// `\r`, `\t` use their short forms, other control characters (and DEL) are `\u00XX`, and
    /// U+2028/U+2029 are escaped so line-oriented readers never split a JSON Lines record.
    /// Everything else, non-ASCII included, is kept as UTF-8.
    public static func quote(_ text: String) -> String {
        var writer = JSONWriter(pretty: false)
        writer.writeString(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// A member of an object written by `JSON.writeObject`: a value, or an array whose
/// elements are made one at a time.
public enum StreamedMember {
    case value(JSON)
    case elements(count: Int, element: (Int) -> JSON)
}

extension JSON {
    /// The same text as the object of these members made whole and `serialized(pretty:)`, and a
    /// newline, but each array element exists as a tree only while it is written, and the text
    /// goes to `sink` in pieces of about 64 KB: a report of every claim of an archive is never
    /// held whole, as a tree or as text.
    public static func writeObject(pretty: Bool, _ members: [(key: String, value: StreamedMember)], to sink: (String) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            var writer = JSONWriter(pretty: pretty, sink: sink)
            writer.writeObject(members)
            writer.bytes.append(UInt8(ascii: "\n"))
            writer.flush()
        }
    }

    /// `writeObject` collected into one text.
    public static func serializedObject(pretty: Bool, _ members: [(key: String, value: StreamedMember)]) -> String {
        var text = ""
        writeObject(pretty: pretty, members) { text += $0 }
        return text
    }
}

/// Appends JSON text to a byte buffer. With a sink, the buffer is handed on as text every
/// 64 KB (between elements, so never inside a character).
private struct JSONWriter {
    let pretty: Bool
    var bytes: [UInt8] = []
    private let sink: ((String) -> Void)?
    private static let flushSize = 1 << 16

    init(pretty: Bool, sink: ((String) -> Void)? = nil) {
        self.pretty = pretty
        self.sink = sink
        bytes.reserveCapacity(1024)
    }

    /// Everything written, as text (without a sink).
    func finish() -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        sink(String(decoding: bytes, as: UTF8.self))
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func write(_ value: JSON, depth: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let number): append(JSON.format(number: number))
        case .string(let text): writeString(text)
        case .array(let elements):
            writeContainer(open: "[", close: "]", count: elements.count, depth: depth) { writer, index in
                writer.write(elements[index], depth: depth + 1)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, depth: depth) { writer, index in
                writer.writeString(members[index].key)
                writer.append(writer.pretty ? ": " : ":")
                writer.write(members[index].value, depth: depth + 1)
            }
        }
    }

    mutating func writeObject(_ members: [(key: String, value: StreamedMember)]) {
        writeContainer(open: "{", close: "}", count: members.count, depth: 0) { writer, index in
            writer.writeString(members[index].key)
            writer.append(writer.pretty ? ": " : ":")
            switch members[index].value {
            case .value(let value):
                writer.write(value, depth: 1)
            case .elements(let count, let element):
                writer.writeContainer(open: "[", close: "]", count: count, depth: 1) { writer, index in
                    writer.write(element(index), depth: 2)
                }
            }
        }
    }

    private mutating func writeContainer(open: String, close: String, count: Int, depth: Int,
                                         element: (inout JSONWriter, Int) -> Void) {
        append(open)
        guard count > 0 else { return append(close) }
        for index in 0..<count {
            if sink != nil, bytes.count >= JSONWriter.flushSize { flush() }
            if index > 0 { append(",") }
            newline(depth: depth + 1)
            element(&self, index)
        }
        newline(depth: depth)
        append(close)
    }

    private mutating func newline(depth: Int) {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\r"): append("\\r")
            case UInt8(ascii: "\t"): append("\\t")
            case 0x00..<0x20, 0x7F: appendUnicodeEscape(UInt32(byte))
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80
                && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                appendUnicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                index += 2
            default: bytes.append(byte)
            }
            index += 1
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendUnicodeEscape(_ scalar: UInt32) {
        let hex = Array("0123456789abcdef".utf8)
        append("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(hex[Int((scalar >> UInt32(shift)) & 0xF)])
        }
    }
}
