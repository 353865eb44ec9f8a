/// A JSON value whose objects keep their keys in the order they were written, so reports
/// come out byte-for-byte the same on every run and every platform.
public enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    /// Non-finite numbers (∞, NaN) serialize as `null`.
    case number(Double)
    case string(String)
    case array([JSON])
    /// Members in output order; keys are not deduplicated.
    case object([Member])

    public struct Member: Equatable, Sendable {
        public var key: String
        public var value: JSON

        public init(_ key: String, _ value: JSON) {
            self.key = key
            self.value = value
        }
    }

    /// `null` when nil.
    public init(_ value: String?) {
        self = value.map(JSON.string) ?? .null
    }

    /// `null` when nil.
    public init(_ value: Int?) {
        self = value.map { .number(Double($0)) } ?? .null
    }

    /// `null` when nil (and, when serialized, when not finite).
    public init(_ value: Double?) {
        self = value.map(JSON.number) ?? .null
    }

    public init(_ value: Bool) {
        self = .bool(value)
    }

    /// The value of `key` in an object (first match), for tests and callers that post-process.
    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}

extension JSON: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral {
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    /// Dictionary literals keep their written order.
    public init(dictionaryLiteral elements: (String, JSON)...) {
        self = .object(elements.map { Member($0.0, $0.1) })
    }
}
