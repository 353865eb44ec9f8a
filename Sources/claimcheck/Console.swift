import Claims
import Foundation
import Reporters

/// The only place the tool writes to the terminal.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Diagnostics go to standard error, coloured only when it is a terminal that wants it.
    static func report(_ diagnostics: [Diagnostic], color: ColorChoice = .auto) {
        guard !diagnostics.isEmpty else { return }
        error(DiagnosticText.render(diagnostics, color: color.enabled(for: .standardError)))
    }
}
