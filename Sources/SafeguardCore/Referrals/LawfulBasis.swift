/// Why the referrer may share without the family's consent. Safeguarding sharing normally
/// rests on public task or legal obligation; the Data Protection Act 2018 allows sharing
/// without consent where it cannot be given, cannot reasonably be obtained, or would put
/// someone at risk (the seven golden rules: protection comes before privacy).
public enum LawfulBasis: String, CaseIterable, Codable, Sendable {
    case consent
    case publicTask = "public-task"
    case legalObligation = "legal-obligation"
    case vitalInterests = "vital-interests"

    public var displayName: String {
        switch self {
        case .consent: "The family (or adult) has consented"
        case .publicTask: "Public task: sharing to protect someone from harm"
        case .legalObligation: "Legal obligation"
        case .vitalInterests: "Vital interests: to protect someone's life"
        }
    }
}

/// Whether the family knows about the referral, and if not, why not.
public enum FamilyAwareness: String, CaseIterable, Codable, Sendable {
    case toldAndAgrees = "told-and-agrees"
    case toldAndDisagrees = "told-and-disagrees"
    case notToldWouldIncreaseRisk = "not-told-would-increase-risk"
    case notToldCouldNotContact = "not-told-could-not-contact"

    public var displayName: String {
        switch self {
        case .toldAndAgrees: "Yes, and they agree to the referral"
        case .toldAndDisagrees: "Yes, but they do not agree"
        case .notToldWouldIncreaseRisk: "No: telling them could put someone at greater risk"
        case .notToldCouldNotContact: "No: we could not contact them"
        }
    }

    /// Sharing without agreement needs a lawful basis other than consent.
    public var needsBasisOtherThanConsent: Bool { self != .toldAndAgrees }
}
