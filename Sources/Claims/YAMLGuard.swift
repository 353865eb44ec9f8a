import CYaml

/// Checks a YAML text's anchors and aliases on libyaml's event stream, before Yams composes
/// it: composing expands aliases, and hashing an alias used as a mapping key walks its whole
/// expansion, so a few hundred bytes of nested aliases would hang the tool.
public enum YAMLGuard {
    /// Nodes the document may expand to through aliases; the shipped rules use none.
    public static let expansionBudget = 10_000

    /// A diagnostic for an alias in a key or an expansion past the budget; nil otherwise
    /// (syntax errors are left to the composer, which reports them with more context).
    public static func check(_ text: String, file: String) -> Diagnostic? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Diagnostic? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser, file: file)
        }
    }

    private struct Frame {
        var isMapping: Bool
        var inKey: Bool
        var anchor: String?
        var size = 1
        var children = 0
    }

    private static func scan(_ parser: inout yaml_parser_t, file: String) -> Diagnostic? {
        var sizes: [String: Int] = [:]
        var stack: [Frame] = []
        var total = 0
        func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
        /// Whether the next node of the innermost collection is (inside) a mapping key.
        func nextIsKey() -> Bool {
            guard let top = stack.last else { return false }
            return top.inKey || (top.isMapping && top.children % 2 == 0)
        }
        /// Counts a finished node (of `size` nodes once expanded) into its parent.
        func add(_ size: Int, anchor: String?) {
            if let anchor { sizes[anchor] = size }
            if stack.isEmpty { return }
            stack[stack.count - 1].size = min(stack[stack.count - 1].size + size, expansionBudget + 1)
            stack[stack.count - 1].children += 1
        }
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_DOCUMENT_START_EVENT:
                sizes = [:]
            case YAML_SCALAR_EVENT:
                add(1, anchor: string(event.data.scalar.anchor))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let mapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = string(mapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                stack.append(Frame(isMapping: mapping, inKey: nextIsKey(), anchor: anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return nil }
                add(frame.size, anchor: frame.anchor)
            case YAML_ALIAS_EVENT:
                let name = string(event.data.alias.anchor) ?? ""
                if nextIsKey() {
                    return Issue.aliasInKey(name).diagnostic(file: file, line: line, column: column)
                }
                let size = sizes[name] ?? 1
                total += size
                if total > expansionBudget {
                    return Issue.aliasExpansion(name: name, budget: expansionBudget).diagnostic(file: file, line: line, column: column)
                }
                add(size, anchor: nil)
            default:
                break
            }
        }
    }
}
