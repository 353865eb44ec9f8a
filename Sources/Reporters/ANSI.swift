import Checker
import Claims

/// ANSI styling for text reports; every function is the identity when colour is off.
struct ANSI: Sendable {
    var enabled: Bool

    enum Style: String {
        case bold = "1"
        case red = "1;31"
        case magenta = "1;35"
        case cyan = "1;36"
        case green = "1;32"
    }

    func apply(_ style: Style, _ text: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// "error:", "warning:", "info:" in their usual colours.
    func label(_ severity: Severity) -> String {
        switch severity {
        case .error: apply(.red, "error:")
        case .warning: apply(.magenta, "warning:")
        case .info: apply(.cyan, "info:")
        }
    }

    /// A diagnostic's label: like a finding's, but "note:" for info, as compilers say.
    func diagnosticLabel(_ severity: Severity) -> String {
        severity == .info ? apply(.cyan, "note:") : label(severity)
    }

    func note() -> String { apply(.cyan, "note:") }
}
