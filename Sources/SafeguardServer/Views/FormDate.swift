import Foundation
import SafeguardCore

/// A date typed into a GOV.UK date input (or sent as YYYY-MM-DD by a CSV import): ``TypedDate`` reads and checks it;
/// this adds its problem to the form's errors.
enum FormDate {
    static func read(
        _ f: [String: String], _ prefix: String, label: String, required: Bool, today: SimpleDate?,
        errors: inout FormErrors
    ) -> SimpleDate? {
        let (date, problem) = TypedDate.read(f, prefix, label: label, required: required, today: today)
        if let problem { errors.add(problem.field, problem.message) }
        return date
    }
}
