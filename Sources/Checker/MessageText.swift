import Claims

/// Message fragments shared by the checks, so every finding reads the same way.
enum MessageText {
    /// "40000 people", "54%", "~3000 people (±10%: [2700, 3300])".
    static func value(_ claim: Claim, tolerance: Double) -> String {
        var text = withUnit(claim.value.description, unit: claim.unit)
        if claim.value.approx, tolerance > 0 {
            var widened = claim.value.widened(by: tolerance)
            widened.approx = false
            text += " (±\(Interval.format(tolerance * 100))%: \(withUnit(widened.description, unit: claim.unit)))"
        }
        return text
    }

    static func withUnit(_ number: String, unit: String) -> String {
        if unit == "percent" { return number + "%" }
        return unit.isEmpty ? number : number + " " + unit
    }

    /// "(police)", "(\"estimates ranged\", anonymous)", or "" when nobody is cited.
    static func source(_ claim: Claim) -> String {
        guard let attribution = claim.attribution else { return "" }
        switch attribution.kind {
        case .named: return " (\(attribution.text))"
        case .anonymous: return " (\"\(attribution.text)\", anonymous)"
        }
    }

    static func kind(_ kind: String) -> String {
        kind.replacingUnderscores()
    }

    /// " of supporters in Valmont on 2021-03-06", or " in the same article" with no place or date.
    static func context(_ context: ClaimContext) -> String {
        var text = ""
        if let group = context.group { text += " of \(group)" }
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
