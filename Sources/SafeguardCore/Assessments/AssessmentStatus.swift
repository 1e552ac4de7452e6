import Foundation

/// Where an assessment is in its life: a draft the practitioner can return to, submitted with
/// its rating fixed, then countersigned by a manager. Nothing goes backwards: a submitted
/// assessment is corrected by a new one, so the history of what was known stays true.
public enum AssessmentStatus: String, CaseIterable, Codable, Sendable {
    case draft, submitted, countersigned

    public var displayName: String {
        switch self {
        case .draft: "Draft"
        case .submitted: "Submitted"
        case .countersigned: "Countersigned"
        }
    }

    /// Only drafts take new answers.
    public var isEditable: Bool { self == .draft }
    /// Submitted and countersigned assessments count for the trend and the reassessment date.
    public var isComplete: Bool { self != .draft }
}

/// Management oversight of a submitted assessment.
public enum AssessmentCountersignature {
    /// Why this manager may not countersign, or nil when they may. A manager countersigns for their
    /// own agency, and never their own assessment: oversight means a second pair of eyes.
    public static func refusal(status: AssessmentStatus, submittedBy: UUID?, manager: UUID, sameAgency: Bool) -> String?
    {
        switch status {
        case .draft: return "It has not been submitted yet"
        case .countersigned: return "It has already been countersigned"
        case .submitted: break
        }
        if !sameAgency { return "Only a manager in the agency that made the assessment can countersign it" }
        if submittedBy == manager { return "You made this assessment: another manager must countersign it" }
        return nil
    }
}

/// When a person's next assessment with a tool falls due, and how to show it.
public struct Reassessment: Sendable, Equatable {
    public let due: SimpleDate

    public init(assessedOn: SimpleDate, afterDays days: Int) { due = assessedOn.adding(days: days) }
    public init(due: SimpleDate) { self.due = due }

    /// "My work" lists reassessments two weeks ahead, so they can be planned.
    public static let noticeDays = 14

    public func isOverdue(today: SimpleDate) -> Bool { due < today }
    public func isDueSoon(today: SimpleDate) -> Bool { due <= today.adding(days: Self.noticeDays) }
}
