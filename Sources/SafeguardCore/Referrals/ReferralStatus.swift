/// Where a referral is in the MASH's work, and the moves between states that are allowed.
/// Controllers ask `after(_:)` rather than setting a status, so no route can skip a step
/// (a decision cannot be closed without a manager's sign-off).
public enum ReferralStatus: String, CaseIterable, Codable, Sendable {
    /// Being written by the referrer; nobody else sees it.
    case draft
    /// Sent to the MASH, waiting for a manager to rate it.
    case submitted
    /// Rated; partner agencies are being asked what they know.
    case gathering
    /// A decision is recorded and waits for a MASH manager's sign-off.
    case awaitingSignOff = "awaiting-sign-off"
    /// Decided and signed off: the referrer can see the outcome.
    case closed

    public enum Event: Sendable, Equatable {
        case submit, triage, recordDecision, signOff, returnDecision
    }

    public var displayName: String {
        switch self {
        case .draft: "Draft"
        case .submitted: "New"
        case .gathering: "Gathering information"
        case .awaitingSignOff: "Awaiting sign-off"
        case .closed: "Decided"
        }
    }

    /// The state after `event`, or nil where the event is not allowed now.
    public func after(_ event: Event) -> ReferralStatus? {
        switch (self, event) {
        case (.draft, .submit): .submitted
        case (.submitted, .triage), (.gathering, .triage): .gathering
        case (.submitted, .recordDecision), (.gathering, .recordDecision): .awaitingSignOff
        case (.awaitingSignOff, .signOff): .closed
        case (.awaitingSignOff, .returnDecision): .gathering
        default: nil
        }
    }

    /// Still waiting on the MASH: counts towards the decision clock.
    public var isOpen: Bool { self == .submitted || self == .gathering || self == .awaitingSignOff }
}
