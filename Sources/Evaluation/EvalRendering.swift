import Claims
import Reporters

extension EvalReport {
    /// A table per kind and overall, the conflict counts, then (with `details`) every error.
    public func text(details showDetails: Bool) -> String {
        var lines: [String] = []
        func percent(_ value: Double) -> String { Interval.format((value * 1000).rounded() / 10) + "%" }
        func row(_ name: String, _ s: ClaimScores) -> String {
            let cells = ["\(s.labelled)", percent(s.foundRate), percent(s.kindRightRate), percent(s.valuesRightRate),
                         percent(s.precision) + " of \(s.produced)", percent(s.sourcedAgreesRate)]
            return pad(name, 12) + cells.map { pad($0, 14) }.joined()
        }
        lines.append(pad("kind", 12) + ["labelled", "found", "kind right", "values right", "precision", "sourced"]
            .map { pad($0, 14) }.joined())
        for kind in claims.byKind.keys.sorted() {
            if let scores = claims.byKind[kind] { lines.append(row(kind, scores)) }
        }
        lines.append(row("all", claims.overall))
        lines.append("")
        let c = conflicts
        lines.append("conflicts caught: \(c.caught) of \(c.labelled); cross-article: \(c.crossCaught) of \(c.crossLabelled); "
            + "false alarms: \(c.falseAlarms) of \(c.produced) findings")
        if showDetails, !details.isEmpty {
            lines.append("")
            for detail in details {
                var location = detail.file
                if let line = detail.line { location += ":\(line)" + (detail.column.map { ":\($0)" } ?? "") }
                let quote = detail.quote.isEmpty ? "" : " \"\(detail.quote)\""
                lines.append("\(location): \(detail.kind.rawValue):\(quote) expected \(detail.expected); produced \(detail.produced)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The stable machine contract: figures as fractions in [0, 1] (labelled: a count),
    /// conflict figures as counts.
    public var json: JSON {
        func scores(_ s: ClaimScores) -> [JSON.Member] {
            [JSON.Member("labelled", JSON(s.labelled)), JSON.Member("found", .number(s.foundRate)),
             JSON.Member("kindRight", .number(s.kindRightRate)), JSON.Member("valuesRight", .number(s.valuesRightRate)),
             JSON.Member("precision", .number(s.precision)), JSON.Member("sourcedAgrees", .number(s.sourcedAgreesRate))]
        }
        let byKind = JSON.object(claims.byKind.keys.sorted().compactMap { kind in
            claims.byKind[kind].map { JSON.Member(kind, .object(scores($0))) }
        })
        let c = conflicts
        let conflictJSON: JSON = ["labelled": JSON(c.labelled), "caught": JSON(c.caught),
                                  "crossLabelled": JSON(c.crossLabelled), "crossCaught": JSON(c.crossCaught),
                                  "produced": JSON(c.produced), "falseAlarms": JSON(c.falseAlarms)]
        let detailJSON = JSON.array(details.map { d in
            ["type": .string(d.kind.rawValue), "file": .string(d.file), "line": JSON(d.line), "column": JSON(d.column),
             "quote": .string(d.quote), "expected": .string(d.expected), "produced": .string(d.produced)]
        })
        return ["version": 1, "claims": .object(scores(claims.overall) + [JSON.Member("byKind", byKind)]),
                "conflicts": conflictJSON, "details": detailJSON]
    }
}

private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}
