import Claims
import Foundation
import XCTest
@testable import Checker

final class BaselineTests: XCTestCase {
    func testEncodesReadableSortedJSON() {
        let findings = [
            Finding(check: "unsourced", severity: .warning, message: "crowd figure 8000 people has no named source",
                    claims: [claim(exact(8000), file: "news/b.md")], fingerprint: "00000000000000bb"),
            Finding(check: "conflict", severity: .error, message: "x", claims: [claim(exact(1), file: "news/a.md")],
                    fingerprint: "00000000000000aa"),
        ]
        XCTAssertEqual(Baseline(findings: findings).encoded(), """
        {
          "fingerprints" : [
            {
              "check" : "conflict",
              "file" : "news/a.md",
              "fingerprint" : "00000000000000aa",
              "message" : "x"
            },
            {
              "check" : "unsourced",
              "file" : "news/b.md",
              "fingerprint" : "00000000000000bb",
              "message" : "crowd figure 8000 people has no named source"
            }
          ],
          "version" : 1
        }

        """)
    }

    func testRoundTripsAndAcceptsBareStrings() throws {
        let original = Baseline(entries: [Baseline.Entry(fingerprint: "ab", check: "conflict", file: "a.md", message: "m")])
        let decoded = try Baseline.decode(Data(original.encoded().utf8), file: "b.json")
        XCTAssertEqual(decoded, original)
        let bare = try Baseline.decode(Data(#"{"version":1,"fingerprints":["ab","ab"]}"#.utf8), file: "b.json")
        XCTAssertEqual(bare.entries.map(\.fingerprint), ["ab", "ab"])
    }

    func testRejectsMalformedFiles() {
        let cases: [(String, String)] = [
            ("not json", "b.json: error: baseline is not valid JSON"),
            (#"{"version":2,"fingerprints":[]}"#, "b.json: error: unsupported baseline version (expected \"version\": 1)"),
            (#"{"version":1}"#, "b.json: error: baseline needs a \"fingerprints\" array"),
            (#"{"version":1,"fingerprints":[{"check":"x"}]}"#, "b.json: error: baseline entry 1 has no \"fingerprint\" string"),
            (#"{"version":1,"fingerprints":[],"extra":0}"#, "b.json: error: unknown key \"extra\" in baseline"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try Baseline.decode(Data(text.utf8), file: "b.json")) { error in
                XCTAssertEqual((error as? Diagnostic)?.description, expected)
            }
        }
    }

    func testWriteAndLoadFile() throws {
        let path = NSTemporaryDirectory() + "claimcheck-baseline-\(getpid()).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let baseline = Baseline(entries: [Baseline.Entry(fingerprint: "cd")])
        try baseline.write(to: path)
        XCTAssertEqual(try Baseline.load(path: path), baseline)
        XCTAssertThrowsError(try Baseline.load(path: path + ".missing"))
    }
}
