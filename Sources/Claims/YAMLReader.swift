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
            return try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            diagnostics.append(YAMLReader.diagnostic(for: error, file: file))
        } catch {
            diagnostics.append(Issue.ruleSchema(.unreadableYAML("\(error)")).diagnostic(file: file))
        }
        return nil
    }

    /// Every YAML error as file:line:column where Yams knows the place.
    public static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case let .duplicatedKeysInMapping(duplicates, context):
            return Issue.ruleSchema(.duplicateKeys(duplicates)).diagnostic(file: file, line: context.mark.line, column: context.mark.column)
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let what = [context.map { "\($0.text)" }, problem].compactMap { $0 }.filter { !$0.isEmpty }
            return Issue.ruleSchema(.invalidYAML(what.joined(separator: ": "))).diagnostic(file: file, line: mark.line, column: mark.column)
        case let .reader(problem, offset, _, _):
            return Issue.ruleSchema(.invalidYAML(problem, byte: offset)).diagnostic(file: file)
        default:
            return Issue.ruleSchema(.invalidYAML("\(error)")).diagnostic(file: file)
        }
    }

    /// Reports `issue` at the node's line and column (the file's when there is no node).
    public mutating func error(_ node: Node?, _ issue: Issue.RuleSchema, detail: [String] = []) {
        diagnostics.append(Issue.ruleSchema(issue).diagnostic(file: file, line: node?.mark?.line, column: node?.mark?.column,
                                                              detail: detail))
    }

    /// The mapping's entries by key, reporting keys outside `allowed` (catches typos).
    public mutating func mapping(_ node: Node, allowed: Set<String>, what: String) -> [String: Node]? {
        guard let mapping = node.mapping else {
            error(node, .notAMapping(what))
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                error(key, .keysNotStrings(what))
                continue
            }
            if !allowed.contains(name) {
                error(key, .unknownKey(name, in: what, known: allowed))
                continue
            }
            result[name] = value
        }
        return result
    }

    public mutating func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            error(node, .notAString(what))
            return nil
        }
        return scalar.string
    }

    public mutating func strings(_ node: Node?, _ what: String) -> [String]? {
        guard let node else { return nil }
        if case .scalar = node { return string(node, what).map { [$0] } }
        guard let sequence = node.sequence else {
            error(node, .notAStringList(what))
            return nil
        }
        return sequence.compactMap { string($0, what) }
    }

    public mutating func number(_ node: Node?, _ what: String) -> Double? {
        guard let node else { return nil }
        guard let text = node.string, let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            error(node, .notANumber(what))
            return nil
        }
        return value
    }

    /// A whole number within `range` ("priority", a month, a day offset).
    public mutating func integer(_ node: Node?, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let node, let value = number(node, what) else { return nil }
        guard value == value.rounded(), value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            error(node, .notAWholeNumber(what, range))
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
            error(node, .notABool(what))
            return nil
        }
    }

    public static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["null", "~", ""].contains(scalar.string)
    }
}
