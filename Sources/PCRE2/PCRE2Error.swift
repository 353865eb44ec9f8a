import CPCRE2

/// An error reported by PCRE2, carrying its own message and, for compile errors,
/// the byte offset in the pattern where it gave up.
public struct PCRE2Error: Error, Equatable, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    /// Byte offset into the pattern (compile errors only).
    public let offset: Int?

    public init(code: Int32, offset: Int? = nil) {
        self.code = code
        self.offset = offset
        self.message = PCRE2Error.text(for: code)
    }

    public var isResourceLimit: Bool {
        code == PCRE2_ERROR_MATCHLIMIT || code == PCRE2_ERROR_DEPTHLIMIT
            || code == PCRE2_ERROR_JIT_STACKLIMIT || code == PCRE2_ERROR_HEAPLIMIT
    }

    public var description: String {
        if let offset { return "\(message) at offset \(offset)" }
        return message
    }

    static func text(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBufferPointer {
            pcre2_get_error_message_8(code, $0.baseAddress, $0.count)
        }
        guard count > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(count)], as: UTF8.self)
    }
}
