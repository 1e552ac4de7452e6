import SafeguardCore
import Vapor

/// The fields of the add-person and edit-person forms, as typed, and their validation.
/// Used for the API too, so both give the same messages.
struct PersonForm: Content {
    var firstName: String?
    var middleNames: String?
    var lastName: String?
    var dobDay: String?
    var dobMonth: String?
    var dobYear: String?
    var unborn: String?
    var gender: String?
    var ethnicity: String?
    var nhsNumber: String?
    var language: String?
    var disability: String?
    var addressLine1: String?
    var addressLine2: String?
    var addressTown: String?
    var addressPostcode: String?
    /// The answer when offered homes already recorded (see ``KnownHomeQuestion``).
    var home: String?
    var homeAsked: String?
    /// On the edit form: the stamp of the stored details it was filled from (``OpenedAs``).
    var openedAs: String?

    enum CodingKeys: String, CodingKey {
        case firstName = "first-name"
        case middleNames = "middle-names"
        case lastName = "last-name"
        case dobDay = "dob-day"
        case dobMonth = "dob-month"
        case dobYear = "dob-year"
        case unborn, gender, ethnicity
        case nhsNumber = "nhs-number"
        case language, disability
        case addressLine1 = "address-line1"
        case addressLine2 = "address-line2"
        case addressTown = "address-town"
        case addressPostcode = "address-postcode"
        case home
        case homeAsked = "home-asked"
        case openedAs = "opened-as"
    }

    /// What a valid form says, ready to store.
    struct Valid: Sendable {
        var firstName: String, middleNames: String, lastName: String
        var dateOfBirth: SimpleDate?, expectedDateOfBirth: SimpleDate?
        var gender: Gender, ethnicity: String, nhsNumber: NHSNumber?, language: String, disability: String?
        var address: (line1: String, line2: String?, town: String, postcode: UKPostcode)?
        var typedHome: KnownHome? {
            address.map {
                KnownHome(
                    id: "", line1: $0.line1, line2: $0.line2, town: $0.town, postcode: $0.postcode.text, uprn: nil)
            }
        }
    }

    static let maxNameLength = 100

    func validate(today: SimpleDate, requireAddressFields: Bool = false) -> Result<Valid, FormErrorsBox> {
        var errors = FormErrors()
        let first = (firstName ?? "").trimmed
        let last = (lastName ?? "").trimmed
        let middle = (middleNames ?? "").trimmed
        let isUnborn = unborn == "yes"
        if first.isEmpty && !isUnborn {
            errors.add("first-name", "Enter the person's first name, or \"Unknown\" if no one knows it")
        }
        if last.isEmpty { errors.add("last-name", "Enter the person's last name") }
        for (field, value) in [("first-name", first), ("middle-names", middle), ("last-name", last)] {
            if value.count > Self.maxNameLength {
                errors.add(field, "Name must be \(Self.maxNameLength) characters or fewer")
            } else if !value.isEmpty && !TypedText.hasVisibleCharacter(value) {
                errors.add(field, "Enter a name with at least one letter")
            }
        }

        var date: SimpleDate?
        let d = (dobDay ?? "").trimmed
        let m = (dobMonth ?? "").trimmed
        let y = (dobYear ?? "").trimmed
        let dateLabel = isUnborn ? "Expected date of birth" : "Date of birth"
        if d.isEmpty && m.isEmpty && y.isEmpty {
            if isUnborn { errors.add("dob-day", "Enter the expected date of birth") }
        } else if let parsed = SimpleDate(day: d, month: m, year: y) {
            if !isUnborn && parsed > today {
                errors.add(
                    "dob-day", "\(dateLabel) must be today or in the past; for a baby not yet born, choose \"unborn\"")
            } else if isUnborn && parsed < today {
                errors.add(
                    "dob-day",
                    "Expected date of birth must be in the future; if the baby has been born, record the date of birth")
            } else if !isUnborn && parsed.age(on: today) > 120 {
                errors.add("dob-day", "\(dateLabel) must be after \(today.year - 120)")
            } else {
                date = parsed
            }
        } else {
            errors.add("dob-day", "\(dateLabel) must be a real date, for example 27 3 2015")
        }

        let genderValue = Gender(rawValue: gender ?? "") ?? (isUnborn ? .unknown : nil)
        if genderValue == nil { errors.add("gender", "Select the person's gender, or \"Not stated\"") }
        let ethnicityValue = (ethnicity ?? "").trimmed
        if !Ethnicity.categories.contains(ethnicityValue) {
            errors.add("ethnicity", "Select an ethnic group, or \"Not known\"")
        }

        var nhs: NHSNumber?
        let nhsText = (nhsNumber ?? "").trimmed
        if !nhsText.isEmpty {
            do { nhs = try NHSNumber(nhsText) } catch { errors.add("nhs-number", error.message) }
        }
        let languageValue = (language ?? "").trimmed
        if languageValue.count > 60 { errors.add("language", "Language must be 60 characters or fewer") }
        let disabilityValue = (disability ?? "").trimmed
        if disabilityValue.count > 500 { errors.add("disability", "Disability must be 500 characters or fewer") }

        var address: Valid.Address?
        let l1 = (addressLine1 ?? "").trimmed
        let l2 = (addressLine2 ?? "").trimmed
        let town = (addressTown ?? "").trimmed
        let pc = (addressPostcode ?? "").trimmed
        if requireAddressFields || !(l1.isEmpty && l2.isEmpty && town.isEmpty && pc.isEmpty) {
            if l1.isEmpty {
                errors.add("address-line1", "Enter the first line of the address, or leave all address fields empty")
            }
            if town.isEmpty { errors.add("address-town", "Enter the town or city") }
            do {
                let postcode = try UKPostcode(pc)
                if !l1.isEmpty && !town.isEmpty { address = (l1, l2.isEmpty ? nil : l2, town, postcode) }
            } catch { errors.add("address-postcode", error.message) }
        }

        guard errors.isEmpty, let genderValue else { return .failure(FormErrorsBox(errors: errors)) }
        return .success(
            Valid(
                firstName: first.isEmpty ? "Unknown" : first, middleNames: middle, lastName: last,
                dateOfBirth: isUnborn ? nil : date, expectedDateOfBirth: isUnborn ? date : nil,
                gender: genderValue, ethnicity: ethnicityValue, nhsNumber: nhs,
                language: languageValue.isEmpty ? "English" : languageValue,
                disability: disabilityValue.isEmpty ? nil : disabilityValue, address: address))
    }

    /// The form filled from a stored person, for editing.
    init(person: Person) {
        firstName = person.firstName
        middleNames = person.middleNames
        lastName = person.lastName
        let date = person.dob ?? person.expectedDob
        dobDay = date.map { String($0.day) }
        dobMonth = date.map { String($0.month) }
        dobYear = date.map { String($0.year) }
        unborn = person.expectedDob != nil ? "yes" : "no"
        gender = person.gender
        ethnicity = person.ethnicity
        nhsNumber = person.nhsNumber.flatMap { try? NHSNumber($0).formatted }
        language = person.language
        disability = person.disability
    }

    init() {}

    /// The details this form shows, as a stamp (``OpenedAs``); for a form filled from a stored person
    /// (``init(person:)``), what the edit form was opened on.
    var shownStamp: OpenedAs {
        OpenedAs(values: [
            firstName, middleNames, lastName, unborn, dobDay, dobMonth, dobYear, gender, ethnicity, nhsNumber,
            language, disability,
        ])
    }

    /// The edit form's fields where the details as saved now (`stored`) and as typed here differ, labelled as on the
    /// form, for someone whose save was held back because a colleague saved first.
    func differences(from stored: PersonForm) -> [EditDifference] {
        func text(_ value: String?) -> String { (value ?? "").trimmed }
        func born(_ form: PersonForm) -> String { form.unborn == "yes" ? "Not yet born" : "Born, or an adult" }
        func date(_ form: PersonForm) -> String {
            [form.dobDay, form.dobMonth, form.dobYear].map(text).joined(separator: " ").trimmed
        }
        func gender(_ form: PersonForm) -> String {
            Gender(rawValue: text(form.gender))?.displayName ?? text(form.gender)
        }
        func nhs(_ form: PersonForm) -> String { text(form.nhsNumber).replacingOccurrences(of: " ", with: "") }
        return EditDifference.between(
            saved: stored, typed: self,
            [
                ("First name", { text($0.firstName) }), ("Middle names", { text($0.middleNames) }),
                ("Last name", { text($0.lastName) }),
                ("Born", born), ("Date of birth", date), ("Gender", gender), ("Ethnicity", { text($0.ethnicity) }),
                ("NHS number", nhs), ("First language", { text($0.language) }), ("Disability", { text($0.disability) }),
            ])
    }
}

extension PersonForm.Valid {
    typealias Address = (line1: String, line2: String?, town: String, postcode: UKPostcode)

    func apply(to p: Person) {
        p.firstName = firstName
        p.middleNames = middleNames
        p.lastName = lastName
        p.firstNameKey = Person.key(firstName)
        p.lastNameKey = Person.key(lastName)
        p.dateOfBirth = dateOfBirth?.iso
        p.expectedDateOfBirth = expectedDateOfBirth?.iso
        p.gender = gender.rawValue
        p.ethnicity = ethnicity
        p.nhsNumber = nhsNumber?.digits
        p.language = language
        p.disability = disability
    }
}

/// FormErrors as an Error, so validation can travel in a Result.
struct FormErrorsBox: Error {
    let errors: FormErrors
}
