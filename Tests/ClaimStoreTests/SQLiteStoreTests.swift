import ClaimStore
import Claims
import Foundation
import XCTest

final class SQLiteStoreTests: XCTestCase {
    func makeStore() throws -> SQLiteStore {
        try SQLiteStore(path: try temporaryDirectory(self).appendingPathComponent("claims.sqlite").path)
    }

    func testEmptyStore() throws { try StoreContract.emptyStore(try makeStore()) }
    func testRoundTrip() throws { try StoreContract.roundTrip(try makeStore()) }
    func testReplaceSwapsClaims() throws { try StoreContract.replaceSwapsClaims(try makeStore()) }
    func testQueries() throws { try StoreContract.queries(try makeStore()) }
    func testRemove() throws { try StoreContract.remove(try makeStore()) }
    func testIngestLifecycle() throws { try StoreContract.ingestLifecycle(try makeStore(), directory: try temporaryDirectory(self)) }
    func testHistory() throws { try StoreContract.historyFindsNewAgainstStored(try makeStore()) }

    func testReopenKeepsData() throws {
        let path = try temporaryDirectory(self).appendingPathComponent("claims.sqlite").path
        try SQLiteStore(path: path).replace([StoreContract.record("a.md", claims: [sampleClaim()])])
        let store = try SQLiteStore(path: path)
        XCTAssertEqual(try store.counts().claims, 1)
        XCTAssertEqual(try store.integrity(), "ok")
    }

    /// Each refused file is left byte for byte as it was.
    func assertRefused(_ contents: Data, message: String) throws {
        let path = try temporaryDirectory(self).appendingPathComponent("claims.sqlite").path
        FileManager.default.createFile(atPath: path, contents: contents)
        XCTAssertThrowsError(try SQLiteStore(path: path)) { error in
            XCTAssertEqual((error as? Diagnostic)?.description, "\(path): error: \(message)")
        }
        XCTAssertEqual(FileManager.default.contents(atPath: path), contents)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    func testCorruptFileIsRefused() throws {
        try assertRefused(Data(repeating: 0x41, count: 4096),
                          message: "not a claims store: the file is not a SQLite database or is corrupt (file is not a database)")
    }

    func testForeignDatabaseIsRefused() throws {
        let other = try temporaryDirectory(self).appendingPathComponent("other.sqlite").path
        try SQLiteFixture.make(other, sql: ["CREATE TABLE notes (text TEXT)"])
        try assertRefused(FileManager.default.contents(atPath: other)!,
                          message: "not a claims store: a SQLite database of another program (1 schema objects); nothing was written")
    }

    func testNewerSchemaIsRefused() throws {
        let newer = try temporaryDirectory(self).appendingPathComponent("newer.sqlite").path
        try SQLiteFixture.make(newer, sql: ["PRAGMA application_id = \(0x4343_4C4D)", "PRAGMA user_version = 7", "CREATE TABLE articles (id INTEGER)"])
        try assertRefused(FileManager.default.contents(atPath: newer)!,
                          message: "the claims store has schema version 7, newer than this claimcheck's 1; upgrade claimcheck (nothing was written)")
    }

    func testDirectoryIsRefused() throws {
        let path = try temporaryDirectory(self).path
        XCTAssertThrowsError(try SQLiteStore(path: path)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the claims store is a directory, not a file")
        }
    }
}
