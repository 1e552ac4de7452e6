import SafeguardCore
import Vapor

/// "Check your answers before sending": every answer with a link back to change it.
struct CheckAnswersView {
    var referral: Referral
    var subjects: [ReferralSubject]
    var missing: [SiteURL.ReferralStep]

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        let id = referral.id!
        var errors = FormErrors()
        for step in missing { errors.add("change-\(step.rawValue)", "Answer \"\(step.title)\" before sending") }
        let rows: [(SiteURL.ReferralStep, String, String)] = [
            (
                .people, "People",
                subjects.map { s in
                    [
                        s.fullName, s.dob.map { "born \($0.longText)" },
                        Gender(rawValue: s.gender)?.displayName.lowercased(),
                        s.nhsNumber.flatMap { try? NHSNumber($0).formatted }.map { "NHS number \($0)" },
                    ].compactMap { $0 }.joined(separator: ", ")
                }.joined(separator: "; ")
            ),
            (
                .address, "Address",
                [referral.addressLine1, referral.addressTown, referral.addressPostcode].filter { !$0.isEmpty }.joined(
                    separator: ", ")
            ),
            (.concerns, "Concerns", referral.concernList.map(\.displayName).joined(separator: ", ")),
            (.concerns, "What happened", referral.whatHappened),
            (.sharing, "Family knows", FamilyAwareness(rawValue: referral.familyAwareness)?.displayName ?? ""),
            (.sharing, "Lawful basis", LawfulBasis(rawValue: referral.lawfulBasis)?.displayName ?? ""),
            (.contact, "Urgency", ReferralUrgency(rawValue: referral.urgency)?.displayName ?? ""),
            (.contact, "Your telephone", referral.referrerPhone),
        ]
        return req.page(
            "Check your answers before sending the referral", section: .referrals, hasErrors: !errors.isEmpty,
            status: status
        ) {
            el("div", .class("sg-grid-row")) {
                el("div", .class("sg-grid-column-two-thirds")) {
                    Components.errorSummary(errors)
                    el("h1", .class("sg-heading-l")) { "Check your answers before sending the referral" }
                    el("dl", .class("sg-summary-list")) {
                        for (step, key, value) in rows {
                            el("div", .class("sg-summary-list__row")) {
                                el("dt", .class("sg-summary-list__key")) { key }
                                el("dd", .class("sg-summary-list__value")) { value.isEmpty ? "Not answered" : value }
                                el("dd", .class("sg-summary-list__actions")) {
                                    el(
                                        "a",
                                        Attr("href", SiteURL.referralStep(id, step).with(query: [("return", "check")])),
                                        .class("sg-link"), .id("change-\(step.rawValue)")
                                    ) {
                                        "Change"
                                        el("span", .class("sg-visually-hidden")) { " " + key.lowercased() }
                                    }
                                }
                            }
                        }
                    }
                    el("h2", .class("sg-heading-m")) { "Now send your referral" }
                    el("p", .class("sg-body")) {
                        "By sending it you confirm the information is accurate to the best of your knowledge, and that you are sharing it to protect someone from harm."
                    }
                    el("form", .postMethod, .action(.referralSubmit(id))) {
                        Components.csrfField(req.csrfToken)
                        Components.button("Send referral")
                    }
                }
            }
        }
    }
}
