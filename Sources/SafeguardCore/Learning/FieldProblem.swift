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
