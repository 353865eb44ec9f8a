import Foundation

/// A group read as part of another: the context attacher writes a narrowed category as
/// "NAME (CATEGORY)" ("kurdish fighters (killed)"), a plain category as "killed".
public struct GroupScope: Equatable, Sendable {
    public var name: String?
    public var category: String

    public init(name: String?, category: String) {
        self.name = name
        self.category = category
    }

    public init(_ group: String) {
        let folded = Claim.foldedName(group)
        if folded.hasSuffix(")"), let open = folded.range(of: " (", options: .backwards) {
            name = String(folded[..<open.lowerBound])
            category = String(folded[open.upperBound..<folded.index(before: folded.endIndex)])
        } else {
            name = nil
            category = folded
        }
    }

    /// True when every member of `self` is one of `whole`: the same category, and `whole`
    /// names no one ("killed") or a noun `self` narrows ("kurdish fighters" of "fighters").
    public func isPart(of whole: GroupScope) -> Bool {
        guard category == whole.category, let name, name != whole.name else { return false }
        guard let wholeName = whole.name else { return true }
        return name.hasSuffix(" " + wholeName)
    }
}
