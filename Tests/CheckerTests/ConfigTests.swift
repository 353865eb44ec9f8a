import Claims
import Foundation
import XCTest
@testable import Checker

final class ConfigTests: XCTestCase {
    func testParsesEverySetting() throws {
        let config = try Config.parse("""
        rules: [Rules, ../shared]
        fail-on: warning
        tolerance: 5%
        checks:
          conflict: warning
          unsourced: off
          unused-suppression: info
        ignore: "drafts/**"
        """, file: ".claimcheck.yml")
        XCTAssertEqual(config.rules, ["Rules", "../shared"])
        XCTAssertEqual(config.failOn, .warning)
        XCTAssertEqual(config.tolerance, 0.05)
        XCTAssertEqual(config.checks, ["conflict": .warning, "unsourced": .off, "unused-suppression": .info])
        XCTAssertEqual(config.ignore, ["drafts/**"])
    }

    func testEmptyFileIsDefault() throws {
        let config = try Config.parse("# nothing yet\n", file: "c.yml")
        XCTAssertEqual(config.rules, [])
        XCTAssertNil(config.failOn)
        XCTAssertNil(config.tolerance)
    }

    func testErrorsCarryLineAndColumn() {
        let cases: [(String, String)] = [
            ("fail-on: error\ntolerence: 0.1\n",
             "c.yml:2:1: error: unknown key 'tolerence' in configuration (did you mean 'tolerance'?); known keys: checks, db, extensions, fail-on, ignore, rules, tolerance"),
            ("checks:\n  conflict: loud\n", "c.yml:2:13: error: check \"conflict\" must be error, warning, info, off"),
            ("checks:\n  confict: error\n",
             "c.yml:2:3: error: unknown check 'confict' (did you mean 'conflict'?); known checks: conflict, share-sum, unsourced, unused-suppression"),
            ("tolerance: 10\n", "c.yml:1:12: error: tolerance must be a fraction below 1 (0.1) or a percentage below 100 (\"10%\")"),
            ("fail-on: sometimes\n", "c.yml:1:10: error: fail-on must be one of error, warning, info, never"),
            ("rules:\n  - {a: b}\n", "c.yml:2:5: error: rules must be a string"),
            ("rules:\n", "c.yml:1:7: error: rules must be a string or a list of strings"),
            ("- rules\n", "c.yml:1:1: error: configuration must be a mapping"),
            ("fail-on: [error\n", "c.yml:2:1: error: invalid YAML: while parsing a flow sequence: did not find expected ',' or ']'"),
            ("fail-on: error\nfail-on: never\n", "c.yml:1:1: error: duplicate key fail-on"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try Config.parse(text, file: "c.yml"), text) { error in
                XCTAssertEqual((error as? Diagnostic)?.description, expected, text)
            }
        }
    }

    func testFindSearchesUpwardAndResolvesPaths() throws {
        let root = NSTemporaryDirectory() + "claimcheck-config-\(getpid())"
        let nested = root + "/news/2021"
        try FileManager.default.createDirectory(atPath: nested, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "rules: [Rules]\nignore: ['drafts/', '*.draft.md']\n".write(toFile: root + "/.claimcheck.yml", atomically: true, encoding: .utf8)

        let found = try XCTUnwrap(Config.find(startingAt: nested))
        XCTAssertTrue(found.hasSuffix("claimcheck-config-\(getpid())/.claimcheck.yml"), found)
        let config = try Config.load(path: found)
        XCTAssertTrue(config.rules[0].hasSuffix("claimcheck-config-\(getpid())/Rules"), config.rules[0])
        XCTAssertTrue(config.isIgnored("drafts/a.md", workingDirectory: root))
        XCTAssertTrue(config.isIgnored("../../drafts/x/b.md", workingDirectory: nested))
        XCTAssertTrue(config.isIgnored("news/x.draft.md", workingDirectory: root))
        XCTAssertFalse(config.isIgnored("news/x.md", workingDirectory: root))
    }

    func testDatabaseIsResolvedAgainstTheConfigFile() throws {
        let root = NSTemporaryDirectory() + "claimcheck-config-db-\(getpid())"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (setting, expected) in [("claims.sqlite", root + "/claims.sqlite"), ("/srv/claims.sqlite", "/srv/claims.sqlite"),
                                    ("postgres://ci@localhost/claims", "postgres://ci@localhost/claims")] {
            try "db: \(setting)\n".write(toFile: root + "/.claimcheck.yml", atomically: true, encoding: .utf8)
            XCTAssertEqual(try Config.load(path: root + "/.claimcheck.yml").db, expected)
        }
        XCTAssertThrowsError(try Config.parse("db: [a]\n", file: "c.yml")) { error in
            XCTAssertEqual((error as? Diagnostic)?.description, "c.yml:1:5: error: db must be a file path or a postgres:// URL")
        }
    }

    func testToleranceParsing() {
        XCTAssertEqual(Tolerance.parse("0.1"), 0.1)
        XCTAssertEqual(Tolerance.parse("10%"), 0.1)
        XCTAssertEqual(Tolerance.parse("0"), 0)
        XCTAssertNil(Tolerance.parse("1"))
        XCTAssertNil(Tolerance.parse("-0.1"))
        XCTAssertNil(Tolerance.parse("ten"))
    }
}
