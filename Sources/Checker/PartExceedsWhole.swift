import Claims

/// "the strike killed at least 30 Druze militiamen" against "three militiamen were killed":
/// a part that is larger than its whole. Claims whose groups differ are otherwise never
/// compared (the soldiers among the dead are not the dead), so this pass sets each narrowed
/// group against the wider groups of the same kind, unit, place and date, and flags a part
/// whose least value exceeds the greatest of every such whole in its article (and in the
/// other article), tolerance and rival readings included.
/// Voices are treated as in `ConflictCheck`: one voice in one article is never set against
/// itself. Vague quantities are too loose to bound anything.
struct PartExceedsWhole {
    let tolerance: Double

    /// Each part is reported at most once per article it contradicts: against the first whole
    /// (in position order) it exceeds there.
    func pairs(_ claims: [Claim]) -> [(whole: Claim, part: Claim)] {
        let eligible = claims.filter { $0.comparable && !$0.value.vague && $0.context.group != nil }
        let groups = Dictionary(grouping: eligible, by: { ComparisonKey($0, includeGroup: false) })
        var found: [(whole: Claim, part: Claim)] = []
        for key in groups.keys.sorted() {
            let members = groups[key]!.sorted(by: Claim.positionOrder)
            let scopes = members.map { GroupScope($0.context.group!) }
            // Only keys holding a narrowed group can hold a part.
            guard scopes.contains(where: { $0.name != nil }) else { continue }
            let bounds = members.map { $0.widenedBounds(by: tolerance) }
            let lows = bounds.map(\.low), highs = bounds.map(\.high)
            for part in members.indices where scopes[part].name != nil {
                let wholes = members.indices.filter { scopes[part].isPart(of: scopes[$0]) }
                // A part may belong to any whole its article gives ("at least 20 were killed ...
                // thirteen of the dead were civilians" against state media's eight): it
                // contradicts only when it fits none of them, nor any of the other article's.
                let fits = Set(wholes.filter { lows[part] <= highs[$0] }.map { members[$0].file })
                guard !fits.contains(members[part].file) else { continue }
                var files = Set<String>()
                for whole in wholes where !fits.contains(members[whole].file) {
                    let (p, w) = (members[part], members[whole])
                    if p.file == w.file && (p.voice == w.voice || p.overlapsText(of: w)) { continue }
                    if files.insert(w.file).inserted { found.append((w, p)) }
                }
            }
        }
        return found
    }
}
