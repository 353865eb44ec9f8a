import Claims
import GRDB

/// The SQLite schema and its migrations. The schema version lives in `PRAGMA user_version`
/// and the file is marked as a claims store by `PRAGMA application_id`, so a foreign
/// database is told apart from an empty one.
enum SQLiteSchema {
    /// "CCLM" in ASCII.
    static let applicationID: Int32 = 0x4343_4C4D

    /// Migration N (1-based) takes the schema from version N-1 to N. Append; never edit.
    static let migrations: [[String]] = [StoreSchema.tables(.sqlite)]

    static var version: Int { migrations.count }

    /// Refuses a foreign database or a newer schema; reads only.
    static func check(_ db: Database, path: String) throws {
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
        if application != applicationID {
            guard tables == 0 else {
                throw Issue.store(.foreignSQLite(schemaObjects: tables)).diagnostic(file: path)
            }
            return
        }
        let found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if found > version {
            throw Issue.store(.newerSchema(found: found, supported: version)).diagnostic(file: path)
        }
    }

    /// Brings the schema up to date; runs inside the caller's immediate transaction, so two
    /// processes opening a new store at once migrate it once.
    static func migrate(_ db: Database, path: String) throws {
        try check(db, path: path)
        let found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard found < version else { return }
        for migration in migrations[found...] {
            for statement in migration { try db.execute(sql: statement) }
        }
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: "PRAGMA user_version = \(version)")
    }
}
