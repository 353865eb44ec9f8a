import ClaimStore
import Claims
import Foundation

/// The shared store: the same tables, migrations and behaviour as `SQLiteStore`, in a
/// PostgreSQL database reached through Debian's libpq. Writers take a transaction-scoped
/// advisory lock, so concurrent ingests from many CI runners serialize instead of racing on
/// an article's path; text columns use the "C" collation, so ordering and date ranges
/// compare bytes as SQLite does.
public final class PostgresStore: ClaimStorage, @unchecked Sendable {
    public var location: String { connection.location }
    private let connection: PostgresConnection
    private let lock = NSLock()

    /// Advisory lock key for schema changes and writes ("CCLM").
    static let lockKey = "1128483917"

    public init(url: String) throws {
        connection = try PostgresConnection(url: url)
        try transaction { try PostgresSchema.migrate(connection) }
        try connection.prepare("insert_article", "INSERT INTO articles (path, hash, date, title, rules, recorded_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
        try connection.prepare("insert_claim", StoreSchema.insertClaim)
        try connection.prepare("delete_article", "DELETE FROM articles WHERE path = ?")
    }

    public func articleStates() throws -> [String: ArticleState] {
        try locked {
            var states: [String: ArticleState] = [:]
            for row in try connection.query("SELECT path, hash, rules FROM articles") {
                states[row[0] ?? ""] = ArticleState(hash: row[1] ?? "", rules: row[2] ?? "")
            }
            return states
        }
    }

    public func replace(_ articles: [ArticleRecord]) throws {
        guard !articles.isEmpty else { return }
        let now = ISO8601DateFormatter().string(from: Date())
        try transaction {
            try connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))")
            for record in articles {
                try connection.execute(prepared: "delete_article", [record.path])
                let id = try connection.execute(prepared: "insert_article", [record.path, record.hash, record.date, record.title, record.rules, now])
                guard let articleID = id.first?.first ?? nil else { throw Issue.store(.noArticleID(path: record.path)).diagnostic(file: location) }
                for claim in record.claims {
                    try connection.execute(prepared: "insert_claim", [articleID] + ClaimColumns.cells(for: claim).map(Self.text))
                }
            }
        }
    }

    public func remove(paths: [String]) throws {
        guard !paths.isEmpty else { return }
        try transaction {
            try connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))")
            for path in paths { try connection.execute(prepared: "delete_article", [path]) }
        }
    }

    public func claims(_ query: ClaimQuery) throws -> [StoredClaim] {
        let (sql, arguments) = ClaimQuerySQL.select(query)
        return try locked {
            try connection.query(sql, arguments).map { row in
                let path = row[0] ?? ""
                let cells = zip(ClaimColumns.names, row.dropFirst(3)).map { Self.cell($1, ClaimQuerySQL.type(of: $0)) }
                guard let claim = ClaimColumns.claim(from: cells, file: path) else {
                    throw Issue.store(.incompleteClaim(path: path)).diagnostic(file: location)
                }
                return StoredClaim(claim: claim, articleDate: row[1], title: row[2] ?? "")
            }
        }
    }

    public func counts() throws -> (articles: Int, claims: Int) {
        try locked {
            let row = try connection.query("SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM claims)").first
            return (Int(row?[0] ?? "") ?? 0, Int(row?[1] ?? "") ?? 0)
        }
    }

    /// Runs statements on a plain connection, without opening a store (tests make and drop
    /// their schemas with it).
    public static func administer(url: String, _ statements: [String]) throws {
        let connection = try PostgresConnection(url: url)
        for statement in statements { try connection.query(statement) }
    }

    private func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    private func transaction(_ body: () throws -> Void) throws {
        try locked {
            try connection.query("BEGIN")
            do {
                try body()
                try connection.query("COMMIT")
            } catch {
                _ = try? connection.query("ROLLBACK")
                throw error
            }
        }
    }

    static func text(_ cell: Cell) -> String? {
        switch cell {
        case .null: return nil
        case .int(let value): return String(value)
        case .real(let value): return value.isNaN ? "NaN" : value.isInfinite ? (value < 0 ? "-Infinity" : "Infinity") : "\(value)"
        case .text(let value): return value
        }
    }

    static func cell(_ text: String?, _ type: ClaimQuerySQL.ColumnType) -> Cell {
        guard let text else { return .null }
        switch type {
        case .integer: return Int(text).map { .int($0) } ?? .null
        case .real: return Double(text).map { .real($0) } ?? .null
        case .text, .requiredText: return .text(text)
        }
    }
}

/// The PostgreSQL schema: `claimcheck_schema` holds the version.
enum PostgresSchema {
    /// Migration N (1-based) takes the schema from version N-1 to N. Append; never edit.
    static let migrations: [[String]] = [["CREATE TABLE claimcheck_schema (version INTEGER NOT NULL)"] + StoreSchema.tables(.postgres)]

    static var version: Int { migrations.count }

    /// Inside the caller's transaction: refuses foreign tables or a newer schema before
    /// writing anything, then applies the missing migrations once (under the advisory lock).
    static func migrate(_ connection: PostgresConnection) throws {
        try connection.query("SELECT pg_advisory_xact_lock(\(PostgresStore.lockKey))")
        let found = try connection.query("SELECT to_regclass('claimcheck_schema') IS NOT NULL, to_regclass('articles') IS NOT NULL OR to_regclass('claims') IS NOT NULL").first
        let versioned = found?[0] == "t"
        var current = 0
        if versioned {
            current = Int(try connection.query("SELECT COALESCE(MAX(version), 0) FROM claimcheck_schema").first?[0] ?? "") ?? 0
        } else if found?[1] == "t" {
            throw Issue.store(.foreignPostgres).diagnostic(file: connection.location)
        }
        if current > version {
            throw Issue.store(.newerSchema(found: current, supported: version)).diagnostic(file: connection.location)
        }
        guard current < version else { return }
        for migration in migrations[current...] {
            for statement in migration { try connection.query(statement) }
        }
        try connection.query("DELETE FROM claimcheck_schema")
        try connection.query("INSERT INTO claimcheck_schema (version) VALUES (\(version))")
    }
}
