/// The kinds of evaluation question: what the form shows and how answers are summarised.
public enum EvaluationQuestionKind: String, CaseIterable, Codable, Sendable {
    /// 1 to 5, each point labelled ("Poor" … "Excellent"); summarised as a mean and a distribution.
    case rating
    /// Summarised as percentages.
    case yesNo = "yes-no"
    /// Summarised as the list of comments.
    case freeText = "free-text"

    public var displayName: String {
        switch self {
        case .rating: "Rating from 1 to 5"
        case .yesNo: "Yes or no"
        case .freeText: "Free text"
        }
    }
}
