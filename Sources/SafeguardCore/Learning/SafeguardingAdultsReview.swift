/// The four questions of the Care Act 2014 s44 test, answered one by one by the SAR panel.
public enum S44Criterion: String, CaseIterable, Codable, Sendable {
    /// The adult had needs for care and support (whether or not the local authority was meeting them).
    case careAndSupportNeeds = "care-and-support-needs"
    /// The adult died, or is alive and experienced serious abuse or neglect ("serious": likely death without
    /// intervention, permanent harm, or reduced capacity or quality of life).
    case diedOrSeriousHarm = "died-or-serious-harm"
    /// Abuse or neglect, self-neglect included, is known or suspected.
    case abuseOrNeglectSuspected = "abuse-or-neglect-suspected"
    /// There is reasonable cause for concern about how the partners worked together to safeguard the adult.
    case agenciesConcern = "agencies-concern"

    public var question: String {
        switch self {
        case .careAndSupportNeeds: "Did the adult have needs for care and support?"
        case .diedOrSeriousHarm: "Did the adult die, or experience serious abuse or neglect?"
        case .abuseOrNeglectSuspected: "Is abuse or neglect known or suspected, self-neglect included?"
        case .agenciesConcern: "Is there reasonable cause for concern about how agencies worked together?"
        }
    }

    public var hint: String {
        switch self {
        case .careAndSupportNeeds: "Whether or not the local authority was meeting them"
        case .diedOrSeriousHarm:
            "Serious: likely death without intervention, permanent harm, or reduced capacity or quality of life"
        case .abuseOrNeglectSuspected: "Known or suspected by any agency"
        case .agenciesConcern: "How the partners, or others who worked with the adult, acted together"
        }
    }
}

public enum SARDecision: String, CaseIterable, Codable, Sendable {
    case mandatory
    case discretionary
    case noReview = "no-review"

    public var displayName: String {
        switch self {
        case .mandatory: "Mandatory Safeguarding Adults Review (s44(1))"
        case .discretionary: "Discretionary Safeguarding Adults Review (s44(4))"
        case .noReview: "No Safeguarding Adults Review"
        }
    }
}

/// One answer to an s44 question, with the panel's note of what it rests on.
public struct S44Answer: Codable, Sendable, Equatable {
    public let met: Bool
    public let note: String

    public init(met: Bool, note: String) {
        self.met = met
        self.note = note
    }
}

/// A referral for a Safeguarding Adults Review: raised by a case worker about an adult with care and support
/// needs who died or was seriously harmed; the SAR panel answers the s44 test question by question and decides.
/// When every question is met a review is mandatory; otherwise the panel may still commission a discretionary one.
public struct SARReferral: Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case referred, decided }

    public var whatHappened: String
    public private(set) var answers: [S44Criterion: S44Answer]
    public private(set) var decision: SARDecision?
    public private(set) var reasons: String
    public private(set) var decidedOn: SimpleDate?

    /// Once the panel has decided to hold a review, mandatory or discretionary, it gathers information from the
    /// agencies as a rapid review does; before that, or after deciding against one, it asks nobody.
    public var gathersInformation: Bool { decision == .mandatory || decision == .discretionary }

    public init(
        whatHappened: String, answers: [S44Criterion: S44Answer] = [:], decision: SARDecision? = nil,
        reasons: String = "",
        decidedOn: SimpleDate? = nil
    ) {
        self.whatHappened = whatHappened
        self.answers = answers
        self.decision = decision
        self.reasons = reasons
        self.decidedOn = decidedOn
    }

    public var status: Status { decision == nil ? .referred : .decided }

    /// Who is told of a new referral: the business unit and the case workers on the SAR panel.
    public static func isToldOfReferrals(role: Role, memberships: Set<ReviewGroup>) -> Bool {
        role == .businessUnitOfficer || (role.worksCases && memberships.contains(.sarPanel))
    }

    public static func raiseProblems(whatHappened: String, isAdult: Bool) -> [FieldProblem] {
        var p: [FieldProblem] = []
        if !isAdult {
            p.append(
                FieldProblem(
                    field: "what-happened",
                    message:
                        "A Safeguarding Adults Review is about an adult: for a child, raise a serious incident notification"
                ))
        }
        if whatHappened.split(whereSeparator: \.isWhitespace).count < 10 {
            p.append(
                FieldProblem(
                    field: "what-happened",
                    message: "Say what happened and why a review may be needed, in at least 10 words"))
        }
        return p
    }

    /// Whether the answers make a review mandatory: all four met (s44(1) to (3)).
    public static func isMandatory(_ answers: [S44Criterion: S44Answer]) -> Bool {
        S44Criterion.allCases.allSatisfy { answers[$0]?.met == true }
    }

    /// Records the panel's test and decision. Every question needs an answer and a note; a review the test makes
    /// mandatory cannot be decided otherwise; the reasons are given in every case.
    public mutating func decide(
        answers: [S44Criterion: S44Answer], decision: SARDecision, reasons: String, on day: SimpleDate
    ) throws(FieldProblem) {
        guard status == .referred else {
            throw FieldProblem(field: "decision", message: "The panel has already decided this referral")
        }
        for c in S44Criterion.allCases {
            guard let a = answers[c] else { throw FieldProblem(field: c.rawValue, message: "Answer: \(c.question)") }
            if a.note.trimmingCharacters(in: .whitespacesAndNewlines).count < 10 {
                throw FieldProblem(
                    field: "\(c.rawValue)-note",
                    message: "Say what the answer to “\(c.question)” rests on, in at least 10 characters")
            }
        }
        if Self.isMandatory(answers) && decision != .mandatory {
            throw FieldProblem(field: "decision", message: "All four s44 questions are met, so a review is mandatory")
        }
        if !Self.isMandatory(answers) && decision == .mandatory {
            throw FieldProblem(
                field: "decision",
                message:
                    "A review is mandatory only when all four questions are met: choose a discretionary review or none")
        }
        let r = reasons.trimmingCharacters(in: .whitespacesAndNewlines)
        guard r.count >= 20 else {
            throw FieldProblem(field: "reasons", message: "Give the panel's reasons, in at least 20 characters")
        }
        self.answers = answers
        self.decision = decision
        self.reasons = r
        decidedOn = day
    }
}
