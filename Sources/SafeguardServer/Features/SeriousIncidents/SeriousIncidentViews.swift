import SafeguardCore
import Vapor

/// "Raise a serious incident notification", from the child's record: what happened, and what the business unit
/// will see from the record already. Nothing is chosen for the case worker.
struct RaiseSeriousIncidentView {
    var personID: UUID
    var snapshot: PersonSnapshot
    var isAdult: Bool
    var fields: [String: String]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Raise a serious incident notification", section: .people, hasErrors: !errors.isEmpty, status: status)
        { body(csrf: req.csrfToken) }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.person(personID), "Back to \(snapshot.name)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { snapshot.name }
                "Raise a serious incident notification"
            }
            el("p", .class("sg-body")) {
                "Use this when a child has died or been seriously harmed and abuse or neglect is known or suspected. "
                "The partnership's business unit is told at once; it completes the notification and tells the national Child Safeguarding Practice Review Panel within 5 working days."
            }
            if isAdult {
                el("div", .class("sg-warning-text")) {
                    el("span", .class("sg-warning-text__icon"), .aria("hidden", "true")) { "!" }
                    el("strong", .class("sg-warning-text__text")) {
                        "\(snapshot.name) is now an adult: this is for something that happened while they were a child."
                    }
                }
            }
            el("form", .postMethod, .action(.personSeriousIncidentNew(personID)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.radios(
                    "reason", legend: "What has happened?",
                    options: SeriousIncidentReason.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: fields["reason"] ?? "", errors: errors)
                Components.dateInput(
                    "incident", legend: "When did it happen?", day: fields["incident-day"] ?? "",
                    month: fields["incident-month"] ?? "",
                    year: fields["incident-year"] ?? "", errors: errors, hint: "For example, 2 11 2026")
                Components.textarea(
                    "what-happened", label: "What happened?", value: fields["what-happened"] ?? "", errors: errors,
                    hint: "What you know now, briefly: the business unit will gather the rest", rows: 5)
                Components.checkboxes(
                    "abuse-or-neglect", legend: "Abuse or neglect",
                    options: [("yes", "Abuse or neglect is known or suspected")],
                    selected: fields["abuse-or-neglect"] == "yes" ? ["yes"] : [], errors: errors,
                    hint: "A notification is for harm where abuse or neglect is known or suspected")
                el("h2", .class("sg-heading-m")) { "What the business unit will see from the record" }
                SeriousIncidentPage.childSummary(snapshot)
                Components.button("Raise the notification")
            }
        }
    }
}

/// Every notification, newest first, with what is due next.
struct SeriousIncidentListView {
    var rows: [SeriousIncidentListing]

    func render(on req: Request) -> Response {
        req.page("Serious incidents", section: .seriousIncidents) { body }
    }

    var body: Node {
        fragment {
            el("h1", .class("sg-heading-l")) { "Serious incident notifications" }
            el("p", .class("sg-body")) {
                "Raised by case workers from a child's record. The national panel is told within 5 working days of the local authority becoming aware; the rapid review follows within 15 working days of that."
            }
            if rows.isEmpty {
                el("p", .class("sg-body"), .id("no-incidents")) { "No notifications have been raised." }
            } else {
                Components.table(
                    caption: "Notifications", headers: ["Reference", "Child", "Raised", "Status", "Next", "RAG"],
                    rows: rows.map { r in
                        [
                            el("a", .href(.seriousIncident(r.id)), .class("sg-link")) { r.reference }, .text(r.child),
                            .text(SiteFormat.dateTime(r.raisedAt)),
                            .text(r.status.displayName), .text(r.nextStep),
                            r.rag.map { MASHTags.rag($0) } ?? .text("–"),
                        ]
                    }, captionVisible: false)
            }
        }
    }
}
