import Yams

/// Thin reading layer over Yams nodes that turns every shape mistake into a
/// `Diagnostic` at the node's file:line:column, and rejects unknown keys.
public struct YAMLReader {
    public let file: String
    public var diagnostics: [Diagnostic] = []

    public init(file: String) { self.file = file }

    /// Parses a whole file; YAML syntax errors come back as diagnostics.
    public mutating func parse(_ text: String) -> Node? {
        if let bomb = YAMLGuard.check(text, file: file) {
            diagnostics.append(bomb)
            return nil
        }
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            diagnostics.append(YAMLReader.diagnostic(for: error, file: file))
        } catch {
            diagnostics.append(Diagnostic(file: file, "cannot read YAML: \(error)"))
        }
        return nil
    }

    /// Every YAML error as file:line:column where Yams knows the place.
    public static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(file: file, line: context.mark.line, column: context.mark.column,
                              "duplicate key \(duplicates.sorted().joined(separator: ", "))")
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let what = [context.map { "\($0.text)" }, problem].compactMap { $0 }.filter { !$0.isEmpty }
            return Diagnostic(file: file, line: mark.line, column: mark.column,
                              "invalid YAML: " + what.joined(separator: ": "))
        case let .reader(problem, offset, _, _):
            return Diagnostic(file: file, "invalid YAML: \(problem)" + (offset.map { " at byte \($0)" } ?? ""))
        default:
            return Diagnostic(file: file, "invalid YAML: \(error)")
        }
    }

    public mutating func error(_ node: Node?, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: node?.mark?.line, column: node?.mark?.column, message))
    }

    /// The mapping's entries by key, reporting keys outside `allowed` (catches typos).
    public mutating func mapping(_ node: Node, allowed: Set<String>, what: String) -> [String: Node]? {
        guard let mapping = node.mapping else {
            error(node, "\(what) must be a mapping")
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                error(key, "\(what): keys must be strings")
                continue
            }
            if !allowed.contains(name) {
                let known = allowed.sorted().joined(separator: ", ")
                let hint = Suggestion.hint(for: name, in: allowed)
                error(key, "unknown key '\(name)' in \(what)\(hint); known keys: \(known)")
                continue
            }
            result[name] = value
        }
        return result
    }

    public mutating func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            error(node, "\(what) must be a string")
            return nil
        }
        return scalar.string
    }

    public mutating func strings(_ node: Node?, _ what: String) -> [String]? {
        guard let node else { return nil }
        if case .scalar = node { return string(node, what).map { [$0] } }
        guard let sequence = node.sequence else {
            error(node, "\(what) must be a list of strings")
            return nil
        }
        return sequence.compactMap { string($0, what) }
    }

    public mutating func number(_ node: Node?, _ what: String) -> Double? {
        guard let node else { return nil }
        guard let text = node.string, let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            error(node, "\(what) must be a number")
            return nil
        }
        return value
    }

    /// A whole number within `range` ("priority", a month, a day offset).
    public mutating func integer(_ node: Node?, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let node, let value = number(node, what) else { return nil }
        guard value == value.rounded(), value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            error(node, "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return Int(value)
    }

    public mutating func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let node else { return nil }
        switch node.string?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(node, "\(what) must be true or false")
            return nil
        }
    }

    public static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["null", "~", ""].contains(scalar.string)
    }
}
