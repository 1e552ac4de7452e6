/// The partnership groups that may open a review, held by a user besides their one role: a police public
/// protection manager who sits on the case review sub-group, a designated nurse on the SAR panel.
public enum ReviewGroup: String, CaseIterable, Codable, Sendable {
    /// Runs rapid reviews and child safeguarding practice reviews.
    case caseReviewSubGroup = "case-review-sub-group"
    /// Police, ICB, local authority and mental health trust: tests SAR referrals against s44.
    case sarPanel = "sar-panel"
    /// A statutory partner's lead (local authority, police, ICB): agrees rapid review decisions.
    case statutoryPartnerLead = "statutory-partner-lead"

    public var displayName: String {
        switch self {
        case .caseReviewSubGroup: "Case review sub-group"
        case .sarPanel: "Safeguarding Adults Review panel"
        case .statutoryPartnerLead: "Statutory partner's lead"
        }
    }

    /// Stored as keys separated by spaces; unknown keys are dropped.
    public static func parse(_ text: String) -> Set<ReviewGroup> {
        Set(text.split(separator: " ").compactMap { ReviewGroup(rawValue: String($0)) })
    }

    public static func text(_ groups: Set<ReviewGroup>) -> String {
        allCases.filter(groups.contains).map(\.rawValue).joined(separator: " ")
    }

    /// Who may open a child's serious incident notification and its rapid review, besides the business unit.
    public static let childReviewers: Set<ReviewGroup> = [.caseReviewSubGroup, .statutoryPartnerLead]
}
