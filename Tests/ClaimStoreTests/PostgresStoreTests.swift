import ClaimStore
import ClaimStorePostgres
import Claims
import Foundation
import XCTest

/// The store contract against PostgreSQL. `.ci/run` starts a throwaway server and sets
/// CLAIMCHECK_TEST_POSTGRES_URL; without it these tests are skipped, and say so. Each test
/// works in a schema of its own, dropped afterwards.
final class PostgresStoreTests: XCTestCase {
    static var serverURL: String? {
        ProcessInfo.processInfo.environment["CLAIMCHECK_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func server() throws -> String {
        guard let url = Self.serverURL else {
            throw XCTSkip("PostgreSQL store tests skipped: CLAIMCHECK_TEST_POSTGRES_URL is not set (.ci/run starts a throwaway server and sets it)")
        }
        return url
    }

    /// A URL whose connections work in a fresh schema.
    func freshSchema(_ setup: [String] = []) throws -> String {
        let url = try server()
        let schema = "claimcheck_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresStore.administer(url: url, ["CREATE SCHEMA \(schema)"] + setup.map { $0.replacingOccurrences(of: "SCHEMA.", with: schema + ".") })
        addTeardownBlock { try? PostgresStore.administer(url: url, ["DROP SCHEMA \(schema) CASCADE"]) }
        return url + (url.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
    }

    func makeStore() throws -> PostgresStore { try PostgresStore(url: try freshSchema()) }

    func testEmptyStore() throws { try StoreContract.emptyStore(try makeStore()) }
    func testRoundTrip() throws { try StoreContract.roundTrip(try makeStore()) }
    func testReplaceSwapsClaims() throws { try StoreContract.replaceSwapsClaims(try makeStore()) }
    func testQueries() throws { try StoreContract.queries(try makeStore()) }
    func testRemove() throws { try StoreContract.remove(try makeStore()) }
    func testIngestLifecycle() throws { try StoreContract.ingestLifecycle(try makeStore(), directory: try temporaryDirectory(self)) }
    func testHistory() throws { try StoreContract.historyFindsNewAgainstStored(try makeStore()) }

    func testReopenKeepsData() throws {
        let url = try freshSchema()
        try PostgresStore(url: url).replace([StoreContract.record("a.md", claims: [sampleClaim()])])
        XCTAssertEqual(try PostgresStore(url: url).counts().claims, 1)
    }

    func testForeignTablesAreRefused() throws {
        let url = try freshSchema(["CREATE TABLE SCHEMA.articles (title TEXT)"])
        XCTAssertThrowsError(try PostgresStore(url: url)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "not a claims store: the database has articles or claims tables of another program; nothing was written")
        }
    }

    func testNewerSchemaIsRefused() throws {
        let url = try freshSchema(["CREATE TABLE SCHEMA.claimcheck_schema (version INTEGER NOT NULL)",
                                   "INSERT INTO SCHEMA.claimcheck_schema VALUES (9)"])
        XCTAssertThrowsError(try PostgresStore(url: url)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the claims store has schema version 9, newer than this claimcheck's 1; upgrade claimcheck (nothing was written)")
        }
    }

    func testWrongPasswordIsAClearErrorWithoutThePassword() throws {
        let url = try server()
        guard let components = URLComponents(string: url), let host = components.host else { return XCTFail("bad test URL") }
        let wrong = "postgresql://\(components.user ?? "claimcheck"):wrong-sekret@\(host):\(components.port ?? 5432)\(components.path)"
        XCTAssertThrowsError(try PostgresStore(url: wrong)) { error in
            let text = (error as? Diagnostic)?.description ?? ""
            XCTAssertTrue(text.hasPrefix("postgresql://\(components.user ?? "claimcheck")@\(host):\(components.port ?? 5432)\(components.path): error: cannot connect to the claims store: "), text)
            XCTAssertTrue(text.contains("password authentication failed"), text)
            XCTAssertFalse(text.contains("wrong-sekret"), text)
        }
    }

    /// Needs no server: nothing listens on port 1.
    func testUnreachableServerIsAClearErrorWithoutThePassword() {
        XCTAssertThrowsError(try PostgresStore(url: "postgres://claimcheck:sekret@127.0.0.1:1/claims")) { error in
            let text = (error as? Diagnostic)?.description ?? ""
            XCTAssertTrue(text.hasPrefix("postgres://claimcheck@127.0.0.1:1/claims: error: cannot connect to the claims store: connection to server at \"127.0.0.1\", port 1 failed: Connection refused"), text)
            XCTAssertFalse(text.contains("sekret"), text)
        }
    }

    func testURLRedaction() {
        XCTAssertEqual(PostgresURL.redacted("postgres://ci:p%40ss@db.local:5433/claims?sslmode=require"), "postgres://ci@db.local:5433/claims?sslmode=require")
        XCTAssertEqual(PostgresURL.redacted("postgres://ci@db.local/claims"), "postgres://ci@db.local/claims")
        XCTAssertEqual(PostgresURL.redacted("postgresql:///claims?host=/run/postgresql"), "postgresql:///claims?host=/run/postgresql")
    }
}
