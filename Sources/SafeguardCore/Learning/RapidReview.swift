/// The three statutory safeguarding partners, who agree a rapid review's decision together.
public enum StatutoryPartner: String, CaseIterable, Codable, Sendable {
    case localAuthority = "local-authority"
    case police
    case integratedCareBoard = "icb"

    public var displayName: String {
        switch self {
        case .localAuthority: "Local authority"
        case .police: "Police"
        case .integratedCareBoard: "Integrated Care Board"
        }
    }

    /// The partner an agency speaks for, if it is one of the three.
    public static func of(_ kind: AgencyKind) -> StatutoryPartner? {
        switch kind {
        case .childrensSocialCare, .adultSocialCare: .localAuthority
        case .police: .police
        case .integratedCareBoard: .integratedCareBoard
        default: nil
        }
    }
}

/// The sections of a rapid review (Working Together 2023).
public enum RapidReviewSection: String, CaseIterable, Codable, Sendable {
    case facts
    case practiceEpisodes = "practice-episodes"
    case immediateActions = "immediate-actions"
    case potentialImprovements = "potential-improvements"
    case livedContext = "lived-context"

    public var heading: String {
        switch self {
        case .facts: "The facts and agencies' involvement"
        case .practiceEpisodes: "Key practice episodes, with analysis"
        case .immediateActions: "Immediate actions taken"
        case .potentialImprovements: "Potential improvements to practice"
        case .livedContext: "The family's lived context: racism, inequalities, disability"
        }
    }
}

public enum RapidReviewDecision: String, CaseIterable, Codable, Sendable {
    case localReview = "local-review"
    case nationalReview = "national-review"
    case noReview = "no-review"

    public var displayName: String {
        switch self {
        case .localReview: "A local child safeguarding practice review"
        case .nationalReview: "Refer to the national panel for a national review"
        case .noReview: "No further review"
        }
    }
}

public enum PanelResponse: String, CaseIterable, Codable, Sendable {
    case agrees, disagrees

    public var displayName: String {
        self == .agrees ? "The national panel agrees" : "The national panel does not agree"
    }
}

/// One statutory partner's answer to the decision.
public struct PartnerAgreement: Codable, Sendable, Equatable {
    public let agreed: Bool
    public let by: String
    public let on: SimpleDate
    public let note: String
}

/// A rapid review: due 15 working days after the national panel was notified. The business unit writes its
/// sections and the decision with its rationale; each of the three statutory partners' leads agrees (or not, saying
/// why); once all three agree it is submitted, late only with a reason; then the national panel responds.
public struct RapidReview: Sendable, Equatable {
    public enum Stage: String, Sendable {
        case drafting
        case awaitingAgreement = "awaiting-agreement"
        case agreed, submitted, responded
    }

    public var sections: [RapidReviewSection: String]
    public private(set) var decision: RapidReviewDecision?
    public private(set) var rationale: String
    public private(set) var agreements: [StatutoryPartner: PartnerAgreement]
    public private(set) var submittedOn: SimpleDate?
    public private(set) var lateReason: String
    public private(set) var panelResponse: PanelResponse?
    public private(set) var panelResponseOn: SimpleDate?
    public private(set) var panelComment: String

    public init(
        sections: [RapidReviewSection: String] = [:], decision: RapidReviewDecision? = nil, rationale: String = "",
        agreements: [StatutoryPartner: PartnerAgreement] = [:], submittedOn: SimpleDate? = nil, lateReason: String = "",
        panelResponse: PanelResponse? = nil, panelResponseOn: SimpleDate? = nil, panelComment: String = ""
    ) {
        self.sections = sections
        self.decision = decision
        self.rationale = rationale
        self.agreements = agreements
        self.submittedOn = submittedOn
        self.lateReason = lateReason
        self.panelResponse = panelResponse
        self.panelResponseOn = panelResponseOn
        self.panelComment = panelComment
    }

    public var stage: Stage {
        if panelResponse != nil { return .responded }
        if submittedOn != nil { return .submitted }
        if decision == nil { return .drafting }
        return allAgreed ? .agreed : .awaitingAgreement
    }

    public var allAgreed: Bool { StatutoryPartner.allCases.allSatisfy { agreements[$0]?.agreed == true } }
    public var mayEdit: Bool { submittedOn == nil }

    public mutating func saveSections(_ new: [RapidReviewSection: String]) throws(FieldProblem) {
        guard mayEdit else {
            throw FieldProblem(
                field: "facts", message: "The rapid review has been submitted and can no longer be changed")
        }
        for (s, text) in new where text.count > 8000 {
            throw FieldProblem(field: s.rawValue, message: "\(s.heading) is too long: keep it to 8,000 characters")
        }
        sections = new.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// The decision needs every section written and a rationale; changing it asks the partners again.
    public mutating func decide(_ d: RapidReviewDecision, rationale r: String) throws(FieldProblem) {
        guard mayEdit else { throw FieldProblem(field: "decision", message: "The rapid review has been submitted") }
        if let missing = RapidReviewSection.allCases.first(where: { (sections[$0] ?? "").isEmpty }) {
            throw FieldProblem(field: missing.rawValue, message: "Write “\(missing.heading)” before the decision")
        }
        let text = r.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.split(whereSeparator: \.isWhitespace).count >= 10 else {
            throw FieldProblem(field: "rationale", message: "Give the rationale for the decision, in at least 10 words")
        }
        if decision != d || rationale != text { agreements = [:] }
        decision = d
        rationale = text
    }

    /// Which partner a user may answer for: a statutory partner's lead, in that partner's agency.
    public static func partner(role: Role, agencyKind: AgencyKind, memberships: Set<ReviewGroup>) -> StatutoryPartner? {
        guard role.worksCases, memberships.contains(.statutoryPartnerLead) else { return nil }
        return StatutoryPartner.of(agencyKind)
    }

    public mutating func answer(
        for partner: StatutoryPartner, agreed: Bool, note: String, by name: String, on day: SimpleDate
    ) throws(FieldProblem) {
        guard decision != nil, mayEdit else {
            throw FieldProblem(field: "agreed", message: "There is no decision waiting for agreement")
        }
        let n = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if !agreed && n.count < 10 {
            throw FieldProblem(
                field: "agreement-note",
                message: "Say why the \(partner.displayName.lowercased()) does not agree, in at least 10 characters")
        }
        agreements[partner] = PartnerAgreement(agreed: agreed, by: name, on: day, note: n)
    }

    /// Submitted to the national panel once all three agree; after the due date, only with the reason.
    public mutating func submit(on day: SimpleDate, lateReason reason: String, due: SimpleDate) throws(FieldProblem) {
        guard mayEdit else {
            throw FieldProblem(field: "submitted-day", message: "The rapid review has already been submitted")
        }
        guard allAgreed else {
            throw FieldProblem(
                field: "submitted-day",
                message: "All three statutory partners must agree the decision before it is submitted")
        }
        if let problem = SeriousIncidentClock.latenessProblem(due: due, doneOn: day, reason: reason) {
            throw FieldProblem(field: "late-reason", message: problem)
        }
        submittedOn = day
        lateReason = day > due ? reason.trimmingCharacters(in: .whitespacesAndNewlines) : ""
    }

    public mutating func recordPanelResponse(
        _ response: PanelResponse, on day: SimpleDate, comment: String
    ) throws(FieldProblem) {
        guard let submitted = submittedOn else {
            throw FieldProblem(field: "response", message: "The rapid review has not been submitted yet")
        }
        guard panelResponse == nil else {
            throw FieldProblem(field: "response", message: "The national panel's response is already recorded")
        }
        guard day >= submitted else {
            throw FieldProblem(
                field: "response", message: "The panel cannot have responded before the review was submitted")
        }
        let c = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if response == .disagrees && c.count < 10 {
            throw FieldProblem(
                field: "panel-comment", message: "Record what the national panel said, in at least 10 characters")
        }
        panelResponse = response
        panelResponseOn = day
        panelComment = c
    }
}
