import SafeguardCore
import Vapor

/// A recommendation with its actions; the business unit adds actions and closes it.
struct RecommendationView {
    struct Owner: Sendable {
        var id: UUID
        var label: String
    }

    var id: UUID
    var source: String
    var recommendation: Recommendation
    var actions: [ActionPlanEntry]
    /// Whom an action can be given to: "Sam Okafor – Northmere Police".
    var owners: [Owner]
    var mayManage: Bool
    var today: SimpleDate
    var calendar: WorkingCalendar
    var fields: [String: String]
    var errors: FormErrors
    var banner: String?

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Recommendation", section: .actionPlan, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        let r = recommendation
        return fragment {
            Components.backLink(.actionPlan, "Action plan")
            if let banner { Components.notification(banner) }
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { source }
                "Recommendation"
            }
            Components.summaryList([
                ("Finding", .text(r.finding)), ("Recommendation", .text(r.text)),
                (
                    "Status",
                    .text(r.status.displayName + (r.notImplementedReason.isEmpty ? "" : ": \(r.notImplementedReason)"))
                ),
            ])
            el("h2", .class("sg-heading-m")) { "Actions" }
            if actions.isEmpty {
                el("p", .class("sg-body")) { "No actions yet." }
            } else {
                Components.table(
                    caption: "Actions on this recommendation",
                    headers: ["Action", "Agency and owner", "Due", "Status", "RAG"],
                    rows: actions.map { e in
                        [
                            el("a", .href(.planAction(UUID(uuidString: e.id)!)), .class("sg-link")) {
                                e.action.description
                            }, .text("\(e.agency): \(e.owner)"),
                            .text(e.action.dueOn.longText), .text(e.action.status.displayName),
                            e.action.rag(today: today, calendar: calendar).map { MASHTags.rag($0) } ?? .text("–"),
                        ]
                    }, captionVisible: false)
            }
            if mayManage && r.status == .open { forms(csrf: csrf) }
        }
    }

    @NodeBuilder private func forms(csrf: String) -> [Node] {
        el("h2", .class("sg-heading-m"), .id("add-action")) { "Add an action" }
        el("form", .postMethod, .action(.recommendationActions(id)), Attr("novalidate", nil)) {
            Components.csrfField(csrf)
            Components.textarea(
                "description", label: "What will be done?", value: fields["description"] ?? "", errors: errors, rows: 2)
            Components.textarea(
                "impact", label: "How will its impact be measured?", value: fields["impact"] ?? "", errors: errors,
                hint: "The evidence that will show it made a difference, for example an audit of 20 records", rows: 2)
            Components.select(
                "owner", label: "Owner",
                options: [("", "Choose the person who owns it")] + owners.map { ($0.id.uuidString, $0.label) },
                selected: fields["owner"] ?? "", errors: errors, hint: "The action belongs to the owner's agency")
            Components.dateInput(
                "due", legend: "Due by", day: fields["due-day"] ?? "", month: fields["due-month"] ?? "",
                year: fields["due-year"] ?? "",
                errors: errors, hint: "For example, 31 3 2027")
            Components.button("Add action")
        }
        el("details", .class("sg-details")) {
            el("summary", .class("sg-details__summary")) {
                el("span", .class("sg-details__summary-text")) { "Close this recommendation" }
            }
            el("div", .class("sg-details__text")) {
                el("form", .postMethod, .action(.recommendationClose(id)), Attr("novalidate", nil)) {
                    Components.csrfField(csrf)
                    Components.radios(
                        "close", legend: "How did it end?",
                        options: [
                            ("implemented", "Implemented: every action is signed off"),
                            ("not-implemented", "Not implemented"),
                        ],
                        selected: fields["close"] ?? "", errors: errors)
                    Components.textarea(
                        "reason", label: "If not implemented, why?", value: fields["reason"] ?? "", errors: errors,
                        hint: "The annual report must give the reason", rows: 3)
                    Components.button("Close recommendation", kind: "warning")
                }
            }
        }
    }
}
