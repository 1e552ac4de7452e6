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
    public private(set) var all: [FieldProblem]

    public init(_ all: [FieldProblem] = []) { self.all = all }

    public var isEmpty: Bool { all.isEmpty }

    /// The problem already found with `field`, if any.
    public subscript(field: String) -> String? { all.first { $0.field == field }?.message }

    /// Adds a problem, unless `field` already has one: a field shows its first problem only.
    public mutating func add(_ field: String, _ message: String) {
        if self[field] == nil { all.append(FieldProblem(field: field, message: message)) }
    }

    public mutating func add(_ problem: FieldProblem?) {
        if let problem { add(problem.field, problem.message) }
    }
}
