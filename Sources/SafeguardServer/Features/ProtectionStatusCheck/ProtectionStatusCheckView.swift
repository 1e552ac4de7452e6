import Foundation
import SafeguardCore
import Vapor

/// The look-up form and, after a look-up, the answer: status and contact, nothing more.
struct ProtectionStatusCheckView {
    struct Result: Sendable {
        var name: String
        var dateOfBirth: String
        var statuses: [ProtectionStatusCheckController.Status]
    }

    var fields: [String: String]
    var errors: FormErrors
    var result: Result?

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(
            "Child protection status check", section: .protectionStatusCheck, hasErrors: !errors.isEmpty, status: status
        ) {
            Components.errorSummary(errors)
            if let result {
                el("h1", .class("sg-heading-l")) {
                    el("span", .class("sg-caption-l")) { "Status check" }
                    result.name
                }
                el("p", .class("sg-body")) { "Born \(result.dateOfBirth)." }
                if result.statuses.isEmpty {
                    el("div", .class("sg-inset-text"), .id("no-status")) {
                        "No child protection plan, looked-after status or unborn child protection plan is recorded. "
                        "If you are worried about this child, make a referral to the MASH."
                    }
                } else {
                    el("div", .class("sg-warning-text")) {
                        el("span", .class("sg-warning-text__icon"), .aria("hidden", "true")) { "!" }
                        el("strong", .class("sg-warning-text__text")) {
                            el("span", .class("sg-visually-hidden")) { "Warning" }
                            "Children's social care is involved. Their social worker has been told of this look-up."
                        }
                    }
                    Components.table(
                        caption: "Status", headers: ["Status", "Since", "Contact"],
                        rows: result.statuses.map { s in
                            [
                                .text(s.kind.displayName + (s.about.map { " (for \($0))" } ?? "")), .text(s.since),
                                .text(s.contact),
                            ]
                        })
                }
                el("p", .class("sg-body")) {
                    el("a", .href(.protectionStatusCheck), .class("sg-link")) { "Check another child" }
                }
            } else {
                el("h1", .class("sg-heading-l")) { "Check a child's protection status" }
                el("p", .class("sg-body")) {
                    "For unscheduled care: you will see whether the child is on a child protection plan, looked after, or (for an expectant mother) "
                    "has an unborn child protection plan, and whom to contact. The child's social worker is told that you looked."
                }
                el("form", .postMethod, .action(.protectionStatusCheck), Attr("novalidate", nil)) {
                    Components.csrfField(req.csrfToken)
                    Components.radios(
                        "setting", legend: "Where are you seeing the child?",
                        options: CareSetting.allCases.map { ($0.rawValue, $0.displayName) },
                        selected: fields["setting"] ?? "", errors: errors)
                    Components.textInput(
                        "nhs-number", label: "NHS number", value: fields["nhs-number"] ?? "", errors: errors,
                        width: "10",
                        autocomplete: "off")
                    el("p", .class("sg-body")) { "Or, if the NHS number is not known:" }
                    Components.textInput(
                        "first-name", label: "First name", value: fields["first-name"] ?? "", errors: errors,
                        width: "20", autocomplete: "off")
                    Components.textInput(
                        "last-name", label: "Last name", value: fields["last-name"] ?? "", errors: errors, width: "20",
                        autocomplete: "off")
                    Components.dateInput(
                        "dob", legend: "Date of birth", day: fields["dob-day"] ?? "", month: fields["dob-month"] ?? "",
                        year: fields["dob-year"] ?? "", errors: errors, hint: nil)
                    Components.button("Check status")
                }
            }
        }
    }
}
