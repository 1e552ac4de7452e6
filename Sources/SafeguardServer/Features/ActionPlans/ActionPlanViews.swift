import SafeguardCore
import Vapor

/// The composite plan: a summary line, the filters (agency, review, status, overdue), every action with its
/// RAG, and the same as CSV.
struct ActionPlanView {
    var entries: [ActionPlanEntry]
    var agencies: [String]
    var sources: [(key: String, value: String)]
    var filter: ActionPlanFilter
    var today: SimpleDate
    var calendar: WorkingCalendar
    var mayManage: Bool
    var wholePlan: Bool

    func render(on req: Request) -> Response {
        req.page("Action plan", section: .actionPlan) { body }
    }

    var body: Node {
        fragment {
            el("h1", .class("sg-heading-l")) {
                wholePlan ? "The partnership's action plan" : "Your agency's actions from reviews"
            }
            el("p", .class("sg-body")) {
                "Every recommendation from the partnership's reviews, the actions agencies owe on it, and the evidence of their impact. "
                "The case review sub-group signs each action off."
            }
            if mayManage {
                el(
                    "a", .href(.recommendationNew), .class("sg-button"), Attr("role", "button"),
                    .data("module", "sg-button")
                ) { "Add a recommendation" }
            }
            filters
            el("p", .class("sg-body"), .id("plan-summary")) { ActionPlanReport.summary(entries, today: today) }
            if !entries.isEmpty {
                Components.table(
                    caption: "Actions, soonest due first",
                    headers: ["Action", "Review", "Agency and owner", "Due", "Status", "RAG"],
                    rows: entries.map { e in
                        [
                            el("a", .href(.planAction(UUID(uuidString: e.id)!)), .class("sg-link")) {
                                e.action.description
                            }, .text(e.source),
                            .text("\(e.agency): \(e.owner)"), .text(e.action.dueOn.longText),
                            .text(e.action.status.displayName),
                            e.action.rag(today: today, calendar: calendar).map { MASHTags.rag($0) } ?? .text("–"),
                        ]
                    }, captionVisible: false)
            }
            el("p", .class("sg-body")) {
                el(
                    "a", Attr("href", SiteURL.actionPlanCSV.with(query: query)), .class("sg-link"),
                    Attr("download", nil)
                ) { "Download these actions (CSV)" }
            }
        }
    }

    private var query: [(String, String)] {
        [
            ("agency", filter.agency ?? ""), ("source", filter.source ?? ""), ("status", filter.status?.rawValue ?? ""),
            ("overdue", filter.overdueOnly ? "yes" : ""),
        ]
        .filter { !$0.1.isEmpty }
    }

    private var filters: Node {
        el("form", .getMethod, .action(.actionPlan), .class("sg-filter")) {
            if wholePlan {
                Components.select(
                    "agency", label: "Agency", options: [("", "All agencies")] + agencies.map { ($0, $0) },
                    selected: filter.agency ?? "", errors: FormErrors())
            }
            Components.select(
                "source", label: "Review", options: [("", "All reviews")] + sources.map { ($0.key, $0.value) },
                selected: filter.source ?? "",
                errors: FormErrors())
            Components.select(
                "status", label: "Status",
                options: [("", "Any status")] + ActionStatus.allCases.map { ($0.rawValue, $0.displayName) },
                selected: filter.status?.rawValue ?? "", errors: FormErrors())
            Components.checkboxes(
                "overdue", legend: "Overdue", options: [("yes", "Only overdue actions")],
                selected: filter.overdueOnly ? ["yes"] : [],
                errors: FormErrors(), hint: "Past their due date and not completed")
            Components.button("Show", kind: "secondary")
        }
    }
}

struct RecommendationFormView {
    var sources: [(reference: String, title: String)]
    var fields: [String: String]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Add a recommendation", section: .actionPlan, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.actionPlan, "Back")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Add a recommendation" }
            el("form", .postMethod, .action(.recommendationNew), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.select(
                    "source", label: "Which review is it from?",
                    options: [("", "Choose a review")]
                        + sources.map { ($0.reference, "\($0.title) (\($0.reference))") },
                    selected: fields["source"] ?? "", errors: errors)
                Components.textarea(
                    "finding", label: "Finding", value: fields["finding"] ?? "", errors: errors,
                    hint: "What the review found", rows: 3)
                Components.textarea(
                    "recommendation", label: "Recommendation", value: fields["recommendation"] ?? "", errors: errors,
                    hint: "What the partnership should do about it. Add the actions on the next page", rows: 3)
                Components.button("Add recommendation")
            }
        }
    }
}
