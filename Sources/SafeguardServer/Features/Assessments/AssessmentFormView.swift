import SafeguardCore
import Vapor

/// The assessment form: every section of the tool on one page, as practitioners complete these
/// tools in one sitting or across a few, saving a draft between.
struct AssessmentFormView {
    var assessment: AssessmentDetails
    var tool: AssessmentTool
    var person: PersonHeading
    var answers: AssessmentAnswers
    /// The form's own fields: the assessment date and the override.
    var fields: [String: String]
    var errors: FormErrors
    /// "saved" after a draft is saved: said at the top so the practitioner knows it is kept.
    var flash: String? = nil

    static func initialFields(_ a: AssessmentDetails, today: SimpleDate) -> [String: String] {
        let day = a.assessed ?? today
        return [
            "assessed-day": String(day.day), "assessed-month": String(day.month), "assessed-year": String(day.year),
            "override-level": a.overrideLevel ?? "", "override-reason": a.overrideReason ?? "",
        ]
    }

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(tool.title, section: .people, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        let id = assessment.id
        return fragment {
            Components.backLink(.person(person.id), "Back to \(person.name)")
            Components.errorSummary(errors)
            if errors.isEmpty, let message = flash.flatMap(AssessmentSummaryView.message) {
                Components.notification(message)
            }
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { person.name }
                tool.title
            }
            el("p", .class("sg-body")) { tool.summary }
            el("p", .class("sg-body-s")) {
                "Version \(tool.version). Draft started \(assessment.started.at) by \(assessment.started.by)"
                if let r = assessment.referral { ", following referral \(r)" }
                "."
            }
            el("form", .postMethod, .action(.assessment(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.dateInput(
                    "assessed", legend: "Date of the assessment", day: fields["assessed-day"] ?? "",
                    month: fields["assessed-month"] ?? "", year: fields["assessed-year"] ?? "", errors: errors,
                    hint: "The day you carried it out, for example 27 3 2026")
                for section in tool.sections { sectionNode(section) }
                if tool.override == .raiseOnly { overrideNode }
                el("div", .class("sg-button-group")) {
                    el("button", .type("submit"), .name("action"), .value("submit"), .class("sg-button")) {
                        "Submit assessment"
                    }
                    el(
                        "button", .type("submit"), .name("action"), .value("save"),
                        .class("sg-button sg-button--secondary")
                    ) { "Save as draft" }
                }
            }
            el("form", .postMethod, .action(.assessmentDiscard(id))) {
                Components.csrfField(csrf)
                el("button", .type("submit"), .class("sg-button sg-button--warning")) { "Discard this draft" }
            }
        }
    }

    private func sectionNode(_ section: ToolSection) -> Node {
        fragment {
            el("h2", .class("sg-heading-m")) { section.title }
            if let condition = section.showIf, let q = tool.question(condition.question) {
                el("div", .class("sg-inset-text")) {
                    "Answer this section only if the answer to “\(q.text)” is “\(AnswerLabels.label(for: condition.equals, in: q.answer))”. Otherwise it is ignored."
                }
            }
            if let guidance = section.guidance { el("p", .class("sg-body")) { guidance } }
            for q in section.questions {
                AnswerInput(question: q, values: answers.values[q.key] ?? [], errors: errors).node
                if q.evidence != .none {
                    Components.textarea(
                        "evidence.\(q.key)", label: "Evidence and professional judgement: \(q.text.lowercased())",
                        value: answers.evidence[q.key] ?? "", errors: errors,
                        hint: q.evidence == .always
                            ? "Required" : q.evidence == .whenConcern ? "Required when there is a concern" : nil,
                        rows: 3)
                }
            }
        }
    }

    private var overrideNode: Node {
        fragment {
            el("h2", .class("sg-heading-m")) { "Professional judgement" }
            el("p", .class("sg-body")) {
                "The overall level is worked out from your answers. If your judgement is that the risk is higher, choose the level and say why. It can be raised, never lowered."
            }
            Components.select(
                "override-level", label: "Raise the level to (optional)",
                options: [("", "Keep the level the answers give")] + tool.levels.map { ($0.key, $0.label) },
                selected: fields["override-level"] ?? "", errors: errors)
            Components.textarea(
                "override-reason", label: "Why the level should be higher", value: fields["override-reason"] ?? "",
                errors: errors, rows: 3)
        }
    }
}
