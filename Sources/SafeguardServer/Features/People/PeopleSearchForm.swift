import SafeguardCore
import Vapor

/// The people search as posted, from the search page or the header's box. Posted, not in the web address,
/// so the names people search for never land in access logs or browser history.
struct PeopleSearchForm: Content {
    var q: String?
    var dobDay: String?
    var dobMonth: String?
    var dobYear: String?
    var address: String?
    var page: String?

    enum CodingKeys: String, CodingKey {
        case q
        case dobDay = "dob-day"
        case dobMonth = "dob-month"
        case dobYear = "dob-year"
        case address, page
    }

    var text: String { (q ?? "").trimmed }
    var addressText: String { (address ?? "").trimmed }
    var pageNumber: Int { Int((page ?? "").trimmed) ?? 1 }

    /// The search to run, or the errors to show beside the fields.
    func validate() -> Result<PeopleFinder, FormErrorsBox> {
        var errors = FormErrors()
        let d = (dobDay ?? "").trimmed
        let m = (dobMonth ?? "").trimmed
        let y = (dobYear ?? "").trimmed
        var dob: SimpleDate?
        if !(d.isEmpty && m.isEmpty && y.isEmpty) {
            if let date = SimpleDate(day: d, month: m, year: y) {
                dob = date
            } else {
                errors.add("dob-day", "Date of birth must be a real date, like 27 3 2015, or left empty")
            }
        }
        if text.isEmpty && addressText.isEmpty && dob == nil && errors.isEmpty {
            errors.add("q", "Enter a name, NHS number or reference, or a date of birth, postcode or address")
        }
        if text.count > 200 { errors.add("q", "Search for at most 200 characters") }
        if addressText.count > 200 { errors.add("address", "Enter at most 200 characters of the address") }
        guard errors.isEmpty else { return .failure(FormErrorsBox(errors: errors)) }
        return .success(PeopleFinder(text: text, dateOfBirth: dob, address: addressText))
    }

    /// The terms as the audit trail records them.
    var auditDescription: String {
        [
            ("name", text),
            (
                "dob",
                [dobDay, dobMonth, dobYear].compactMap { $0?.trimmed }.filter { !$0.isEmpty }.joined(separator: "/")
            ),
            ("address", addressText),
        ].filter { !$0.1.isEmpty }.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    }
}
