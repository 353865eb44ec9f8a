import ArgumentParser
import Foundation
import Checker
import Reporters

extension ExtractFormat: ExpressibleByArgument {}
extension CheckFormat: ExpressibleByArgument {}
extension FailThreshold: ExpressibleByArgument {}

/// `--color auto|always|never`: auto means a terminal without NO_COLOR set.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    enum Stream { case standardOutput, standardError }

    func enabled(for stream: Stream) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
            return isatty(stream == .standardOutput ? STDOUT_FILENO : STDERR_FILENO) == 1
        }
    }
}
