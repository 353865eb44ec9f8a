/// The SQL every backend runs, with `?` placeholders (a backend renumbers them if it must).
public enum ClaimQuerySQL {
    /// The WHERE clause (with its leading space, or empty) for `claims c JOIN articles a`, and its arguments.
    public static func filter(_ query: ClaimQuery) -> (sql: String, arguments: [String]) {
        var clauses: [String] = []
        var arguments: [String] = []
        func add(_ clause: String, _ values: String...) {
            clauses.append(clause)
            arguments += values
        }
        if let kind = query.kind { add("c.kind = ?", kind) }
        if let unit = query.unit { add("c.unit = ?", unit) }
        if let place = query.place { add("c.place_key = ?", StoreKey.normalize(place)) }
        if let group = query.group { add("c.group_key = ?", StoreKey.normalize(group)) }
        if let from = query.from { add("c.date >= ?", from) }
        // "2021-03" as an upper bound takes in every day of March.
        if let to = query.to { add("(c.date <= ? OR substr(c.date, 1, \(to.utf8.count)) = ?)", to, to) }
        if let source = query.source {
            add("(c.source_key = ? OR c.voice = ?)", StoreKey.normalize(source), StoreKey.normalize(source))
        }
        if query.comparableOnly { clauses.append("c.comparable = 1") }
        return (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "), arguments)
    }

    /// Stored claims with their article's path, date and title first, in a stable order.
    public static func select(_ query: ClaimQuery) -> (sql: String, arguments: [String]) {
        let (whereSQL, arguments) = filter(query)
        let columns = ClaimColumns.names.map { "c." + $0 }.joined(separator: ", ")
        return ("SELECT a.path, a.date, a.title, \(columns) FROM claims c JOIN articles a ON a.id = c.article_id"
                    + whereSQL + " ORDER BY a.path, c.start_byte, c.end_byte, c.id", arguments)
    }

    /// Column kinds, for each backend's table definition and for reading text results.
    public enum ColumnType { case integer, real, text, requiredText }

    public static func type(of column: String) -> ColumnType {
        switch column {
        case "low", "high": return .real
        case "line", "col", "start_byte", "end_byte", "sentence_start", "sentence_index", "cut_before", "cut_after",
             "low_inclusive", "high_inclusive", "approx", "vague", "comparable", "paragraph", "revises_start",
             "revises_end", "article_dated":
            return .integer
        case "kind", "rule", "quote", "sentence", "unit", "inherited": return .requiredText
        default: return .text
        }
    }
}
