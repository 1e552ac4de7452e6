import SafeguardCore
import Vapor

/// A new address for a person, with the date they moved in.
struct AddressForm: Content {
    var line1: String?
    var line2: String?
    var town: String?
    var postcode: String?
    var uprn: String?
    var fromDay: String?
    var fromMonth: String?
    var fromYear: String?
    /// The answer when offered homes already recorded: an address id, or `new`.
    var home: String?
    /// Set once the offer has been shown, so leaving it unanswered is an error rather than a first look.
    var homeAsked: String?

    enum CodingKeys: String, CodingKey {
        case line1 = "address-line1"
        case line2 = "address-line2"
        case town = "address-town"
        case postcode = "address-postcode"
        case uprn
        case fromDay = "from-day"
        case fromMonth = "from-month"
        case fromYear = "from-year"
        case home
        case homeAsked = "home-asked"
    }

    struct Valid: Sendable {
        var line1: String, line2: String?, town: String, postcode: UKPostcode, uprn: Int64?, from: SimpleDate
        var typedHome: KnownHome {
            KnownHome(id: "", line1: line1, line2: line2, town: town, postcode: postcode.text, uprn: uprn)
        }
        var dayBefore: SimpleDate {
            if from.day > 1 { return SimpleDate(year: from.year, month: from.month, day: from.day - 1)! }
            let month = from.month == 1 ? 12 : from.month - 1
            let year = from.month == 1 ? from.year - 1 : from.year
            return SimpleDate(year: year, month: month, day: SimpleDate.daysIn(month: month, year: year))!
        }
    }

    func validate(today: SimpleDate) -> Result<Valid, FormErrorsBox> {
        var errors = FormErrors()
        let l1 = (line1 ?? "").trimmed
        let l2 = (line2 ?? "").trimmed
        let t = (town ?? "").trimmed
        if l1.isEmpty {
            errors.add("address-line1", "Enter the first line of the address")
        } else if l1.count > 200 {
            errors.add("address-line1", "Address line 1 must be 200 characters or fewer")
        }
        if l2.count > 200 { errors.add("address-line2", "Address line 2 must be 200 characters or fewer") }
        if t.isEmpty { errors.add("address-town", "Enter the town or city") }
        var pc: UKPostcode?
        do { pc = try UKPostcode(postcode ?? "") } catch { errors.add("address-postcode", error.message) }
        var uprnValue: Int64?
        let u = (uprn ?? "").trimmed
        if !u.isEmpty {
            if let n = Int64(u), n > 0, u.count <= 12 {
                uprnValue = n
            } else {
                errors.add("uprn", "UPRN must be a number of up to 12 digits, or left empty")
            }
        }
        var from = today
        let d = (fromDay ?? "").trimmed
        let m = (fromMonth ?? "").trimmed
        let y = (fromYear ?? "").trimmed
        if !(d.isEmpty && m.isEmpty && y.isEmpty) {
            if let date = SimpleDate(day: d, month: m, year: y), date <= today {
                from = date
            } else {
                errors.add("from-day", "Date moved in must be a real date, today or in the past")
            }
        }
        guard errors.isEmpty, let pc else { return .failure(FormErrorsBox(errors: errors)) }
        return .success(
            Valid(line1: l1, line2: l2.isEmpty ? nil : l2, town: t, postcode: pc, uprn: uprnValue, from: from))
    }
}
