import Checker
import Claims
import Reporters
import Testing

/// Which reporters a command may feed chunk by chunk: exactly those whose parts concatenate
/// to the whole.
@Suite struct StreamingTests {
    @Test func onlyOneLinePerClaimFormatsStream() {
        #expect(ExtractFormat.allCases.filter { $0.reporter().isStreaming } == [.text, .jsonl])
        #expect(CheckFormat.allCases.filter { $0.reporter().isStreaming } == [])
    }

    @Test func streamingRenderingsConcatenate() {
        for format in [ExtractFormat.text, .jsonl] {
            let reporter = format.reporter()
            let whole = reporter.render(ExtractReport(claims: [Samples.organisers, Samples.police]))
            let parts = reporter.render(ExtractReport(claims: [Samples.organisers])) + reporter.render(ExtractReport(claims: [Samples.police]))
            #expect(whole == parts)
        }
    }
}
