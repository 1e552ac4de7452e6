import Foundation
import SafeguardCore
import Vapor

/// One MASH request as the partner agency sees it: the people to search their records for, the
/// address, and the answer box until the agency has answered.
struct InformationRequestView {
    var id: UUID
    var reference: String
    var rag: RAGRating?
    /// "3 March 2026, 2:15pm".
    var due: String
    var overdue: Bool
    var subjects: [RequestSubject]
    /// The address as the referrer gave it, on one line.
    var address: String
    /// The agency's answer, once given; until then the page asks for one.
    var given: String?
    /// What was typed in the answer box, so a refused answer comes back as it was sent.
    var answer: String
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("MASH request \(reference)", section: .requests, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.informationRequests, "Back to requests")
            Components.errorSummary(errors)
            el("span", .class("sg-caption-l")) { "MASH request" }
            el("h1", .class("sg-heading-l")) { reference }
            el("p", .class("sg-body")) {
                MASHTags.rag(rag)
                " "
                overdue
                    ? Components.tag("Overdue: was due \(due)", colour: "red")
                    : Components.tag("Due by \(due)", colour: "yellow")
            }
            for s in subjects { subject(s) }
            el("h2", .class("sg-heading-m")) { "Address given by the referrer" }
            el("p", .class("sg-body")) { address }
            if let given {
                el("h2", .class("sg-heading-m")) { "Your agency's answer" }
                el("p", .class("sg-body")) { given }
            } else {
                el("form", .postMethod, .action(.informationRequest(id)), Attr("novalidate", nil)) {
                    Components.csrfField(csrf)
                    Components.textarea(
                        "answer", label: "What does your agency know?", value: answer, errors: errors,
                        hint: "Contacts, incidents, concerns and open cases, with dates. "
                            + "If the people are not known to you, say so.",
                        rows: 8)
                    Components.button("Send answer to the MASH")
                }
            }
        }
    }

    /// What the partner searches their own records with: the linked record's details when there is one.
    private func subject(_ s: RequestSubject) -> Node {
        var rows: [(String, Node)] = [("Date of birth", .text(s.born))]
        if let nhs = s.nhsNumber { rows.append(("NHS number", .text(nhs))) }
        if let address = s.address { rows.append(("Lives at", .text(address))) }
        if !s.household.isEmpty {
            rows.append(
                (
                    "Living with",
                    el("ul", .class("sg-list")) { for h in s.household { el("li") { "\(h.name), born \(h.born)" } } }
                ))
        }
        if let referredAs = s.referredAs { rows.append(("Referred as", .text(referredAs))) }
        return el("div", .class("sg-summary-card")) {
            el("div", .class("sg-summary-card__title-wrapper")) {
                el("h2", .class("sg-summary-card__title")) { s.name }
                if s.linked {
                    Components.tag("Checked against our records by the MASH", colour: "green")
                } else {
                    Components.tag("Not yet matched to a record", colour: "grey")
                }
            }
            el("div", .class("sg-summary-card__content")) { Components.summaryList(rows) }
        }
    }
}
