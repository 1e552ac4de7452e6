import SafeguardCore
import Vapor

/// Each page of the referral form (and each part of an API referral, renamed to the form's fields) read through
/// ``ReferralAnswers``, its problems added to the form's errors and its answers stored on the referral.
enum ReferralForm {
    static func subject(
        _ f: [String: String], today: SimpleDate, errors: inout FormErrors, required: Bool
    ) throws -> ReferralSubject? {
        let (read, problems) = ReferralAnswers.subject(
            firstName: f["subject-first-name"] ?? "", lastName: f["subject-last-name"] ?? "",
            dateOfBirth: (f["subject-dob-day"] ?? "", f["subject-dob-month"] ?? "", f["subject-dob-year"] ?? ""),
            gender: f["subject-gender"] ?? "", nhsNumber: f["subject-nhs-number"] ?? "", today: today,
            required: required)
        errors.add(problems)
        guard errors.isEmpty, let read else { return nil }
        return ReferralSubject(read)
    }

    static func address(_ f: [String: String], into r: Referral, errors: inout FormErrors) {
        let read = ReferralAnswers.address(
            line1: f["address-line1"] ?? "", town: f["address-town"] ?? "", postcode: f["address-postcode"] ?? "")
        errors.add(read.3)
        r.setAddress(line1: read.line1, town: read.town, postcode: read.postcode)
    }

    static func concerns(_ f: [String: String], list: [String], into r: Referral, errors: inout FormErrors) {
        let read = ReferralAnswers.concerns(chosen: list, whatHappened: f["what-happened"] ?? "")
        errors.add(read.2)
        r.setConcerns(read.categories, whatHappened: read.whatHappened)
    }

    static func sharing(_ f: [String: String], into r: Referral, errors: inout FormErrors) {
        let (awareness, basis, problems) = ReferralAnswers.sharing(
            familyAwareness: f["family-awareness"] ?? "", lawfulBasis: f["lawful-basis"] ?? "")
        errors.add(problems)
        r.setSharing(awareness, basis)
    }

    static func contact(_ f: [String: String], into r: Referral, errors: inout FormErrors) {
        let (urgency, phone, problems) = ReferralAnswers.contact(
            urgency: f["urgency"] ?? "", phone: f["referrer-phone"] ?? "")
        errors.add(problems)
        r.setContact(urgency, phone: phone)
    }
}

/// What ``ReferralAnswers`` read, stored: the web form's pages and the API both save through these.
extension Referral {
    package func setAddress(line1: String, town: String, postcode: String) {
        addressLine1 = line1
        addressTown = town
        addressPostcode = postcode
    }

    package func setConcerns(_ categories: [ConcernCategory], whatHappened text: String) {
        concerns = categories.map(\.rawValue).joined(separator: " ")
        whatHappened = text
    }

    /// Empty until answered: a draft is saved page by page.
    package func setSharing(_ awareness: FamilyAwareness?, _ basis: LawfulBasis?) {
        familyAwareness = awareness?.rawValue ?? ""
        lawfulBasis = basis?.rawValue ?? ""
    }

    package func setContact(_ level: ReferralUrgency?, phone: String) {
        urgency = level?.rawValue ?? ""
        referrerPhone = phone
    }
}

extension ReferralSubject {
    package convenience init(_ read: ReferralAnswers.Subject) {
        self.init()
        firstName = read.firstName
        lastName = read.lastName
        dateOfBirth = read.dateOfBirth?.iso
        gender = read.gender.rawValue
        nhsNumber = read.nhsNumber
    }
}
