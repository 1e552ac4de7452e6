import SafeguardCore
import Vapor

/// A submitted (or someone else's draft) assessment: the rating, the prompts it raised, every
/// answer with its evidence, and the countersignature.
struct AssessmentSummaryView {
    var assessment: Assessment
    var tool: AssessmentTool
    var person: Person
    var mayCountersign: Bool
    var today: SimpleDate
    var errors: FormErrors
    var flash: String?

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        let a = assessment
        return req.page(tool.title, section: .people, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.person(person.id!), "Back to \(person.fullName)")
            Components.errorSummary(errors)
            if let message = flash.flatMap(Self.message) { Components.notification(message) }
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { person.fullName }
                tool.title
            }
            Components.summaryList(rows)
            if let level = a.finalLevel.flatMap(tool.level), let response = level.response {
                el("div", .class("sg-inset-text")) {
                    el("strong") { "\(level.label): " }
                    response
                }
            }
            for prompt in tool.prompts where (a.prompts ?? "").split(separator: " ").contains(Substring(prompt.key)) {
                el("div", .class("sg-warning-text")) {
                    el("span", .class("sg-warning-text__icon"), .aria("hidden", "true")) { "!" }
                    el("strong", .class("sg-warning-text__text")) {
                        el("span", .class("sg-visually-hidden")) { "Warning" }
                        prompt.message
                    }
                }
            }
            answersNode
            if mayCountersign { countersignForm(req) }
        }
    }

    static func message(_ code: String) -> String? {
        switch code {
        case "saved": "Draft saved. You can come back to it from the person's record or My work."
        case "submitted": "Assessment submitted"
        case "countersigned": "Assessment countersigned"
        default: nil
        }
    }

    private var rows: [(String, Node)] {
        let a = assessment
        var rows: [(String, Node)] = [
            ("Status", Components.tag(a.status.displayName, colour: a.status == .draft ? "grey" : "blue"))
        ]
        if let final = a.finalLevel.flatMap(tool.level) {
            rows.append(
                (
                    "Overall level",
                    fragment {
                        Components.tag(final.label, colour: final.colour.rawValue)
                        if let calculated = a.calculatedLevel.flatMap(tool.level), calculated != final,
                            let reason = a.overrideReason
                        {
                            el("p", .class("sg-body-s")) {
                                "Raised by professional judgement from \(calculated.label): \(reason)"
                            }
                        }
                    }
                ))
        }
        if let score = a.score { rows.append(("Score", .text(Self.number(score)))) }
        rows.append(("Tool", .text("\(tool.title), version \(tool.version)")))
        if let day = a.assessed { rows.append(("Date of the assessment", .text(day.longText))) }
        if let by = a.submittedBy, let at = a.submittedAt {
            rows.append(("Submitted by", .text("\(by.displayName), \(a.agency.name), \(SiteFormat.dateTime(at))")))
        } else {
            rows.append(("Started by", .text("\(a.startedBy.displayName), \(a.agency.name)")))
        }
        if let r = a.referral { rows.append(("Following referral", .text(r.reference))) }
        if a.status.isComplete {
            if let by = a.countersignedBy, let at = a.countersignedAt {
                rows.append(
                    (
                        "Countersigned",
                        .text(
                            "\(by.displayName), \(SiteFormat.dateTime(at))"
                                + (a.countersignNote.map { ": \($0)" } ?? ""))
                    ))
            } else {
                rows.append(("Countersigned", .text("Not yet: waiting for a manager")))
            }
        }
        if let due = a.reassessDue {
            rows.append(
                (
                    "Next assessment due",
                    fragment {
                        due.longText
                        if Reassessment(due: due).isOverdue(today: today) {
                            " "
                            Components.tag("Overdue", colour: "red")
                        }
                    }
                ))
        }
        return rows
    }

    private var answersNode: Node {
        let answers = assessment.answers
        return fragment {
            for section in tool.applicableSections(answers) {
                el("h2", .class("sg-heading-m")) { section.title }
                Components.summaryList(
                    section.questions.map { q in
                        (
                            q.text,
                            fragment {
                                el("p", .class("sg-body sg-!-margin-bottom-0")) {
                                    AnswerLabels.text(answers.values[q.key] ?? [], in: q.answer)
                                }
                                if let evidence = answers.evidence[q.key] { el("p", .class("sg-body-s")) { evidence } }
                            }
                        )
                    })
            }
        }
    }

    private func countersignForm(_ req: Request) -> Node {
        fragment {
            el("h2", .class("sg-heading-m")) { "Countersign" }
            el("form", .postMethod, .action(.assessmentCountersign(assessment.id!)), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
                Components.textarea(
                    "countersign-note", label: "Management comment (optional)", value: "", errors: errors, rows: 3)
                Components.button("Countersign")
            }
        }
    }

    static func number(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(format: "%.1f", d)
    }
}
