/// The claims store's tables, written once for both SQL dialects so SQLite and PostgreSQL
/// stores cannot drift apart; each backend keeps its own version bookkeeping.
public enum StoreSchema {
    /// How one SQL dialect spells the few types that differ.
    public struct Dialect: Sendable {
        let key: String
        let reference: String
        let real: String
        let integer: String
        /// Appended to the text columns that are sorted or compared byte-wise.
        let collation: String

        public static let sqlite = Dialect(key: "INTEGER PRIMARY KEY", reference: "INTEGER", real: "REAL",
                                           integer: "INTEGER", collation: "")
        /// "C" collation: paths and dates sort as bytes, as they do in SQLite.
        public static let postgres = Dialect(key: "BIGSERIAL PRIMARY KEY", reference: "BIGINT", real: "DOUBLE PRECISION",
                                             integer: "BIGINT", collation: " COLLATE \"C\"")
    }

    /// Schema version 1: the articles and claims tables and their indexes.
    public static func tables(_ dialect: Dialect) -> [String] {
        [
            """
            CREATE TABLE articles (
                id \(dialect.key),
                path TEXT\(dialect.collation) NOT NULL UNIQUE,
                hash TEXT NOT NULL,
                date TEXT\(dialect.collation),
                title TEXT NOT NULL,
                rules TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            )
            """,
            "CREATE TABLE claims (id \(dialect.key), article_id \(dialect.reference) NOT NULL REFERENCES articles(id) ON DELETE CASCADE, "
                + ClaimColumns.names.map { "\($0) \(type(of: $0, dialect))" }.joined(separator: ", ") + ")",
            "CREATE INDEX claims_by_key ON claims (kind, unit, place_key, date, group_key)",
            "CREATE INDEX claims_by_article ON claims (article_id)",
        ]
    }

    /// One claim's row; `PostgresConnection` numbers the `?` parameters for PostgreSQL.
    public static let insertClaim = "INSERT INTO claims (article_id, " + ClaimColumns.names.joined(separator: ", ")
        + ") VALUES (" + Array(repeating: "?", count: ClaimColumns.names.count + 1).joined(separator: ", ") + ")"

    private static func type(of column: String, _ dialect: Dialect) -> String {
        switch ClaimQuerySQL.type(of: column) {
        case .real: dialect.real
        case .integer: dialect.integer
        case .requiredText: "TEXT\(dialect.collation) NOT NULL"
        case .text: "TEXT\(dialect.collation)"
        }
    }
}
