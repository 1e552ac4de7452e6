import SafeguardCore
import Vapor

/// "Start an assessment": which tool, and whether it follows a referral.
struct AssessmentStartView {
    /// A tool or a referral that may be chosen: its id, and how the choice reads.
    struct Choice: Sendable {
        var id: UUID
        /// "Exploitation risk assessment (version 2)", "MASH-2026-000001, received 3 March 2026, 2:15pm".
        var label: String
    }

    var person: PersonHeading
    var tools: [Choice]
    var referrals: [Choice]
    var fields: [String: String]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Start an assessment", section: .people, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.person(person.id), "Back to \(person.name)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { person.name }
                "Start an assessment"
            }
            if tools.isEmpty {
                el("p", .class("sg-body")) {
                    "No assessment tool fits \(person.firstName). Ask a partnership administrator to add one."
                }
            } else {
                el("form", .postMethod, .action(.personAssessments(person.id)), Attr("novalidate", nil)) {
                    Components.csrfField(csrf)
                    Components.radios(
                        "tool", legend: "Which tool?", options: tools.map { ($0.id.uuidString, $0.label) },
                        selected: fields["tool"] ?? "", errors: errors)
                    if !referrals.isEmpty {
                        Components.select(
                            "referral", label: "Does it follow a referral? (optional)",
                            options: [("", "No, it stands on its own")]
                                + referrals.map { ($0.id.uuidString, $0.label) },
                            selected: fields["referral"] ?? "", errors: errors)
                    }
                    Components.button("Start")
                }
                el("p", .class("sg-body")) {
                    "You can save a draft at any point and come back to it from \(person.firstName)'s record or My work."
                }
            }
        }
    }
}
