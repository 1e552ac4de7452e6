import SafeguardCore
import Vapor

/// A submitted (or someone else's draft) assessment: the rating, the prompts it raised, every
/// answer with its evidence, and the countersignature.
struct AssessmentSummaryView {
    var assessment: AssessmentDetails
    var tool: AssessmentTool
    var person: PersonHeading
    var mayCountersign: Bool
    var today: SimpleDate
    var errors: FormErrors
    var flash: String?

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(tool.title, section: .people, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        let a = assessment
        return fragment {
            Components.backLink(.person(person.id), "Back to \(person.name)")
            Components.errorSummary(errors)
            if let message = flash.flatMap(Self.message) { Components.notification(message) }
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { person.name }
                tool.title
            }
            Components.summaryList(rows)
            if let level = a.finalLevel.flatMap(tool.level), let response = level.response {
                el("div", .class("sg-inset-text")) {
                    el("strong") { "\(level.label): " }
                    response
                }
            }
            for prompt in tool.prompts where a.prompts.contains(prompt.key) {
                el("div", .class("sg-warning-text")) {
                    el("span", .class("sg-warning-text__icon"), .aria("hidden", "true")) { "!" }
                    el("strong", .class("sg-warning-text__text")) {
                        el("span", .class("sg-visually-hidden")) { "Warning" }
                        prompt.message
                    }
                }
            }
            answersNode
            if mayCountersign { countersignForm(csrf) }
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
        if let submitted = a.submitted {
            rows.append(("Submitted by", .text("\(submitted.by), \(a.agency), \(submitted.at)")))
        } else {
            rows.append(("Started by", .text("\(a.started.by), \(a.agency)")))
        }
        if let r = a.referral { rows.append(("Following referral", .text(r))) }
        if a.status.isComplete {
            if let signed = a.countersigned {
                rows.append(
                    (
                        "Countersigned",
                        .text("\(signed.by), \(signed.at)" + (a.countersignNote.map { ": \($0)" } ?? ""))
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

    private func countersignForm(_ csrf: String) -> Node {
        fragment {
            el("h2", .class("sg-heading-m")) { "Countersign" }
            el("form", .postMethod, .action(.assessmentCountersign(assessment.id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
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
