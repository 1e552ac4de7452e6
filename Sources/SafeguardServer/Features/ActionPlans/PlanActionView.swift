import SafeguardCore
import Vapor

/// One action: what and why, its clock and evidence, and the forms for whoever may move it on.
struct PlanActionView {
    struct File: Sendable {
        var name: String
        /// In bytes.
        var size: Int
    }

    var id: UUID
    var entry: ActionPlanEntry
    var recommendationID: UUID
    /// The files attached as evidence, by id: the evidence names them.
    var files: [UUID: File]
    var chasedAt: Date?
    var mayUpdate: Bool
    var maySignOff: Bool
    var mayChase: Bool
    var wholePlan: Bool
    var today: SimpleDate
    var calendar: WorkingCalendar
    var fields: [String: String]
    var errors: FormErrors
    var banner: String?

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(
            "Action: \(entry.action.description)", section: .actionPlan, hasErrors: !errors.isEmpty, status: status
        ) { body(csrf: req.csrfToken) }
    }

    func body(csrf: String) -> Node {
        let a = entry.action
        return fragment {
            Components.backLink(
                wholePlan ? .recommendation(recommendationID) : .actionPlan,
                wholePlan ? "The recommendation" : "Action plan")
            if let banner { Components.notification(banner) }
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { entry.source }
                a.description
            }
            el("p", .class("sg-body"), .id("action-status")) {
                Components.tag(
                    a.status.displayName,
                    colour: a.status == .signedOff ? "green" : a.status == .atRisk ? "orange" : "blue")
                " Due by \(a.dueOn.longText)" + (a.isOverdue(today: today) ? ", overdue " : " ")
                if let rag = a.rag(today: today, calendar: calendar) { MASHTags.rag(rag) }
            }
            Components.summaryList(
                [
                    ("Recommendation", .text(entry.recommendation)),
                    ("Owner", .text("\(entry.owner), \(entry.agency)")),
                    ("Impact measure", .text(a.impactMeasure)),
                    ("Progress", .text(a.progressNote.isEmpty ? "No note" : a.progressNote)),
                    ("Impact achieved", .text(a.impactAchieved.isEmpty ? "Not yet" : a.impactAchieved)),
                    (
                        "Signed off",
                        .text(a.signedOffOn.map { "\($0.longText) by \(a.signedOffBy ?? "")" } ?? "Not yet")
                    ),
                ] + (a.returnedNote.isEmpty ? [] : [("Returned by the sub-group", .text(a.returnedNote))])
                    + (chasedAt.map { [("Last reminder", .text(SiteFormat.dateTime($0)))] } ?? []))
            el("h2", .class("sg-heading-m")) { "Evidence" }
            if a.evidence.isEmpty {
                el("p", .class("sg-body")) { "No evidence yet." }
            } else {
                el("ul", .class("sg-list sg-list--bullet"), .id("evidence")) {
                    for e in a.evidence {
                        el("li") {
                            "\(e.text) (\(e.addedBy), \(e.addedOn.longText))"
                            for f in e.files {
                                if let id = UUID(uuidString: f), let file = files[id] {
                                    " "
                                    el("a", .href(.evidenceFile(id)), .class("sg-link"), Attr("download", nil)) {
                                        "\(file.name) (\(max(1, file.size / 1024)) KB)"
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if mayUpdate && !a.isFinished { ownerForms(a, csrf: csrf) }
            if maySignOff && a.status == .completed { signOffForm(csrf: csrf) }
            if mayChase && !a.isFinished {
                el("form", .postMethod, .action(.planActionChase(id))) {
                    Components.csrfField(csrf)
                    Components.button("Remind the owner", kind: "secondary")
                }
            }
        }
    }

    @NodeBuilder private func ownerForms(_ a: PlanAction, csrf: String) -> [Node] {
        el("h2", .class("sg-heading-m")) { "Progress" }
        el("form", .postMethod, .action(.planActionProgress(id)), Attr("novalidate", nil)) {
            Components.csrfField(csrf)
            Components.radios(
                "status", legend: "Where is it now?",
                options: ActionStatus.progress.map { ($0.rawValue, $0.displayName) },
                selected: fields["status"] ?? a.status.rawValue, errors: errors, inline: true)
            Components.textarea(
                "note", label: "Progress note", value: fields["note"] ?? a.progressNote, errors: errors,
                hint: "Needed if it is at risk", rows: 2)
            Components.button("Save progress", kind: "secondary")
        }
        el("h2", .class("sg-heading-m")) { "Add evidence" }
        el(
            "form", .postMethod, .action(.planActionEvidence(id)), Attr("enctype", "multipart/form-data"),
            Attr("novalidate", nil)
        ) {
            Components.csrfField(csrf)
            Components.textarea(
                "evidence", label: "What is the evidence?", value: fields["evidence"] ?? "", errors: errors,
                hint: "For example, the audit of 20 records in March", rows: 2)
            el("div", .class(errors["evidence-file"] == nil ? "sg-form-group" : "sg-form-group sg-form-group--error")) {
                el("label", .class("sg-label"), .for("evidence-file")) { "A file (optional, up to 15 MB)" }
                if let e = errors["evidence-file"] { Components.errorMessage("evidence-file", e) }
                void("input", attrs: [.class("sg-file-upload"), .id("evidence-file"), .name("file"), .type("file")])
            }
            Components.button("Add evidence", kind: "secondary")
        }
        el("h2", .class("sg-heading-m")) { "Mark it completed" }
        el("form", .postMethod, .action(.planActionComplete(id)), Attr("novalidate", nil)) {
            Components.csrfField(csrf)
            Components.textarea(
                "impact-achieved", label: "What impact has it had, against the measure?",
                value: fields["impact-achieved"] ?? "", errors: errors, rows: 2)
            Components.button("Mark completed")
        }
    }

    private func signOffForm(csrf: String) -> Node {
        el("section", .aria("labelledby", "sign-off-heading")) {
            el("h2", .class("sg-heading-m"), .id("sign-off-heading")) { "Case review sub-group: sign off" }
            el("form", .postMethod, .action(.planActionSignOff(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.radios(
                    "decision", legend: "Does the evidence show the action is done and has had its impact?",
                    options: [("sign-off", "Yes, sign it off"), ("return", "No, return it to the owner")],
                    selected: fields["decision"] ?? "", errors: errors)
                Components.textarea(
                    "return-note", label: "If returning it, what more is needed?", value: fields["return-note"] ?? "",
                    errors: errors, rows: 2)
                Components.button("Record the decision")
            }
        }
    }
}
