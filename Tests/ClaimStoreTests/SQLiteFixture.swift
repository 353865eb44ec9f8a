import GRDB

/// Writes a small SQLite file that is not a claims store (or claims a newer schema).
enum SQLiteFixture {
    static func make(_ path: String, sql: [String]) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            for statement in sql { try db.execute(sql: statement) }
        }
        try queue.close()
    }
}
