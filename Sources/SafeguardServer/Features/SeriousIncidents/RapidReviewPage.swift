import SafeguardCore
import Vapor

/// The rapid review page: its clock, the sections, the decision and the three partners' answers, then submission
/// and the national panel's response. Each form shows only to whoever may use it.
struct RapidReviewPage {
    /// The notified incident the review is of.
    struct Incident: Sendable {
        var id: UUID
        /// "SIN-2026-0002".
        var reference: String
        /// The child's name, as the notification holds it.
        var child: String
    }

    var incident: Incident
    var review: RapidReview
    var due: SimpleDate
    /// The viewer is the business unit: writes the review, submits it and records the panel's response.
    var mayManage: Bool
    /// The statutory partner whose lead the viewer is, who answers whether that partner agrees the decision.
    var partner: StatutoryPartner?
    var today: SimpleDate
    var calendar: WorkingCalendar
    var fields: [String: String]
    var errors: FormErrors
    /// The local review commissioned from this rapid review, once there is one.
    var practiceReview: UUID? = nil
    /// The agencies asked for summaries, and their clocks.
    var summaries: AgencySummariesSection? = nil
    /// What the last step did, once the page is shown after it.
    var banner: String? = nil

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(
            "Rapid review: \(incident.reference)", section: .seriousIncidents, hasErrors: !errors.isEmpty,
            status: status
        ) { body(csrf: req.csrfToken) }
    }

    func body(csrf: String) -> Node {
        let r = review
        let id = incident.id
        let standing = SeriousIncidentClock.standing(due: due, doneOn: r.submittedOn, today: today, calendar: calendar)
        return fragment {
            Components.backLink(.seriousIncident(id), "The notification")
            if let banner { Components.notification(banner) }
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { "Rapid review, \(incident.reference)" }
                incident.child
            }
            el("p", .class("sg-body"), .id("rapid-review-clock")) {
                r.submittedOn.map {
                    "Submitted \($0.longText)" + (r.lateReason.isEmpty ? ", on time. " : ", late: \(r.lateReason). ")
                }
                    ?? "Due by \(due.longText) (\(SeriousIncidentListing.words(standing))). "
                if let rag = standing.rag { MASHTags.rag(rag) }
            }
            if let summaries { summaries.render(csrf: csrf) }
            if mayManage && r.mayEdit {
                // One form, so what is typed in the sections is saved with the decision too and never lost.
                el("form", .postMethod, .action(.rapidReviewStep(id, "sections")), Attr("novalidate", nil)) {
                    Components.csrfField(csrf)
                    for s in RapidReviewSection.allCases {
                        Components.textarea(
                            s.rawValue, label: s.heading, value: fields[s.rawValue] ?? r.sections[s] ?? "",
                            errors: errors, rows: 5)
                    }
                    Components.button("Save the rapid review", kind: "secondary")
                    decision(r)
                    Components.radios(
                        "decision",
                        legend: r.decision == nil
                            ? "What is the decision?" : "Change the decision (the partners are asked again)",
                        options: RapidReviewDecision.allCases.map { ($0.rawValue, $0.displayName) },
                        selected: fields["decision"] ?? "", errors: errors)
                    Components.textarea(
                        "rationale", label: "Rationale", value: fields["rationale"] ?? r.rationale, errors: errors,
                        rows: 4)
                    el(
                        "button", .type("submit"), .class("sg-button"),
                        Attr("formaction", SiteURL.rapidReviewStep(id, "decision").path),
                        .data("module", "sg-button")
                    ) { "Record the decision" }
                }
            } else {
                for s in RapidReviewSection.allCases {
                    el("h2", .class("sg-heading-m")) { s.heading }
                    el("p", .class("sg-body")) { r.sections[s] ?? "Not written yet." }
                }
                decision(r)
            }
            if let partner, r.decision != nil, r.mayEdit { agreementForm(partner, id: id, csrf: csrf) }
            if mayManage && r.stage == .agreed { submitForm(id: id, csrf: csrf) }
            if let response = r.panelResponse {
                el("h2", .class("sg-heading-m")) { "The national panel's response" }
                el("p", .class("sg-body")) {
                    "\(response.displayName) (\(r.panelResponseOn?.longText ?? "")). \(r.panelComment)"
                }
            } else if mayManage && r.stage == .submitted {
                panelForm(id: id, csrf: csrf)
            }
            if let practiceReview {
                el("p", .class("sg-body")) {
                    el("a", .href(.practiceReview(practiceReview)), .class("sg-link")) {
                        "Open the local child safeguarding practice review"
                    }
                }
            } else if mayManage && r.decision == .localReview && r.submittedOn != nil {
                el("form", .postMethod, .action(.rapidReviewStep(id, "commission")), Attr("novalidate", nil)) {
                    Components.csrfField(csrf)
                    el("h2", .class("sg-heading-m")) { "Commission the local review" }
                    Components.textInput(
                        "title", label: "The name it will be published under", value: fields["title"] ?? "",
                        errors: errors,
                        hint: "For example, Baby M. Never the child's real name", width: "20")
                    Components.button("Commission the review")
                }
            }
        }
    }

    @NodeBuilder private func decision(_ r: RapidReview) -> [Node] {
        el("h2", .class("sg-heading-m"), .id("decision-heading")) { "Decision" }
        if let d = r.decision {
            Components.summaryList(
                [("Decision", .text(d.displayName)), ("Rationale", .text(r.rationale))]
                    + StatutoryPartner.allCases.map { p in
                        (
                            p.displayName,
                            .text(
                                r.agreements[p].map {
                                    ($0.agreed ? "Agrees" : "Does not agree: \($0.note)")
                                        + " (\($0.by), \($0.on.longText))"
                                } ?? "Not yet answered")
                        )
                    })
        } else {
            el("p", .class("sg-body")) { "No decision yet." }
        }
    }

    private func agreementForm(_ partner: StatutoryPartner, id: UUID, csrf: String) -> Node {
        el("form", .postMethod, .action(.rapidReviewStep(id, "agreement")), Attr("novalidate", nil)) {
            Components.csrfField(csrf)
            Components.radios(
                "agreed", legend: "Does the \(partner.displayName.lowercased()) agree the decision?",
                options: [("yes", "Yes, we agree"), ("no", "No")], selected: fields["agreed"] ?? "", errors: errors,
                inline: true)
            Components.textarea(
                "agreement-note", label: "If not, why not?", value: fields["agreement-note"] ?? "", errors: errors,
                rows: 2)
            Components.button("Record our answer")
        }
    }

    private func submitForm(id: UUID, csrf: String) -> Node {
        el("form", .postMethod, .action(.rapidReviewStep(id, "submit")), Attr("novalidate", nil)) {
            Components.csrfField(csrf)
            el("h2", .class("sg-heading-m")) { "Submit to the national panel" }
            Components.dateInput(
                "submitted", legend: "When was it submitted?", day: fields["submitted-day"] ?? "",
                month: fields["submitted-month"] ?? "",
                year: fields["submitted-year"] ?? "", errors: errors, hint: "For example, 4 12 2026")
            Components.textarea(
                "late-reason", label: "If it was late, why?", value: fields["late-reason"] ?? "", errors: errors,
                hint: "Needed only after the due date", rows: 2)
            Components.button("Record the submission")
        }
    }

    private func panelForm(id: UUID, csrf: String) -> Node {
        el("form", .postMethod, .action(.rapidReviewStep(id, "panel-response")), Attr("novalidate", nil)) {
            Components.csrfField(csrf)
            el("h2", .class("sg-heading-m")) { "The national panel's response" }
            Components.radios(
                "response", legend: "What did the national panel say?",
                options: PanelResponse.allCases.map { ($0.rawValue, $0.displayName) },
                selected: fields["response"] ?? "", errors: errors)
            Components.textarea(
                "panel-comment", label: "What the panel said", value: fields["panel-comment"] ?? "", errors: errors,
                rows: 3)
            Components.button("Record the response")
        }
    }
}
