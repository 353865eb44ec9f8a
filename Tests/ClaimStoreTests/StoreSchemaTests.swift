import XCTest
@testable import ClaimStore

/// The one schema, spelt in each dialect: the statements a store was created with before the
/// two were merged, so existing stores and new ones agree.
final class StoreSchemaTests: XCTestCase {
    func testEachDialectSpellsTheSameTables() {
        let sqlite = StoreSchema.tables(.sqlite)
        let postgres = StoreSchema.tables(.postgres)
        XCTAssertEqual(sqlite[0], """
            CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                hash TEXT NOT NULL,
                date TEXT,
                title TEXT NOT NULL,
                rules TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            )
            """)
        XCTAssertEqual(postgres[0], """
            CREATE TABLE articles (
                id BIGSERIAL PRIMARY KEY,
                path TEXT COLLATE "C" NOT NULL UNIQUE,
                hash TEXT NOT NULL,
                date TEXT COLLATE "C",
                title TEXT NOT NULL,
                rules TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            )
            """)
        XCTAssertTrue(sqlite[1].hasPrefix("CREATE TABLE claims (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, kind TEXT NOT NULL, rule TEXT NOT NULL, quote TEXT NOT NULL, line INTEGER, "), sqlite[1])
        XCTAssertTrue(sqlite[1].contains(", low REAL, high REAL, "), sqlite[1])
        XCTAssertTrue(postgres[1].hasPrefix("CREATE TABLE claims (id BIGSERIAL PRIMARY KEY, article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, kind TEXT COLLATE \"C\" NOT NULL, rule TEXT COLLATE \"C\" NOT NULL, quote TEXT COLLATE \"C\" NOT NULL, line BIGINT, "), postgres[1])
        XCTAssertTrue(postgres[1].contains(", low DOUBLE PRECISION, high DOUBLE PRECISION, "), postgres[1])
        XCTAssertEqual(Array(sqlite[2...]), Array(postgres[2...]))
        XCTAssertEqual(sqlite[2...], ["CREATE INDEX claims_by_key ON claims (kind, unit, place_key, date, group_key)",
                                       "CREATE INDEX claims_by_article ON claims (article_id)"])
        XCTAssertEqual(SQLiteSchema.migrations, [sqlite])
    }
}
