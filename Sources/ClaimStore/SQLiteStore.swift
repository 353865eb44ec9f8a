import Claims
import Foundation
import GRDB

/// The embedded store: one SQLite file in WAL mode (readers never wait for a writer), with a
/// busy timeout so concurrent ingests queue instead of failing, and a schema version in
/// `PRAGMA user_version`.
public final class SQLiteStore: ClaimStorage {
    public let location: String
    private let pool: DatabasePool

    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 60

    /// Opens or creates the store. A file that is not a SQLite database, a database that is
    /// not a claims store, or one written by a newer claimcheck is refused before anything is
    /// written to it.
    public init(path: String) throws {
        location = path
        try SQLiteStore.inspect(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(SQLiteStore.busyTimeout)
        configuration.foreignKeysEnabled = true
        do {
            pool = try SQLiteStore.openPool(path, configuration)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Self.diagnostic(error, path)
        }
    }

    /// Opens the pool and migrates. Two processes opening a new store at once can meet
    /// SQLITE_BUSY while one switches the file to WAL, which the busy timeout does not cover;
    /// such an open is retried for up to the busy timeout.
    static func openPool(_ path: String, _ configuration: Configuration) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try pool.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        try SQLiteSchema.migrate(db, path: path)
                        return .commit
                    }
                }
                return pool
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode.primaryResultCode)
                && Date() < deadline {
                usleep(50_000)
            }
        }
    }

    /// Reads the header of an existing file without writing to it.
    static func inspect(_ path: String) throws {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return }
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            throw Issue.store(.isDirectory).diagnostic(file: path)
        }
        guard (attributes[.size] as? NSNumber)?.intValue ?? 0 > 0 else { return }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in try SQLiteSchema.check(db, path: path) }
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            // A read-only look can fail while another process is creating the store (its WAL
            // files do not exist yet): a file with SQLite's header is left to the writable open,
            // whose migration checks the schema inside its transaction before writing any.
            if hasSQLiteHeader(path) { return }
            throw Issue.store(.notSQLite(reason: describe(error))).diagnostic(file: path)
        }
    }

    /// Whether the file starts with "SQLite format 3\0".
    static func hasSQLiteHeader(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\u{0}".utf8)
    }

    public func articleStates() throws -> [String: ArticleState] {
        try run {
            try pool.read { db in
                var states: [String: ArticleState] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT path, hash, rules FROM articles")
                while let row = try rows.next() {
                    states[row[0]] = ArticleState(hash: row[1], rules: row[2])
                }
                return states
            }
        }
    }

    public func replace(_ articles: [ArticleRecord]) throws {
        guard !articles.isEmpty else { return }
        try run {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let delete = try db.cachedStatement(sql: "DELETE FROM articles WHERE path = ?")
                    let article = try db.cachedStatement(sql: "INSERT INTO articles (path, hash, date, title, rules, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
                    let claim = try db.cachedStatement(sql: StoreSchema.insertClaim)
                    let now = ISO8601DateFormatter().string(from: Date())
                    for record in articles {
                        try delete.execute(arguments: [record.path])
                        try article.execute(arguments: [record.path, record.hash, record.date, record.title, record.rules, now])
                        let id = db.lastInsertedRowID
                        for item in record.claims {
                            var values: [DatabaseValue] = [id.databaseValue]
                            values.reserveCapacity(ClaimColumns.names.count + 1)
                            for cell in ClaimColumns.cells(for: item) { values.append(Self.value(cell)) }
                            claim.setUncheckedArguments(StatementArguments(values))
                            try claim.execute()
                        }
                    }
                    return .commit
                }
            }
        }
    }

    public func remove(paths: [String]) throws {
        guard !paths.isEmpty else { return }
        try run {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let delete = try db.cachedStatement(sql: "DELETE FROM articles WHERE path = ?")
                    for path in paths { try delete.execute(arguments: [path]) }
                    return .commit
                }
            }
        }
    }

    public func claims(_ query: ClaimQuery) throws -> [StoredClaim] {
        let (sql, arguments) = ClaimQuerySQL.select(query)
        return try run {
            try pool.read { db in
                var result: [StoredClaim] = []
                let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments.map(\.databaseValue)))
                let count = ClaimColumns.names.count
                while let row = try rows.next() {
                    let path: String = row[0]
                    var cells: [Cell] = []
                    cells.reserveCapacity(count)
                    for index in 3..<(3 + count) { cells.append(Self.cell(row[index] as DatabaseValue)) }
                    guard let claim = ClaimColumns.claim(from: cells, file: path) else {
                        throw Issue.store(.incompleteClaim(path: path)).diagnostic(file: location)
                    }
                    result.append(StoredClaim(claim: claim, articleDate: row[1], title: row[2]))
                }
                return result
            }
        }
    }

    public func counts() throws -> (articles: Int, claims: Int) {
        try run {
            try pool.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claims") ?? 0)
            }
        }
    }

    /// `PRAGMA integrity_check` and foreign keys: "ok" when the store is consistent.
    public func integrity() throws -> String {
        try run {
            try pool.read { db in
                let check = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
                let orphans = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claims WHERE article_id NOT IN (SELECT id FROM articles)") ?? 0
                return orphans == 0 ? check : check + "; \(orphans) claims without an article"
            }
        }
    }

    private func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Self.diagnostic(error, location)
        }
    }

    static func diagnostic(_ error: Error, _ path: String) -> Diagnostic {
        if let database = error as? DatabaseError, database.resultCode == .SQLITE_NOTADB || database.resultCode == .SQLITE_CORRUPT {
            return Issue.store(.notSQLite(reason: describe(error))).diagnostic(file: path)
        }
        return Issue.store(.failed(reason: describe(error))).diagnostic(file: path)
    }

    static func describe(_ error: Error) -> String {
        if let database = error as? DatabaseError { return database.message ?? "\(database.resultCode)" }
        return "\(error)"
    }

    private static func value(_ cell: Cell) -> DatabaseValue {
        switch cell {
        case .null: return .null
        case .int(let value): return value.databaseValue
        case .real(let value): return value.databaseValue
        case .text(let value): return value.databaseValue
        }
    }

    private static func cell(_ value: DatabaseValue) -> Cell {
        switch value.storage {
        case .null: return .null
        case .int64(let number): return .int(Int(number))
        case .double(let number): return .real(number)
        case .string(let text): return .text(text)
        case .blob: return .null
        }
    }
}
