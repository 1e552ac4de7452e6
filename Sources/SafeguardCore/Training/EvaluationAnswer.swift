/// One answer on an evaluation form, typed by the kind of question it answers.
public enum EvaluationAnswer: Sendable, Equatable, Codable {
    /// 1 to 5.
    case rating(Int)
    case yesNo(Bool)
    case text(String)
}
