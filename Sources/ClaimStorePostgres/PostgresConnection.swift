import CLibPQ
import Claims
import Foundation

/// One libpq connection, used by one thread at a time (the store locks around it). Every
/// parameter and result travels as text.
final class PostgresConnection {
    private let connection: OpaquePointer
    /// The URL without its password, for messages.
    let location: String
    private let password: String?

    /// Connects to a `postgres://` URL. The password may come from the URL, `PGPASSWORD` or
    /// `~/.pgpass` (libpq reads both); no message ever shows it.
    init(url: String) throws {
        location = PostgresURL.redacted(url)
        password = PostgresURL.password(in: url)
        // Keywords before the expanded URL are defaults it may override; both lists end in NULL.
        let keywords: [String?] = ["connect_timeout", "application_name", "dbname", nil]
        let values: [String?] = ["10", "claimcheck", url, nil]
        let connection = Self.withCStrings(keywords) { keys in
            Self.withCStrings(values) { vals in PQconnectdbParams(keys, vals, 1) }
        }
        guard let connection else { throw Issue.store(.connectionOutOfMemory).diagnostic(file: PostgresURL.redacted(url)) }
        self.connection = connection
        guard PQstatus(connection) == CONNECTION_OK else {
            // deinit finishes the connection: every property is set, so it runs even now.
            let message = clean(String(cString: PQerrorMessage(connection)))
            throw Issue.store(.cannotConnect(reason: message)).diagnostic(file: location)
        }
        cc_pq_silence_notices(connection)
    }

    deinit { PQfinish(connection) }

    /// Runs a statement with `?` or `$n` placeholders; rows as text cells (nil for NULL).
    @discardableResult
    func query(_ sql: String, _ arguments: [String?] = []) throws -> [[String?]] {
        let numbered = Self.numbered(sql)
        let result = Self.withCStrings(arguments) { values in
            PQexecParams(connection, numbered, Int32(arguments.count), nil, values, nil, nil, 0)
        }
        return try rows(result, sql: sql)
    }

    func prepare(_ name: String, _ sql: String) throws {
        let result = PQprepare(connection, name, Self.numbered(sql), 0, nil)
        _ = try rows(result, sql: sql)
    }

    @discardableResult
    func execute(prepared name: String, _ arguments: [String?]) throws -> [[String?]] {
        let result = Self.withCStrings(arguments) { values in
            PQexecPrepared(connection, name, Int32(arguments.count), values, nil, nil, 0)
        }
        return try rows(result, sql: name)
    }

    private func rows(_ result: OpaquePointer?, sql: String) throws -> [[String?]] {
        guard let result else {
            throw Issue.store(.failed(reason: clean(String(cString: PQerrorMessage(connection))))).diagnostic(file: location)
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw Issue.store(.failed(reason: clean(String(cString: PQresultErrorMessage(result))))).diagnostic(file: location)
        }
        let count = Int(PQntuples(result))
        let fields = Int(PQnfields(result))
        var rows: [[String?]] = []
        rows.reserveCapacity(count)
        for row in 0..<count {
            var cells: [String?] = []
            cells.reserveCapacity(fields)
            for field in 0..<fields {
                if PQgetisnull(result, Int32(row), Int32(field)) != 0 {
                    cells.append(nil)
                } else {
                    cells.append(String(cString: PQgetvalue(result, Int32(row), Int32(field))))
                }
            }
            rows.append(cells)
        }
        return rows
    }

    /// One line, without the password even if a server echoed it.
    private func clean(_ message: String) -> String {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(whereSeparator: \.isNewline).joined(separator: "; ")
        if let password, !password.isEmpty { text = text.replacingOccurrences(of: password, with: "***") }
        return text
    }

    /// `?` placeholders become `$1`, `$2`, … (SQL shared with SQLite uses `?`).
    static func numbered(_ sql: String) -> String {
        var out = ""
        var index = 0
        for character in sql {
            if character == "?" {
                index += 1
                out += "$\(index)"
            } else {
                out.append(character)
            }
        }
        return out
    }

    static func withCStrings<T>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
        let pointers = strings.map { $0.map { UnsafePointer(strdup($0)!) } }
        defer { for pointer in pointers { free(UnsafeMutablePointer(mutating: pointer)) } }
        return body(pointers)
    }
}

/// Reading and redacting `postgres://user:password@host:port/db?…` URLs.
public enum PostgresURL {
    /// The URL with any password removed.
    public static func redacted(_ url: String) -> String {
        guard let range = credentials(url), let colon = url[range].firstIndex(of: ":") else { return url }
        return url.replacingCharacters(in: colon..<range.upperBound, with: "")
    }

    static func password(in url: String) -> String? {
        guard let range = credentials(url), let colon = url[range].firstIndex(of: ":") else { return nil }
        let raw = String(url[url.index(after: colon)..<range.upperBound])
        return raw.removingPercentEncoding ?? raw
    }

    /// The `user:password` part between `://` and the last `@` of the authority.
    private static func credentials(_ url: String) -> Range<String.Index>? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return nil }
        return scheme.upperBound..<at
    }
}
