import SafeguardCore

/// Messages keyed by field, in the order the fields appear on the form.
package struct FormErrors: Sendable {
    private(set) var all: [(field: String, message: String)] = []

    package var isEmpty: Bool { all.isEmpty }

    package init() {}

    /// The one problem a SafeguardCore rule refused a change with.
    package init(_ problem: FieldProblem) { add(problem.field, problem.message) }

    /// Every problem a SafeguardCore rule found with a form.
    package init(_ problems: FieldProblems) { add(problems) }

    package mutating func add(_ problems: FieldProblems) {
        for p in problems.all { add(p.field, p.message) }
    }

    package subscript(field: String) -> String? { all.first { $0.field == field }?.message }

    package mutating func add(_ field: String, _ message: String) {
        if self[field] == nil { all.append((field, message)) }
    }
}
