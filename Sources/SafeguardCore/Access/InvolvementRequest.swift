/// A worker who broke the glass asks for their agency to be recorded as working with the person;
/// a manager decides. Break-glass is a four-hour, read-only look: lasting, editable access for a
/// whole agency is given only by someone who answers for it.
public enum InvolvementRequestStatus: String, CaseIterable, Codable, Sendable {
    case pending, approved, declined

    public var displayName: String {
        switch self {
        case .pending: "Waiting for a manager"
        case .approved: "Approved"
        case .declined: "Declined"
        }
    }
}

/// A manager's answer to an ``InvolvementRequestStatus/pending`` request.
public enum InvolvementDecision: String, CaseIterable, Sendable {
    case approve, decline
}

/// The rules of asking for and deciding on an agency's involvement.
public enum InvolvementRequestRules {
    public static let minimumReasonLength = 10
    public static let maximumTextLength = 1000

    /// Why a decision cannot be made, in words for the manager.
    public enum Refusal: Error, Equatable, Sendable {
        case alreadyDecided(InvolvementRequestStatus)
        case ownRequest
        case notTheirAgency

        public var message: String {
            switch self {
            case .alreadyDecided(let s): "This request has already been decided: \(s.displayName.lowercased())."
            case .ownRequest: "You asked for this yourself, so another manager must decide it."
            case .notTheirAgency:
                "Only a MASH manager, or a team manager of the agency that asked, can decide this request."
            }
        }
    }

    /// A team manager answers for their own agency's workers; a MASH manager, who sees every
    /// record and settles who is involved with whom, for any agency's.
    public static func mayDecide(role: Role, sameAgency: Bool) -> Bool {
        role == .mashManager || (role == .teamManager && sameAgency)
    }

    /// The status after `decision`, or why it cannot be made.
    public static func decide(
        _ status: InvolvementRequestStatus, _ decision: InvolvementDecision, role: Role,
        sameAgency: Bool, deciderIsRequester: Bool
    ) throws(Refusal) -> InvolvementRequestStatus {
        guard status == .pending else { throw .alreadyDecided(status) }
        guard mayDecide(role: role, sameAgency: sameAgency) else { throw .notTheirAgency }
        guard !deciderIsRequester else { throw .ownRequest }
        return decision == .approve ? .approved : .declined
    }

    /// What is wrong with the reason given, if anything.
    public static func reasonProblem(_ reason: String) -> String? {
        if reason.count < minimumReasonLength || !TypedText.hasVisibleCharacter(reason) {
            return "Explain why your agency now works with this person (at least \(minimumReasonLength) characters)"
        }
        if reason.count > maximumTextLength { return "The reason must be \(maximumTextLength) characters or fewer" }
        return nil
    }

    /// A decline must say why, so the worker knows what to do instead.
    public static func noteProblem(_ note: String, for decision: InvolvementDecision) -> String? {
        if decision == .decline && note.isEmpty {
            return "Say why you are declining, so the worker knows what to do instead"
        }
        if note.count > maximumTextLength { return "The note must be \(maximumTextLength) characters or fewer" }
        return nil
    }
}
