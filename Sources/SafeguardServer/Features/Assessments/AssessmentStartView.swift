import SafeguardCore
import Vapor

/// "Start an assessment": which tool, and whether it follows a referral.
struct AssessmentStartView {
    var person: Person
    var tools: [AssessmentToolRecord]
    var referrals: [Referral]
    var fields: [String: String]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) throws -> Response {
        let id = try person.requireID()
        return req.page("Start an assessment", section: .people, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.person(id), "Back to \(person.fullName)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { person.fullName }
                "Start an assessment"
            }
            if tools.isEmpty {
                el("p", .class("sg-body")) {
                    "No assessment tool fits \(person.firstName). Ask a partnership administrator to add one."
                }
            } else {
                el("form", .postMethod, .action(.personAssessments(id)), Attr("novalidate", nil)) {
                    Components.csrfField(req.csrfToken)
                    Components.radios(
                        "tool", legend: "Which tool?",
                        options: tools.map { ($0.id!.uuidString, "\($0.title) (version \($0.version))") },
                        selected: fields["tool"] ?? "", errors: errors)
                    if !referrals.isEmpty {
                        Components.select(
                            "referral", label: "Does it follow a referral? (optional)",
                            options: [("", "No, it stands on its own")]
                                + referrals.map { r in
                                    (
                                        r.id!.uuidString,
                                        r.reference
                                            + (r.submittedAt.map { ", received " + SiteFormat.dateTime($0) } ?? "")
                                    )
                                },
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
