import Checker
import Claims
@testable import Reporters
import Testing

@Suite struct TextReporterTests {
    @Test func extractLines() {
        let report = ExtractReport(claims: [Samples.organisers, Samples.police, Samples.zurich, Samples.convoy])
        let expected = """
        articles/valmont.txt:2:17: crowd 40000 people "40,000 people" place=Valmont date=2021-03-06 source=organisers
        articles/valmont.txt:3:26: crowd 8000 people "8,000" place=Valmont date=2021-03-06 source=police
        ./news/zürich report.md:1:28: crowd (500, ∞) people "more than 500 people" place=Zürich group="café goers" source=(anonymous: estimates ranged)
        b.txt:5:1: distance ~24140.16 m "15 miles"

        """
        #expect(ExtractFormat.text.reporter().render(report) == expected)
    }

    @Test func quotesAreEscaped() {
        var claim = Samples.police
        claim.quote = "say \"8,000\"\n\u{1B}[31m"
        claim.context.place = "New York"
        claim.attribution = nil
        let line = ExtractTextReporter().line(for: claim)
        #expect(line == #"articles/valmont.txt:3:26: crowd 8000 people "say \"8,000\"\n\u{1B}[31m" place="New York" date=2021-03-06"#)
    }

    @Test func checkTextUnderlinesQuoteAndNotesOtherClaims() {
        let expected = """
        articles/valmont.txt:2:17: error: 40000 and 8000 do not overlap; both are the crowd in Valmont on 2021-03-06 [conflict]
            Organisers said 40,000 people joined the march in Valmont on Saturday.
                            ^~~~~~~~~~~~~
        articles/valmont.txt:3:26: note: crowd 8000 people according to police
            Police put the figure at 8,000.
                                     ^~~~~
        ./news/zürich report.md:1:28: warning: crowd (500, ∞) people has only an anonymous attribution ("estimates ranged") [unsourced]
            Café-goers in Zürich said “more than 500 people” came.
                                       ^~~~~~~~~~~~~~~~~~~~
        1 error, 1 warning in 4 files (1 input error)

        """
        #expect(CheckFormat.text.reporter().render(Samples.report) == expected)
    }

    @Test func underlineCountsCharactersNotBytes() throws {
        let snippet = try #require(Snippet(sentence: Samples.zurich.sentence, quoteOffset: 31, quoteLength: 20))
        #expect(snippet.marker == String(repeating: " ", count: 27) + "^" + String(repeating: "~", count: 19))
    }

    @Test func underlineFlattensLineBreaks() throws {
        let snippet = try #require(Snippet(sentence: Samples.convoy.sentence, quoteOffset: 28, quoteLength: 8))
        #expect(snippet.line == "Witnesses said it was about 15 miles away.")
        #expect(snippet.marker == String(repeating: " ", count: 28) + "^" + String(repeating: "~", count: 7))
    }

    @Test func underlineUsesDisplayWidthForWideCharacters() throws {
        // "东京有" is 9 bytes and 6 columns; "五万人" 9 bytes, 6 columns.
        let snippet = try #require(Snippet(sentence: "东京有五万人。", quoteOffset: 9, quoteLength: 9))
        #expect(snippet.marker == "      ^~~~~~")
    }

    @Test func underlineSurvivesBadOffsets() throws {
        #expect(Snippet(sentence: "short", quoteOffset: 99, quoteLength: 3) == nil)
        #expect(Snippet(sentence: "short", quoteOffset: -1, quoteLength: 3) == nil)
        // An offset inside "é" moves back to its start; a length past the end is clamped.
        let snippet = try #require(Snippet(sentence: "café 12", quoteOffset: 4, quoteLength: 50))
        #expect(snippet.marker == "   ^~~~")
    }

    @Test func longSentencesAreCutAroundTheQuote() throws {
        let sentence = String(repeating: "a", count: 100) + " 5,000 people " + String(repeating: "b", count: 200)
        let snippet = try #require(Snippet(sentence: sentence, quoteOffset: 101, quoteLength: 12))
        #expect(snippet.line.hasPrefix("…" + String(repeating: "a", count: 38) + " 5,000 people "))
        #expect(snippet.line.hasSuffix("b…"))
        #expect(Snippet.width(snippet.line) == Snippet.maxWidth)
        #expect(snippet.marker == String(repeating: " ", count: 40) + "^" + String(repeating: "~", count: 11))
    }

    @Test func terminalEscapesAreNeutralised() {
        #expect(TextEscaping.terminalSafe("a\u{1B}[2Jb\u{202E}c\td") == "a\u{FFFD}[2Jb\u{FFFD}c d")
    }

    @Test func colourOnlyWhenAsked() {
        let plain = CheckTextReporter(color: false).render(Samples.report)
        #expect(!plain.contains("\u{1B}"))
        let coloured = CheckTextReporter(color: true).render(Samples.report)
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;35mwarning:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;36mnote:\u{1B}[0m"))
    }

    @Test func summaryWording() {
        let none = CheckReport(findings: [], claims: [], fileCount: 1)
        #expect(CheckTextReporter().render(none) == "no findings in 1 file\n")
        var info = Samples.unsourced
        info.severity = .info
        let infos = CheckReport(findings: [info, info, Samples.conflict], claims: [], fileCount: 2)
        #expect(CheckTextReporter().summary(infos) == "1 error, 2 info in 2 files")
    }

    @Test func diagnosticsForStderr() {
        let diagnostics = [Diagnostic(file: "Rules/crowd.yml", line: 4, column: 12, "bad regex", detail: ["  (?<value", "   ^"])]
        #expect(DiagnosticText.render(diagnostics) == "Rules/crowd.yml:4:12: error: bad regex\n  (?<value\n   ^\n")
        #expect(DiagnosticText.render(diagnostics, color: true).hasPrefix("Rules/crowd.yml:4:12: \u{1B}[1;31merror:\u{1B}[0m bad regex"))
    }
}
