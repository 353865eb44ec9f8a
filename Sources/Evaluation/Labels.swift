import Claims
import Foundation

/// One hand-labelled claim of a passage, as written in a labels file.
public struct LabelledClaim: Equatable, Sendable {
    public var quote: String
    /// crowd, vote_share, turnout, distance, casualties, or other.
    public var kind: String
    public var low: Double?
    public var high: Double?
    public var unit: String?
    public var sourced: Bool
    public var source: String?
    public var approx: Bool
    public var vague: Bool
    /// Byte range of the quote in its article, found when the labels are checked against it.
    public var range: Range<Int> = 0..<0

    public init(quote: String, kind: String, low: Double?, high: Double?, unit: String? = nil, sourced: Bool,
                source: String? = nil, approx: Bool = false, vague: Bool = false) {
        self.quote = quote
        self.kind = kind
        self.low = low
        self.high = high
        self.unit = unit
        self.sourced = sourced
        self.source = source
        self.approx = approx
        self.vague = vague
    }
}

/// Two quotes of labelled claims that cannot both hold.
public struct LabelledPair: Equatable, Sendable {
    public var a: String
    public var b: String
    public var why: String
}

/// One labelled article: its claims, its contradictions and the pairs left undecided.
public struct LabelledPassage: Equatable, Sendable {
    public var file: String
    /// 1-based line of the passage in its labels file, for messages.
    public var line: Int
    public var claims: [LabelledClaim]
    public var conflicts: [LabelledPair]
    public var ambiguous: [LabelledPair]
}

/// A contradiction between claims of two passages.
public struct CrossPair: Equatable, Sendable {
    public var a: (file: String, quote: String)
    public var b: (file: String, quote: String)
    public var why: String
    public var line: Int

    public static func == (l: CrossPair, r: CrossPair) -> Bool {
        l.a == r.a && l.b == r.b && l.why == r.why && l.line == r.line
    }
}

/// The kinds of the newsdev label format. A run scores the kinds its labels use (every kind
/// but `other`, which is only a selection), so a newsroom's own kind is scored too.
public let evaluatedKinds = ["casualties", "crowd", "distance", "turnout", "vote_share"]
public let selectionKind = "other"

/// Reads labels files (JSON Lines). Every problem is a diagnostic naming the file and line;
/// a bad line is skipped and the others are still read.
public enum LabelReader {
    public static func passages(path: String) -> ([LabelledPassage], [Diagnostic]) {
        var passages: [LabelledPassage] = []
        var problems: [Diagnostic] = []
        forEachObject(path: path, &problems) { object, line in
            passages.append(try passage(object, line: line))
        }
        return (passages, problems)
    }

    public static func crossPairs(path: String) -> ([CrossPair], [Diagnostic]) {
        var pairs: [CrossPair] = []
        var problems: [Diagnostic] = []
        forEachObject(path: path, &problems) { object, line in
            let fields = Fields(object, "")
            let a = try fields.object("a")
            let b = try fields.object("b")
            pairs.append(CrossPair(a: (try a.string("file"), try a.string("quote")),
                                   b: (try b.string("file"), try b.string("quote")),
                                   why: try fields.optionalString("why") ?? "", line: line))
        }
        return (pairs, problems)
    }

    /// Calls `body` with each non-blank line's JSON object and its 1-based line number; what
    /// it throws becomes a diagnostic for that line.
    private static func forEachObject(path: String, _ problems: inout [Diagnostic],
                                      _ body: ([String: JSONValue], Int) throws -> Void) {
        guard let data = FileManager.default.contents(atPath: path) else {
            problems.append(Issue.evaluation(.unreadableLabels(exists: FileManager.default.fileExists(atPath: path))).diagnostic(file: path))
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            problems.append(Issue.evaluation(.labelsNotUTF8).diagnostic(file: path))
            return
        }
        // "\r\n" is one Character in Swift, so splitting on "\n" alone read a CRLF file
        // (saved on Windows) as one malformed line.
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            guard let parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)) else {
                problems.append(Issue.evaluation(.malformedJSON).diagnostic(file: path, line: index + 1))
                continue
            }
            guard case .object(let object) = parsed else {
                problems.append(Issue.evaluation(.notAJSONObject).diagnostic(file: path, line: index + 1))
                continue
            }
            do {
                try body(object, index + 1)
            } catch {
                problems.append((error as? FieldError).map { Issue.evaluation($0.issue).diagnostic(file: path, line: index + 1) }
                    ?? Diagnostic(file: path, line: index + 1, "\(error)"))
            }
        }
    }

    private static func passage(_ object: [String: JSONValue], line: Int) throws -> LabelledPassage {
        let fields = Fields(object, "")
        let claims = try fields.array("claims").enumerated().map { index, value -> LabelledClaim in
            guard case .object(let claim) = value else { throw FieldError(.claimNotAnObject(claim: index + 1)) }
            let f = Fields(claim, "claim \(index + 1): ")
            return LabelledClaim(quote: try f.string("quote"), kind: try f.string("kind"),
                                 low: try f.number("low"), high: try f.number("high"),
                                 unit: try f.optionalString("unit"), sourced: try f.bool("sourced"),
                                 source: try f.optionalString("source"),
                                 approx: try f.optionalBool("approx") ?? false, vague: try f.optionalBool("vague") ?? false)
        }
        func pairs(_ key: String) throws -> [LabelledPair] {
            try fields.optionalArray(key).enumerated().map { index, value in
                guard case .array(let items) = value, items.count >= 2,
                      case .string(let a) = items[0], case .string(let b) = items[1] else {
                    throw FieldError(.malformedPair(list: key, index: index + 1))
                }
                var why = ""
                if items.count > 2, case .string(let text) = items[2] { why = text }
                return LabelledPair(a: a, b: b, why: why)
            }
        }
        return LabelledPassage(file: try fields.string("file"), line: line, claims: claims,
                               conflicts: try pairs("conflicts"), ambiguous: try pairs("ambiguous"))
    }
}

struct FieldError: Error {
    let issue: Issue.Evaluation
    init(_ issue: Issue.Evaluation) { self.issue = issue }
}

/// A parsed JSON value that keeps true apart from 1, which Foundation's NSNumber does not.
enum JSONValue: Decodable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .string(text) }
        else if let items = try? container.decode([JSONValue].self) { self = .array(items) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }
}

/// Typed access to a JSON object's fields, with messages that say which field is wrong.
private struct Fields {
    let object: [String: JSONValue]
    let prefix: String
    init(_ object: [String: JSONValue], _ prefix: String) {
        self.object = object
        self.prefix = prefix
    }

    private func value(_ key: String) throws -> JSONValue {
        guard let value = object[key] else { throw FieldError(.missingField(key, at: prefix)) }
        return value
    }

    func string(_ key: String) throws -> String {
        guard case .string(let text) = try value(key) else { throw FieldError(.wrongField(key, at: prefix, expected: .string)) }
        return text
    }

    func optionalString(_ key: String) throws -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw FieldError(.wrongField(key, at: prefix, expected: .stringOrNull))
        }
    }

    /// A number or null (unbounded); the field itself must be present.
    func number(_ key: String) throws -> Double? {
        switch try value(key) {
        case .null: return nil
        case .number(let number): return number
        default: throw FieldError(.wrongField(key, at: prefix, expected: .numberOrNull))
        }
    }

    func bool(_ key: String) throws -> Bool {
        guard let flag = try optionalBool(key) else { throw FieldError(.missingField(key, at: prefix)) }
        return flag
    }

    func optionalBool(_ key: String) throws -> Bool? {
        switch object[key] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        default: throw FieldError(.wrongField(key, at: prefix, expected: .bool))
        }
    }

    func array(_ key: String) throws -> [JSONValue] {
        guard case .array(let items) = try value(key) else { throw FieldError(.wrongField(key, at: prefix, expected: .array)) }
        return items
    }

    /// An optional array: missing or null reads as empty.
    func optionalArray(_ key: String) throws -> [JSONValue] {
        switch object[key] {
        case nil, .null?: return []
        default: return try array(key)
        }
    }

    func object(_ key: String) throws -> Fields {
        guard case .object(let inner) = try value(key) else { throw FieldError(.wrongField(key, at: prefix, expected: .object)) }
        return Fields(inner, "\(prefix)\(key): ")
    }
}
