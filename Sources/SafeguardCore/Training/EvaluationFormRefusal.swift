/// Why an evaluation form was not accepted: one problem per question, in form order, for the
/// GOV.UK error summary.
public struct EvaluationFormRefusal: Error, Sendable, Equatable {
    public var problems: [Problem]

    /// One question's problem, with the message to show beside it.
    public struct Problem: Error, Sendable, Equatable {
        public var questionKey: String
        public var message: String
    }
}
