import Foundation

/// A date as a person types it into a GOV.UK date input (`prefix-day`, `-month`, `-year`) or as a CSV import sends
/// it (`prefix` as YYYY-MM-DD), checked with the site's words.
public enum TypedDate {
    /// The date read and the problem with it, if any. A date that is real but refused (after `today`, or before
    /// records began) is still returned with its problem, so later checks can compare it. Without `today` any date
    /// is allowed (a meeting being planned, an action's due date).
    public static func read(
        _ f: [String: String], _ prefix: String, label: String, required: Bool,
        today: SimpleDate?
    ) -> (date: SimpleDate?, problem: FieldProblem?) {
        let d = f[prefix + "-day"] ?? ""
        let m = f[prefix + "-month"] ?? ""
        let y = f[prefix + "-year"] ?? ""
        let iso = f[prefix] ?? ""
        let field = prefix + "-day"
        if (d + m + y + iso).isEmpty {
            return (nil, required ? FieldProblem(field: field, message: "Enter the \(label)") : nil)
        }
        let parsed: SimpleDate? = iso.isEmpty ? SimpleDate(day: d, month: m, year: y) : SimpleDate(iso: iso)
        guard let parsed else {
            return (
                nil,
                FieldProblem(
                    field: field,
                    message: "The \(label) must be a real date, like \(iso.isEmpty ? "27 3 2026" : "2026-03-27")")
            )
        }
        if let today, parsed > today {
            return (parsed, FieldProblem(field: field, message: "The \(label) cannot be in the future"))
        }
        if let today, let problem = EventDate.problem(with: parsed, label: label, bornOn: nil, today: today) {
            return (parsed, FieldProblem(field: field, message: problem))
        }
        return (parsed, nil)
    }
}
