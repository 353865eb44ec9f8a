import Foundation
import Testing

/// The shipped template's colours, light and dark: every text colour against the background
/// it is drawn on reaches WCAG AA's 4.5:1 contrast.
@Suite struct HTMLContrastTests {
    static let template: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("Templates/report.html.mustache"), encoding: .utf8)) ?? ""
    }()

    /// `--name: #rrggbb` declarations in the part of the template between `start` and `end`.
    static func colours(from start: String, to end: String) -> [String: String] {
        guard let from = template.range(of: start), let to = template.range(of: end, range: from.upperBound..<template.endIndex) else { return [:] }
        let block = String(template[from.upperBound..<to.lowerBound])
        let regex = try! NSRegularExpression(pattern: #"--([a-z0-9-]+):\s*(#[0-9a-fA-F]{6})"#)
        var found: [String: String] = [:]
        for match in regex.matches(in: block, range: NSRange(block.startIndex..., in: block)) {
            found[(block as NSString).substring(with: match.range(at: 1))] = (block as NSString).substring(with: match.range(at: 2))
        }
        return found
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// (text, background) pairs the stylesheet draws.
    static let pairs: [(String, String)] = [
        ("fg", "bg"), ("fg", "panel"), ("muted", "bg"), ("muted", "panel"), ("link", "bg"), ("tipfg", "tipbg"),
        ("bg", "error"), ("bg", "warning"), ("bg", "info"), ("error", "bg"), ("warning", "bg"),
    ] + (0..<8).map { ("kfg", "kc\($0)") }

    @Test(arguments: ["light", "dark"])
    func textIsReadable(scheme: String) {
        let light = Self.colours(from: ":root {", to: "}")
        let colours = scheme == "light" ? light : light.merging(Self.colours(from: "prefers-color-scheme: dark", to: "}")) { $1 }
        #expect(colours.count >= 20, "the template's colour variables were not found")
        for (text, background) in Self.pairs {
            guard let a = colours[text], let b = colours[background] else {
                Issue.record("\(scheme): --\(text) or --\(background) is not defined")
                continue
            }
            #expect(Self.contrast(a, b) >= 4.5, "\(scheme): --\(text) on --\(background) is \(Self.contrast(a, b)):1")
        }
    }
}
