import Claims
import Reporters
import Testing

@Suite struct ClaimJSONTests {
    @Test func claimContractGolden() {
        let expected = #"{"kind":"crowd","rule":"crowd.lower-bound","quote":"more than 500 people","#
            + #""file":"./news/zürich report.md","line":1,"column":28,"start":31,"end":51,"#
            + #""sentence":"Café-goers in Zürich said “more than 500 people” came.","#
            + #""value":{"low":500,"high":null,"lowInclusive":false,"highInclusive":false,"approx":false},"#
            + #""unit":"people","context":{"place":"Zürich","date":null,"group":"café goers","inherited":[]},"#
            + #""source":null,"sourced":false,"#
            + #""attribution":{"kind":"anonymous","text":"estimates ranged","rule":"source.anonymous"}}"#
        #expect(JSONContract.claim(Samples.zurich).serialized() == expected)
    }

    @Test func namedSourceAndInheritedContext() {
        let expected = #"{"kind":"crowd","rule":"crowd.figure","quote":"8,000","file":"articles/valmont.txt","#
            + #""line":3,"column":26,"start":112,"end":117,"sentence":"Police put the figure at 8,000.","#
            + #""value":{"low":8000,"high":8000,"lowInclusive":true,"highInclusive":true,"approx":false},"#
            + #""unit":"people","context":{"place":"Valmont","date":"2021-03-06","group":null,"#
            + #""inherited":["place","date"]},"source":"police","sourced":true,"#
            + #""attribution":{"kind":"named","text":"police","rule":"source.put"}}"#
        #expect(JSONContract.claim(Samples.police).serialized() == expected)
    }

    @Test func fractionalValueAndNoAttribution() {
        let json = JSONContract.claim(Samples.convoy)
        #expect(json["value"]?.serialized()
            == #"{"low":24140.16,"high":24140.16,"lowInclusive":true,"highInclusive":true,"approx":true}"#)
        #expect(json["sentence"] == .string("Witnesses said it was about\n15 miles away."))
        #expect(json["attribution"] == .null)
        #expect(json["source"] == .null)
        #expect(json["context"]?.serialized() == #"{"place":null,"date":null,"group":null,"inherited":[]}"#)
    }

    @Test func diagnosticContract() {
        let located = Diagnostic(.warning, file: "a.txt", line: 3, column: 7, "invalid UTF-8 repaired")
        #expect(JSONContract.diagnostic(located).serialized()
            == #"{"severity":"warning","file":"a.txt","line":3,"column":7,"message":"invalid UTF-8 repaired"}"#)
        let bare = Diagnostic(.error, "no input files", detail: ["  try: claimcheck check FILE"])
        #expect(JSONContract.diagnostic(bare).serialized()
            == #"{"severity":"error","file":null,"line":null,"column":null,"message":"no input files\n  try: claimcheck check FILE"}"#)
    }

    @Test func extractJSONDocument() {
        let report = ExtractReport(claims: [Samples.police], diagnostics: [Diagnostic(.info, file: "x.bin", "binary file skipped")])
        let text = ExtractFormat.json.reporter().render(report)
        #expect(text.hasPrefix("{\n  \"version\": 1,\n  \"claims\": [\n    {\n      \"kind\": \"crowd\",\n"))
        #expect(text.hasSuffix("""
          "errors": [
            {
              "severity": "info",
              "file": "x.bin",
              "line": null,
              "column": null,
              "message": "binary file skipped"
            }
          ]
        }

        """))
    }

    @Test func extractJSONLinesIsOneCompactClaimPerLine() {
        let report = ExtractReport(claims: [Samples.police, Samples.convoy])
        let lines = ExtractFormat.jsonl.reporter().render(report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[0] == Substring(JSONContract.claim(Samples.police).serialized()))
        #expect(lines[1] == Substring(JSONContract.claim(Samples.convoy).serialized()))
        #expect(lines[2] == "")
    }

    @Test func checkJSONDocument() {
        let text = CheckFormat.json.reporter().render(Samples.report)
        let expectedStart = """
        {
          "version": 1,
          "findings": [
            {
              "check": "conflict",
              "severity": "error",
              "message": "40000 and 8000 do not overlap; both are the crowd in Valmont on 2021-03-06",
              "fingerprint": "conflict:8f3a1c",
              "claims": [
                {
                  "kind": "crowd",
        """
        #expect(text.hasPrefix(expectedStart))
        let keys = topLevelKeys(text)
        #expect(keys == ["version", "findings", "claims", "errors"])
    }

    private func topLevelKeys(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  \""), let end = line.dropFirst(3).firstIndex(of: "\"") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 3)..<end])
        }
    }
}
