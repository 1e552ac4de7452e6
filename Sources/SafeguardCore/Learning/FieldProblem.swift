/// Something to correct, against the form field that needs changing: what the learning workflows' rules
/// answer with, so a page can put each message beside its field and in the error summary.
public struct FieldProblem: Error, Sendable, Equatable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Every problem with a form at once, in the form's order: what a rule refuses a whole form with, so the form can
/// show them all rather than one per attempt.
public struct FieldProblems: Error, Sendable, Equatable {
    public let all: [FieldProblem]

    public init(_ all: [FieldProblem]) { self.all = all }
}
