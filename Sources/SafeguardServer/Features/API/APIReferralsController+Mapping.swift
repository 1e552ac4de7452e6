import Fluent
import SafeguardCore
import Vapor

extension APIReferralsController {
    /// The web form's field names as the JSON fields an API caller sent.
    static let fieldNames = [
        "referrer-email": "referrer.email", "referrer-phone": "referrer.phone", "subjects": "subjects",
        "address-line1": "address.line1", "address-town": "address.town", "address-postcode": "address.postcode",
        "concerns": "concerns", "what-happened": "whatHappened", "family-awareness": "familyAwareness",
        "lawful-basis": "lawfulBasis", "urgency": "urgency",
    ]
    static let subjectFieldNames = [
        "subject-first-name": "firstName", "subject-last-name": "lastName", "subject-dob-day": "dateOfBirth",
        "subject-gender": "gender", "subject-nhs-number": "nhsNumber",
    ]

    static func problem(_ errors: FormErrors) -> Problem {
        Problem(
            status: .unprocessableEntity, title: "Invalid referral",
            detail: "Nothing was sent. Correct the fields listed in 'errors' and send it again.",
            errors: errors.all.map { .init(field: fieldNames[$0.field] ?? $0.field, message: $0.message) })
    }

    /// The named referrer must be an active member of the token's agency whose role may refer;
    /// the referral then shows on their referrals page like one they typed in.
    static func referrer(
        _ email: String?, agency: UUID, errors: inout FormErrors, on db: Database
    ) async throws -> User? {
        let key = (email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard !key.isEmpty else {
            errors.add(
                "referrer-email", "Give the email address of the member of your agency's staff making the referral")
            return nil
        }
        let user = try await User.query(on: db).filter(\.$email == key).filter(\.$agency.$id == agency).with(\.$agency)
            .first()
        guard let user, user.active, let role = user.userRole,
            AccessPolicy.decide(role: role, agencyKind: user.agency.kind, relationship: .none, action: .submitReferral)
                .isPermitted
        else {
            errors.add(
                "referrer-email",
                "No active user of your agency who may make referrals has that email address: ask your administrator to add them"
            )
            return nil
        }
        return user
    }

    /// Each subject checked by the form's rules, errors named `subjects[i].field`.
    static func subjects(
        _ dtos: [NewReferralDTO.SubjectDTO], today: SimpleDate, errors: inout FormErrors
    ) throws -> [ReferralSubject] {
        if dtos.isEmpty { errors.add("subjects", "Add at least one person the referral is about") }
        if dtos.count > 20 { errors.add("subjects", "Send at most 20 people in one referral") }
        var out: [ReferralSubject] = []
        for (i, dto) in dtos.prefix(20).enumerated() {
            var own = FormErrors()
            var dob = ("", "", "")
            if let text = dto.dateOfBirth, !text.isEmpty {
                if let d = SimpleDate(iso: text), d > today {
                    own.add(
                        "subject-dob-day",
                        "The date of birth is in the future: for an unborn baby, leave it out and say so in whatHappened"
                    )
                } else if let d = SimpleDate(iso: text) {
                    dob = (String(d.day), String(d.month), String(format: "%04d", d.year))
                } else {
                    own.add(
                        "subject-dob-day",
                        "Give the date of birth as YYYY-MM-DD, like 2015-03-27, or leave it out if not known")
                }
            }
            let (read, problems) = ReferralAnswers.subject(
                firstName: dto.firstName ?? "", lastName: dto.lastName ?? "", dateOfBirth: dob,
                gender: dto.gender ?? "", nhsNumber: dto.nhsNumber ?? "", today: today, required: true)
            own.add(problems)
            let subject = own.isEmpty ? read.map(ReferralSubject.init) : nil
            for e in own.all { errors.add("subjects[\(i)].\(subjectFieldNames[e.field] ?? e.field)", e.message) }
            if let subject, own.isEmpty { out.append(subject) }
        }
        return out
    }
}
