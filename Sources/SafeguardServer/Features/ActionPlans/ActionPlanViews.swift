import Fluent
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
        req.page("Action plan", section: .actionPlan) {
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
            Components.backLink(.actionPlan, "Back")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Add a recommendation" }
            el("form", .postMethod, .action(.recommendationNew), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
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

/// A recommendation with its actions; the business unit adds actions and closes it.
struct RecommendationView {
    var id: UUID
    var source: String
    var recommendation: Recommendation
    var actions: [ActionPlanEntry]
    var owners: [(id: UUID, label: String)]
    var mayManage: Bool
    var today: SimpleDate
    var calendar: WorkingCalendar
    var fields: [String: String]
    var errors: FormErrors
    var banner: String?

    static func load(
        _ r: RecommendationRecord, viewer: Viewer, on req: Request, fields: [String: String], errors: FormErrors
    ) async throws -> RecommendationView {
        let actions = try await PlanActionRecord.query(on: req.db).filter(\.$recommendation.$id == r.id!).with(
            \.$recommendation
        ).with(\.$agency).with(\.$owner)
            .sort(\.$dueOn).all().map { $0.entry() }
        let owners =
            viewer.may(.manageActionPlan)
            ? try await ActionPlanController.owners(on: req.db).map {
                ($0.id!, "\($0.displayName) – \($0.agency.name)")
            } : []
        let banner: String? =
            switch (try? req.query.get(String.self, at: "done")) ?? "" {
            case "added": "The recommendation is added. Now add the actions agencies will take."
            case "action-added": "The action is added. Its owner has been told and sees it on My work."
            case "closed": "The recommendation is closed."
            default: nil
            }
        return RecommendationView(
            id: r.id!, source: r.sourceLine, recommendation: r.recommendation, actions: actions, owners: owners,
            mayManage: viewer.may(.manageActionPlan), today: req.today, calendar: req.safeguard.calendar,
            fields: fields, errors: errors, banner: banner)
    }

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        let r = recommendation
        return req.page("Recommendation", section: .actionPlan, hasErrors: !errors.isEmpty, status: status) {
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
            if mayManage && r.status == .open { forms(csrf: req.csrfToken) }
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

/// One action: what and why, its clock and evidence, and the forms for whoever may move it on.
struct PlanActionView {
    var id: UUID
    var entry: ActionPlanEntry
    var recommendationID: UUID
    var files: [UUID: (name: String, size: Int)]
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

    static func load(
        _ r: PlanActionRecord, viewer: Viewer, on req: Request, fields: [String: String], errors: FormErrors
    ) async throws -> PlanActionView {
        let files = try await EvidenceFileRecord.query(on: req.db).filter(\.$action.$id == r.id!).field(\.$id).field(
            \.$filename
        ).field(\.$size).all()
        let isOwner = r.$owner.id == viewer.userID
        let banner: String? =
            switch (try? req.query.get(String.self, at: "done")) ?? "" {
            case "progress": "Progress saved."
            case "evidence": "Evidence added."
            case "completed": "Marked completed. The case review sub-group will check the evidence and sign it off."
            case "signed-off": "Recorded."
            case "chased": "The owner has been reminded."
            default: nil
            }
        return PlanActionView(
            id: r.id!, entry: r.entry(), recommendationID: r.$recommendation.id,
            files: Dictionary(uniqueKeysWithValues: files.map { ($0.id!, ($0.filename, $0.size)) }),
            chasedAt: r.chasedAt,
            mayUpdate: viewer.may(.updatePlanAction) && PlanAction.mayUpdate(isOwner: isOwner, role: viewer.role),
            maySignOff: viewer.may(.signOffPlanAction)
                && PlanAction.maySignOff(memberships: viewer.memberships, isOwner: isOwner),
            mayChase: viewer.may(.manageActionPlan),
            wholePlan: ActionPlanScope.of(role: viewer.role, memberships: viewer.memberships) == .all,
            today: req.today, calendar: req.safeguard.calendar, fields: fields, errors: errors, banner: banner)
    }

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        let a = entry.action
        let csrf = req.csrfToken
        return req.page("Action: \(a.description)", section: .actionPlan, hasErrors: !errors.isEmpty, status: status) {
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
