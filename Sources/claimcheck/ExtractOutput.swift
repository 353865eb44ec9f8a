import Claims

/// Temporary until the Reporters module lands.
enum ExtractOutput {
    static func render(claims: [Claim], diagnostics: [Diagnostic], format: ExtractCommand.Format) -> String {
        claims.map { c in
            var line = "\(c.file):\(c.line):\(c.column): \(c.kind) \(c.value) \(c.unit) \"\(c.quote)\""
            if let p = c.context.place { line += " place=\(p)" }
            if let d = c.context.date { line += " date=\(d)" }
            if let g = c.context.group { line += " group=\(g)" }
            if let a = c.attribution { line += a.kind == .named ? " source=\(a.text)" : " source=(anonymous: \(a.text))" }
            return line + "\n"
        }.joined()
    }
}
