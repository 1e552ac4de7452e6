/// The referral's questions, read and checked the same way whether a referrer typed them into the web form or a
/// partner's system sent them to the API: each returns what it read and its problems, named by the form's fields
/// (the API renames them to its JSON fields). Messages say what to do, next to the field.
public enum ReferralAnswers {
    /// One person the referral is about, as the referrer described them.
    public struct Subject: Sendable, Equatable {
        public var firstName: String
        public var lastName: String
        public var dateOfBirth: SimpleDate?
        public var gender: Gender
        /// Ten digits, checked.
        public var nhsNumber: String?
    }

    /// A subject, or nil when nothing was typed and one is not `required` (the form's optional second person).
    public static func subject(
        firstName first: String, lastName last: String, dateOfBirth: (day: String, month: String, year: String),
        gender: String, nhsNumber nhsText: String, today: SimpleDate, required: Bool
    ) -> (Subject?, FieldProblems) {
        var p = FieldProblems()
        let (d, m, y) = dateOfBirth
        guard !(first + last + d + m + y + nhsText).isEmpty || required else { return (nil, p) }
        if !TypedText.hasVisibleCharacter(first) {
            p.add("subject-first-name", "Enter the person's first name, or \"Unknown\"")
        }
        if !TypedText.hasVisibleCharacter(last) {
            p.add("subject-last-name", "Enter the person's last name, or \"Unknown\"")
        }
        if first.count > 100 || last.count > 100 {
            p.add("subject-first-name", "Names must be 100 characters or fewer")
        }
        var dob: SimpleDate?
        if !(d + m + y).isEmpty {
            if let date = SimpleDate(day: d, month: m, year: y), date <= today {
                dob = date
            } else {
                p.add(
                    "subject-dob-day",
                    "Date of birth must be a real date in the past, for example 27 3 2015, or leave it empty if not known"
                )
            }
        }
        let sex = Gender(rawValue: gender)
        if sex == nil { p.add("subject-gender", "Select the person's gender, or \"Not known\"") }
        var nhs: NHSNumber?
        if !nhsText.isEmpty { do { nhs = try NHSNumber(nhsText) } catch { p.add("subject-nhs-number", error.message) } }
        guard p.isEmpty, let sex else { return (nil, p) }
        return (Subject(firstName: first, lastName: last, dateOfBirth: dob, gender: sex, nhsNumber: nhs?.digits), p)
    }

    /// Where they live. The postcode is tidied when it is valid and kept as typed when not, for the form to show.
    public static func address(
        line1: String, town: String, postcode typed: String
    ) -> (line1: String, town: String, postcode: String, FieldProblems) {
        var p = FieldProblems()
        if line1.isEmpty {
            p.add("address-line1", "Enter the first line of the address, or \"Not known\"")
        } else if line1.count > 200 {
            p.add("address-line1", "Address must be 200 characters or fewer")
        }
        if town.isEmpty { p.add("address-town", "Enter the town or city") }
        var postcode = typed
        if !typed.isEmpty {
            do { postcode = try UKPostcode(typed).text } catch { p.add("address-postcode", error.message) }
        }
        return (line1, town, postcode, p)
    }

    /// What the referrer is worried about, in the form's order, and what happened.
    public static func concerns(
        chosen: [String], whatHappened text: String
    ) -> (categories: [ConcernCategory], whatHappened: String, FieldProblems) {
        var p = FieldProblems()
        let known = chosen.compactMap(ConcernCategory.init(rawValue:))
        if known.isEmpty { p.add("concerns", "Select at least one kind of concern") }
        if text.count < 20 {
            p.add(
                "what-happened", "Describe what happened, what you saw or were told, and when (at least 20 characters)")
        }
        if text.count > 10_000 {
            p.add(
                "what-happened",
                "Description must be 10,000 characters or fewer: attach longer reports to the case later")
        }
        return (ConcernCategory.allCases.filter(known.contains), text, p)
    }

    /// Whether the family knows, and the lawful basis for sharing: consent cannot be the basis when they have not agreed.
    public static func sharing(
        familyAwareness: String, lawfulBasis: String
    ) -> (FamilyAwareness?, LawfulBasis?, FieldProblems) {
        var p = FieldProblems()
        let awareness = FamilyAwareness(rawValue: familyAwareness)
        let basis = LawfulBasis(rawValue: lawfulBasis)
        if awareness == nil { p.add("family-awareness", "Select whether the family knows about the referral") }
        if basis == nil { p.add("lawful-basis", "Select the lawful basis for sharing this information") }
        if let awareness, basis == .consent, awareness.needsBasisOtherThanConsent {
            p.add(
                "lawful-basis",
                "The family has not agreed, so consent cannot be the basis: sharing to protect someone from harm is public task"
            )
        }
        return (awareness, basis, p)
    }

    /// How urgent it is, and a number the MASH can call the referrer on.
    public static func contact(urgency: String, phone: String) -> (ReferralUrgency?, phone: String, FieldProblems) {
        var p = FieldProblems()
        let level = ReferralUrgency(rawValue: urgency)
        if level == nil { p.add("urgency", "Select how urgent the referral is") }
        let digits = phone.filter(\.isNumber)
        if digits.count < 10 || digits.count > 15 || !phone.allSatisfy({ $0.isNumber || " +()-".contains($0) }) {
            p.add("referrer-phone", "Enter a telephone number the MASH can call you on, like 01632 960 001")
        }
        return (level, phone, p)
    }
}
