import SafeguardCore
import Vapor

/// "Check your answers before sending": every answer with a link back to change it.
struct CheckAnswersView {
    var draft: ReferralDraft
    /// Pages not yet answered: each is a problem linked to its "Change" link, and the draft cannot be sent.
    var missing: [SiteURL.ReferralStep]

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(
            "Check your answers before sending the referral", section: .referrals, hasErrors: !missing.isEmpty,
            status: status
        ) { body(csrf: req.csrfToken) }
    }

    func body(csrf: String) -> Node {
        let id = draft.id
        var errors = FormErrors()
        for step in missing { errors.add("change-\(step.rawValue)", "Answer \"\(step.title)\" before sending") }
        let rows: [(SiteURL.ReferralStep, String, String)] = [
            (
                .people, "People",
                draft.subjects.map { s in
                    [
                        s.name, s.dob.map { "born \($0.longText)" }, s.gender?.displayName.lowercased(),
                        s.nhsNumber.map { "NHS number \($0)" },
                    ].compactMap { $0 }.joined(separator: ", ")
                }.joined(separator: "; ")
            ),
            (
                .address, "Address",
                [draft.addressLine1, draft.addressTown, draft.addressPostcode].filter { !$0.isEmpty }.joined(
                    separator: ", ")
            ),
            (.concerns, "Concerns", draft.concerns.map(\.displayName).joined(separator: ", ")),
            (.concerns, "What happened", draft.whatHappened),
            (.sharing, "Family knows", draft.familyAwareness?.displayName ?? ""),
            (.sharing, "Lawful basis", draft.lawfulBasis?.displayName ?? ""),
            (.contact, "Urgency", draft.urgency?.displayName ?? ""),
            (.contact, "Your telephone", draft.referrerPhone),
        ]
        return fragment {
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
                        Components.csrfField(csrf)
                        Components.button("Send referral")
                    }
                }
            }
        }
    }
}
