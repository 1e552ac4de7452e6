import Vapor
import SafeguardCore

/// Reads and checks each page of the referral form. Messages say what to do, next to the field.
enum ReferralForm {
    static func subject(_ f: [String: String], today: SimpleDate, errors: inout FormErrors, required: Bool) throws -> ReferralSubject? {
        let first = f["subject-first-name"] ?? "", last = f["subject-last-name"] ?? ""
        let d = f["subject-dob-day"] ?? "", m = f["subject-dob-month"] ?? "", y = f["subject-dob-year"] ?? ""
        let nhsText = f["subject-nhs-number"] ?? ""
        let anything = !(first + last + d + m + y + nhsText).isEmpty
        guard anything || required else { return nil }
        if !TypedText.hasVisibleCharacter(first) { errors.add("subject-first-name", "Enter the person's first name, or \"Unknown\"") }
        if !TypedText.hasVisibleCharacter(last) { errors.add("subject-last-name", "Enter the person's last name, or \"Unknown\"") }
        if first.count > 100 || last.count > 100 { errors.add("subject-first-name", "Names must be 100 characters or fewer") }
        var dob: SimpleDate?
        if !(d + m + y).isEmpty {
            if let date = SimpleDate(day: d, month: m, year: y), date <= today {
                dob = date
            } else {
                errors.add("subject-dob-day", "Date of birth must be a real date in the past, for example 27 3 2015, or leave it empty if not known")
            }
        }
        let gender = Gender(rawValue: f["subject-gender"] ?? "")
        if gender == nil { errors.add("subject-gender", "Select the person's gender, or \"Not known\"") }
        var nhs: NHSNumber?
        if !nhsText.isEmpty { do { nhs = try NHSNumber(nhsText) } catch { errors.add("subject-nhs-number", error.message) } }
        guard errors.isEmpty, let gender else { return nil }
        let s = ReferralSubject()
        s.firstName = first
        s.lastName = last
        s.dateOfBirth = dob?.iso
        s.gender = gender.rawValue
        s.nhsNumber = nhs?.digits
        return s
    }

    static func address(_ f: [String: String], into r: Referral, errors: inout FormErrors) {
        let l1 = f["address-line1"] ?? "", town = f["address-town"] ?? "", pc = f["address-postcode"] ?? ""
        if l1.isEmpty { errors.add("address-line1", "Enter the first line of the address, or \"Not known\"") } else if l1.count > 200 { errors.add("address-line1", "Address must be 200 characters or fewer") }
        if town.isEmpty { errors.add("address-town", "Enter the town or city") }
        var postcode = ""
        if !pc.isEmpty { do { postcode = try UKPostcode(pc).text } catch { errors.add("address-postcode", error.message) } }
        r.addressLine1 = l1
        r.addressTown = town
        r.addressPostcode = errors["address-postcode"] == nil ? postcode : pc
    }

    static func concerns(_ f: [String: String], list: [String], into r: Referral, errors: inout FormErrors) {
        let chosen = list.compactMap(ConcernCategory.init(rawValue:))
        if chosen.isEmpty { errors.add("concerns", "Select at least one kind of concern") }
        let text = f["what-happened"] ?? ""
        if text.count < 20 { errors.add("what-happened", "Describe what happened, what you saw or were told, and when (at least 20 characters)") }
        if text.count > 10_000 { errors.add("what-happened", "Description must be 10,000 characters or fewer: attach longer reports to the case later") }
        r.concerns = ConcernCategory.allCases.filter(chosen.contains).map(\.rawValue).joined(separator: " ")
        r.whatHappened = text
    }

    static func sharing(_ f: [String: String], into r: Referral, errors: inout FormErrors) {
        let awareness = FamilyAwareness(rawValue: f["family-awareness"] ?? "")
        let basis = LawfulBasis(rawValue: f["lawful-basis"] ?? "")
        if awareness == nil { errors.add("family-awareness", "Select whether the family knows about the referral") }
        if basis == nil { errors.add("lawful-basis", "Select the lawful basis for sharing this information") }
        if let awareness, basis == .consent, awareness.needsBasisOtherThanConsent {
            errors.add("lawful-basis", "The family has not agreed, so consent cannot be the basis: sharing to protect someone from harm is public task")
        }
        r.familyAwareness = awareness?.rawValue ?? ""
        r.lawfulBasis = basis?.rawValue ?? ""
    }

    static func contact(_ f: [String: String], into r: Referral, errors: inout FormErrors) {
        let urgency = ReferralUrgency(rawValue: f["urgency"] ?? "")
        if urgency == nil { errors.add("urgency", "Select how urgent the referral is") }
        let phone = f["referrer-phone"] ?? ""
        let digits = phone.filter(\.isNumber)
        if digits.count < 10 || digits.count > 15 || !phone.allSatisfy({ $0.isNumber || " +()-".contains($0) }) {
            errors.add("referrer-phone", "Enter a telephone number the MASH can call you on, like 01632 960 001")
        }
        r.urgency = urgency?.rawValue ?? ""
        r.referrerPhone = phone
    }
}
