import Claims

/// Message fragments shared by the checks, so every finding reads the same way.
enum MessageText {
    /// "40000 people (police)", "~3000 people (±10%: [2700, 3300])",
    /// "~3000 people (\"estimates ranged\", anonymous; ±10%: [2700, 3300])".
    static func value(_ claim: Claim, tolerance: Double) -> String {
        var notes: [String] = []
        if let attribution = claim.attribution {
            notes.append(attribution.kind == .named ? attribution.text : "\"\(attribution.text)\", anonymous")
        }
        if claim.value.approx, tolerance > 0 {
            var widened = claim.value.widened(by: tolerance)
            widened.approx = false
            notes.append("±\(Interval.format(tolerance * 100))%: \(widened)")
        }
        let text = withUnit(claim.value.description, unit: claim.unit)
        return notes.isEmpty ? text : text + " (" + notes.joined(separator: "; ") + ")"
    }

    static func withUnit(_ number: String, unit: String) -> String {
        if unit == "percent" { return number + "%" }
        return unit.isEmpty ? number : number + " " + unit
    }

    static func kind(_ kind: String) -> String {
        kind.replacingUnderscores()
    }

    /// " (supporters)", " soldiers (killed)", or nothing.
    static func group(_ context: ClaimContext) -> String {
        guard let group = context.group else { return "" }
        return group.hasSuffix(")") ? " \(group)" : " (\(group))"
    }

    /// " (supporters) in Valmont on 2021-03-06", or " in the same article" with no place or date.
    static func context(_ context: ClaimContext) -> String {
        var text = group(context)
        if let place = context.place { text += " in \(place)" }
        if let date = context.date { text += " on \(date)" }
        if context.place == nil, context.date == nil { text += " in the same article" }
        return text
    }
}

extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
