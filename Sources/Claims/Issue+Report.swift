extension Issue {
    /// The HTML report's template.
    public enum Report: Sendable {
        case templateSyntax(TemplateSyntax)
        case unreadableTemplate
        case templateNotUTF8
        case noTemplateFound(fileName: String)

        /// Mustache's parse errors, which that module names and this one words.
        public enum TemplateSyntax: Sendable {
            case sectionClosedByOther, unfinishedTag, unclosedSection, invalidSetDelimiter, invalidPragma
            case other(String)
        }

        public var message: String {
            switch self {
            case .templateSyntax(let syntax): "template syntax error: " + syntax.wording
            case .unreadableTemplate: "cannot read the HTML template"
            case .templateNotUTF8: "the HTML template is not UTF-8"
            case .noTemplateFound(let fileName):
                "no HTML template found (looked for Templates/\(fileName) beside the shipped rules, beside the executable and in ../share/claimcheck); pass --template FILE"
            }
        }
    }
}

extension Issue.Report.TemplateSyntax {
    var wording: String {
        switch self {
        case .sectionClosedByOther: "a section is closed with another section's name"
        case .unfinishedTag: "a tag is not finished"
        case .unclosedSection: "a section is never closed"
        case .invalidSetDelimiter: "a set-delimiter tag is malformed"
        case .invalidPragma: "a pragma is malformed or unknown"
        case .other(let text): text
        }
    }
}
