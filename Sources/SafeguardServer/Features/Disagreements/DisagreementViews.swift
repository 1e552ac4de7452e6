import SafeguardCore
import Vapor

struct DisagreementListView {
    var rows: [DisagreementListing]
    var mayRaise: Bool
    var mayViewFigures: Bool

    func render(on req: Request) -> Response {
        req.page("Professional disagreements", section: .disagreements) { body }
    }

    var body: Node {
        fragment {
            el("h1", .class("sg-heading-l")) { "Professional disagreements" }
            el("p", .class("sg-body")) {
                "When you disagree with another agency about what is right for a child, and talking has not settled it, record it here. "
                "It goes up the partnership's stages, each with a few working days, until it is resolved."
            }
            if mayRaise {
                el(
                    "a", .href(.disagreementNew), .class("sg-button"), Attr("role", "button"),
                    .data("module", "sg-button")
                ) { "Record a disagreement" }
            }
            if mayViewFigures {
                el("p", .class("sg-body")) {
                    el("a", .href(.disagreementFigures), .class("sg-link")) { "Figures across the partnership" }
                }
            }
            if rows.isEmpty {
                el("p", .class("sg-body"), .id("no-disagreements")) { "Your agency has no disagreements recorded." }
            } else {
                Components.table(
                    caption: "Disagreements, newest first",
                    headers: ["Reference", "Agencies", "Case", "Stage", "Due", "RAG"],
                    rows: rows.map { r in
                        [
                            el("a", .href(.disagreement(r.id)), .class("sg-link")) { r.reference }, .text(r.agencies),
                            .text(r.caseReference),
                            .text(r.resolved ? "Resolved" : r.stage), .text(r.due),
                            r.rag.map { MASHTags.rag($0) } ?? .text("–"),
                        ]
                    }, captionVisible: false)
            }
        }
    }
}

struct DisagreementFormView {
    /// An agency the viewer may disagree with: its id and name.
    struct Choice: Sendable {
        var id: UUID
        var label: String
    }

    var agencies: [Choice]
    var ladder: EscalationLadder
    var fields: [String: String]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(
            "Record a professional disagreement", section: .disagreements, hasErrors: !errors.isEmpty, status: status
        ) { body(csrf: req.csrfToken) }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.disagreements, "Back")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Record a professional disagreement" }
            el("p", .class("sg-body")) {
                "Talk to the other practitioner first. If that does not settle it, record it here: the first stage, "
                    + "\(ladder.stages[0].name.lowercased()), has \(ladder.stages[0].workingDays) working days."
            }
            el("form", .postMethod, .action(.disagreementNew), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.select(
                    "other-agency", label: "Which agency do you disagree with?",
                    options: [("", "Choose an agency")] + agencies.map { ($0.id.uuidString, $0.label) },
                    selected: fields["other-agency"] ?? "", errors: errors)
                Components.textInput(
                    "case-reference", label: "Case reference", value: fields["case-reference"] ?? "", errors: errors,
                    hint: "As both agencies know it: a MASH reference or the child's record reference. No names here",
                    width: "20")
                Components.radios(
                    "theme", legend: "What is it about?",
                    options: DisagreementTheme.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: fields["theme"] ?? "", errors: errors)
                Components.textarea(
                    "summary", label: "What do you disagree about, and why?", value: fields["summary"] ?? "",
                    errors: errors,
                    hint: "What each agency thinks, and what worries you for the child", rows: 6)
                Components.textarea(
                    "resolution", label: "What would resolve it?", value: fields["resolution"] ?? "", errors: errors,
                    hint: "For example, a strategy discussion this week", rows: 3)
                Components.button("Record the disagreement")
            }
        }
    }
}

/// One disagreement: what it is about, each stage reached with its outcome, and the current stage's form for
/// whoever's stage it is.
struct DisagreementPage {
    /// What was recorded when it was raised, with the raiser's name.
    struct Record: Sendable {
        var id: UUID
        var reference: String
        var raisedAgency: String
        var otherAgency: String
        var caseReference: String
        var theme: DisagreementTheme
        var summary: String
        var resolution: String
        /// The practitioner who raised it, by name.
        var raisedBy: String
    }

    var record: Record
    var disagreement: ProfessionalDisagreement
    var listing: DisagreementListing
    var mayRecord: Bool
    var fields: [String: String]
    var errors: FormErrors
    var banner: String?

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(
            "Disagreement \(record.reference)", section: .disagreements, hasErrors: !errors.isEmpty, status: status
        ) { body(csrf: req.csrfToken) }
    }

    func body(csrf: String) -> Node {
        let d = disagreement
        let ladder = d.ladder
        return fragment {
            Components.backLink(.disagreements, "All disagreements")
            if let banner { Components.notification(banner) }
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { "Professional disagreement \(record.reference)" }
                "\(record.raisedAgency) with \(record.otherAgency)"
            }
            el("p", .class("sg-body"), .id("disagreement-stage")) {
                listing.resolved
                    ? Components.tag("Resolved", colour: "green") : Components.tag(listing.stage, colour: "blue")
                " " + listing.due + " "
                if let rag = listing.rag { MASHTags.rag(rag) }
            }
            Components.summaryList([
                ("Case", .text(record.caseReference)),
                ("About", .text(record.theme.displayName)),
                ("The disagreement", .text(record.summary)),
                ("What would resolve it", .text(record.resolution)),
                ("Raised by", .text("\(record.raisedBy), \(record.raisedAgency)")),
            ])
            el("h2", .class("sg-heading-m")) { "Stages" }
            Components.table(
                caption: "Each stage reached", headers: ["Stage", "Began", "Due", "Outcome"],
                rows: d.steps.map { s in
                    [
                        .text("\(s.stage + 1). \(ladder.stages[min(s.stage, ladder.stages.count - 1)].name)"),
                        .text(s.startedOn.longText), .text(s.dueOn.longText),
                        .text(
                            s.outcome.map {
                                "\($0) (\(s.resolved ? "resolved" : "not resolved"), \(s.recordedBy ?? ""), \(s.endedOn?.longText ?? ""))"
                            } ?? "Not yet"),
                    ]
                }, captionVisible: false)
            if mayRecord { outcomeForm(d, csrf: csrf) }
        }
    }

    private func outcomeForm(_ d: ProfessionalDisagreement, csrf: String) -> Node {
        let last = d.current.stage == d.ladder.stages.count - 1
        return el("section", .aria("labelledby", "outcome-heading")) {
            el("h2", .class("sg-heading-m"), .id("outcome-heading")) {
                "Record the outcome of stage \(d.current.stage + 1): \(d.currentStage.name.lowercased())"
            }
            el("form", .postMethod, .action(.disagreementOutcome(record.id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.textarea(
                    "outcome", label: "What was discussed and decided?", value: fields["outcome"] ?? "", errors: errors,
                    rows: 4)
                Components.radios(
                    "resolved", legend: "Did this resolve it?",
                    options: last
                        ? [("yes", "Yes: the chair's decision is final")]
                        : [
                            ("yes", "Yes, it is resolved"),
                            ("no", "No, take it to \(d.ladder.stages[d.current.stage + 1].name.lowercased())"),
                        ],
                    selected: fields["resolved"] ?? "", errors: errors)
                Components.button("Record the outcome")
            }
        }
    }
}

/// The partnership's figures: how far disagreements went, between whom, and about what.
struct DisagreementFiguresView {
    var figures: DisagreementFigures

    func render(on req: Request) -> Response {
        req.page("Professional disagreements: figures", section: .disagreements) { body }
    }

    var body: Node {
        fragment {
            Components.backLink(.disagreements, "Disagreements")
            el("h1", .class("sg-heading-l")) { "Professional disagreements: figures" }
            el("p", .class("sg-body")) {
                "\(figures.total) disagreement\(figures.total == 1 ? "" : "s") recorded. No case details are shown here."
            }
            table("By the highest stage reached", "Stage", figures.byStage)
            table("Between which agencies", "Agencies", figures.byAgencyPair)
            table("What they were about", "Theme", figures.byTheme)
            el("p", .class("sg-body")) {
                el("a", .href(.disagreementFiguresCSV), .class("sg-link"), Attr("download", nil)) {
                    "Download the figures (CSV)"
                }
            }
        }
    }

    private func table(_ caption: String, _ first: String, _ rows: [DisagreementFigures.Count]) -> Node {
        Components.table(
            caption: caption, headers: [first, "Disagreements", "Resolved"],
            rows: rows.map { [.text($0.label), .text(String($0.total)), .text(String($0.resolved))] })
    }
}
