/// What the address matcher decided about a police incident's address.
public enum IncidentMatch: String, Codable, CaseIterable, Sendable {
    case match, review, none

    /// What the police system is told: whether there is a safeguarding marker, never why.
    public var answer: String {
        switch self {
        case .match: "yes"
        case .review: "possible"
        case .none: "no"
        }
    }
}

/// Where the information management team's check of a matched police incident stands. Stored as the raw value
/// ("new" is the name the table has always used for an incident waiting to be checked).
public enum IncidentReviewStatus: String, Codable, CaseIterable, Sendable {
    /// The address matched no marker: never queued, nobody checks it.
    case unmatched
    /// Matched or possibly matched a marked address; waiting for an officer to check it.
    case waiting = "new"
    /// The officer confirmed the match and sent it to the children's social workers and the cuckooing leads.
    case forwarded
    /// The officer found it was not the marked address and said why.
    case rejected

    public var displayName: String {
        switch self {
        case .unmatched: "No match"
        case .waiting: "Waiting to be checked"
        case .forwarded: "Forwarded"
        case .rejected: "Rejected"
        }
    }
}

/// The check of one police incident that matched a marked address: it is queued only when the matcher found a
/// match or a possible one, and an officer forwards or rejects it once. Forwarding needs someone still marked at the
/// address to tell; rejecting needs the reason, which is recorded and teaches the matcher nothing.
public struct IncidentReview: Sendable, Equatable {
    public private(set) var status: IncidentReviewStatus
    /// The officer's note when forwarding, or the reason for a rejection.
    public private(set) var note: String?

    public init(status: IncidentReviewStatus, note: String? = nil) {
        self.status = status
        self.note = note
    }

    /// A newly received incident: queued for checking unless its address matched nothing.
    public init(received match: IncidentMatch) {
        self.init(status: match == .none ? .unmatched : .waiting)
    }

    /// Whether the officer's forward and reject forms are shown.
    public var isWaiting: Bool { status == .waiting }

    /// Confirms the match. `markedChildren` and `cuckooedHomes` are those with an active marker at the matched
    /// address now (a plan may have ended since the incident arrived).
    public mutating func forward(markedChildren: Int, cuckooedHomes: Int, note: String) throws(FieldProblem) {
        guard status == .waiting else { throw Self.alreadyChecked }
        guard markedChildren + cuckooedHomes > 0 else {
            throw FieldProblem(
                field: "reason",
                message:
                    "No child or cuckooed home has an active marker at the matched address any more: reject the alert, saying so"
            )
        }
        let n = note.trimmingCharacters(in: .whitespacesAndNewlines)
        status = .forwarded
        self.note = n.isEmpty ? nil : n
    }

    /// Rejects the match, with the reason (at least 5 characters: "flat 2" is enough).
    public mutating func reject(reason: String) throws(FieldProblem) {
        guard status == .waiting else { throw Self.alreadyChecked }
        let r = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard r.count >= 5 else {
            throw FieldProblem(
                field: "reason", message: "Say why this is not the marked address, for example \"Flat 2, not flat 12\"")
        }
        status = .rejected
        note = r
    }

    static let alreadyChecked = FieldProblem(field: "reason", message: "This alert has already been checked")
}

/// The social worker's answer to a forwarded incident.
public enum IncidentRelevance: String, Codable, CaseIterable, Sendable {
    case relevant
    case notRelevant = "not-relevant"

    public var displayName: String {
        switch self {
        case .relevant: "Relevant"
        case .notRelevant: "Not relevant"
        }
    }

    /// The radio's wording.
    public var choice: String {
        switch self {
        case .relevant: "Yes, it is relevant"
        case .notRelevant: "No, it is not relevant"
        }
    }

    /// How the child's chronology puts it.
    public var forThePlan: String {
        switch self {
        case .relevant: "relevant to the plan"
        case .notRelevant: "not relevant to the plan"
        }
    }
}

/// A forwarded incident as one child's social worker decides it: once, relevant or not; only a relevant one may
/// go on to ask the police for the full details, and only once.
public struct IncidentAlertDecision: Sendable, Equatable {
    public private(set) var relevance: IncidentRelevance?
    public private(set) var note: String?
    /// Whether the details have already been asked for (through a MASH referral).
    public var detailsRequested: Bool

    public init(relevance: IncidentRelevance?, note: String? = nil, detailsRequested: Bool = false) {
        self.relevance = relevance
        self.note = note
        self.detailsRequested = detailsRequested
    }

    /// Records the decision, `chosen` as the form sends it.
    public mutating func decide(_ chosen: String, note: String) throws(FieldProblem) {
        guard relevance == nil else {
            throw FieldProblem(field: "decision", message: "You have already decided this alert")
        }
        guard let r = IncidentRelevance(rawValue: chosen) else {
            throw FieldProblem(field: "decision", message: "Select whether the incident matters for the child's plan")
        }
        let n = note.trimmingCharacters(in: .whitespacesAndNewlines)
        relevance = r
        self.note = n.isEmpty ? nil : n
    }

    /// Whether the social worker may ask the police for the full details now.
    public var mayAskForDetails: Bool { relevance == .relevant && !detailsRequested }

    /// Why the details may not be asked for now, if they may not: shown beside the form's first question.
    public var detailsRefusal: FieldProblem? {
        if mayAskForDetails { return nil }
        return FieldProblem(
            field: "family-awareness",
            message: detailsRequested
                ? "The details have already been asked for"
                : "Mark the incident as relevant before asking for its details")
    }
}
