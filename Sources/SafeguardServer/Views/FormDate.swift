import Foundation
import SafeguardCore

/// A date typed into a GOV.UK date input (or sent as YYYY-MM-DD by a CSV import), checked with the site's words.
enum FormDate {
    /// A date from `prefix-day`, `-month`, `-year`, or from `prefix` as YYYY-MM-DD (the CSV import's form).
    /// Reads a GOV.UK date input. With `today`, a date after it is refused; without, any date is
    /// allowed (a meeting being planned, an action's due date).
    static func read(_ f: [String: String], _ prefix: String, label: String, required: Bool, today: SimpleDate?,
                     errors: inout FormErrors) -> SimpleDate? {
        let d = f[prefix + "-day"] ?? "", m = f[prefix + "-month"] ?? "", y = f[prefix + "-year"] ?? "", iso = f[prefix] ?? ""
        if (d + m + y + iso).isEmpty {
            if required { errors.add(prefix + "-day", "Enter the \(label)") }
            return nil
        }
        let parsed: SimpleDate? = iso.isEmpty
            ? SimpleDate(day: d, month: m, year: y)
            : SimpleDate(iso: iso)
        guard let parsed else {
            errors.add(prefix + "-day", "The \(label) must be a real date, like \(iso.isEmpty ? "27 3 2026" : "2026-03-27")")
            return nil
        }
        if let today, parsed > today { errors.add(prefix + "-day", "The \(label) cannot be in the future") }
        else if let today, let problem = EventDate.problem(with: parsed, label: label, bornOn: nil, today: today) { errors.add(prefix + "-day", problem) }
        return parsed
    }
}
