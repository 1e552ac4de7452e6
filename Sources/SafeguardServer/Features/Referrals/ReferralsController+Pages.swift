import SafeguardCore
import Vapor

extension ReferralsController {
    /// The draft as its pages show it. `referral` may hold answers just posted and not yet saved, so a page with
    /// problems shows what was typed.
    static func shownDraft(_ referral: Referral, subjects: [ReferralSubject]) throws -> ReferralDraft {
        ReferralDraft(
            id: try referral.requireID(),
            subjects: subjects.map { s in
                ReferralDraft.Subject(
                    name: s.fullName, dob: s.dob, gender: Gender(rawValue: s.gender),
                    nhsNumber: s.nhsNumber.flatMap { try? NHSNumber($0).formatted })
            },
            addressLine1: referral.addressLine1, addressTown: referral.addressTown,
            addressPostcode: referral.addressPostcode, concerns: referral.concernList,
            whatHappened: referral.whatHappened,
            // Empty until the page is answered, so nothing is chosen yet.
            familyAwareness: FamilyAwareness(rawValue: referral.familyAwareness),
            lawfulBasis: LawfulBasis(rawValue: referral.lawfulBasis),
            urgency: ReferralUrgency(rawValue: referral.urgency), referrerPhone: referral.referrerPhone)
    }

    static func stepView(
        _ step: SiteURL.ReferralStep, _ referral: Referral, subjects: [ReferralSubject], form: [String: String],
        errors: FormErrors, req: Request
    ) throws -> ReferralStepView {
        ReferralStepView(
            step: step, draft: try shownDraft(referral, subjects: subjects), form: form, errors: errors,
            // Opened from "Check your answers" (the link's query), or posted from such a page with a problem (the
            // form's hidden field): either way, once answered, back to the check page.
            fromCheck: form["return"] == "check" || req.query[String.self, at: "return"] == "check")
    }

    static func checkView(_ referral: Referral, subjects: [ReferralSubject]) throws -> CheckAnswersView {
        CheckAnswersView(draft: try shownDraft(referral, subjects: subjects), missing: missing(referral, subjects))
    }
}
