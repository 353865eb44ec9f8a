import Claims

/// A claim nobody is named as asserting. Anonymous attributions ("estimates ranged") are
/// weaker than named ones, so they count as unsourced, and the message says so. Claims whose
/// rule says they name no comparable quantity (a bare "rose 5%", "60 km to the south") are
/// left alone: flagging every percentage in a business story would bury the figures that
/// matter.
public struct UnsourcedCheck: Check {
    public static let descriptor = CheckDescriptor(
        id: "unsourced", name: "UnsourcedClaim",
        summary: "A claim with no named source.",
        description: "A claim with no named source in its sentence; anonymous attributions (\"estimates ranged\", \"it was reported\") are reported as such. Claims that name no comparable quantity (bare percentages, distances with no landmark) are not flagged.",
        defaultSeverity: .warning,
        help: "Name the source (\"police said\", \"according to the organisers\"), or silence a known case with <!-- claimcheck-disable-next-line unsourced -->.")

    public init() {}

    public func run(_ claims: [Claim], options: CheckOptions) -> [Finding] {
        claims.filter(\.comparable).sorted(by: Claim.positionOrder).compactMap { claim in
            let subject = MessageText.kind(claim.kind) + " figure "
                + MessageText.withUnit(claim.value.description, unit: claim.unit)
            let message: String
            switch claim.attribution?.kind {
            case .named?: return nil
            case .anonymous?: message = subject + " is attributed only anonymously (\"\(claim.attribution!.text)\")"
            case nil: message = subject + " has no named source"
            }
            return Finding(check: Self.id, severity: defaultSeverity, message: message, claims: [claim],
                           fingerprint: Fingerprint.make(check: Self.id, claims: [claim], root: options.root))
        }
    }
}
