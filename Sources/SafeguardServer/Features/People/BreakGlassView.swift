import Vapor

/// Asks for the reason before opening a record the user's agency is not involved with.
struct BreakGlassView {
    var personID: UUID
    var personName: String
    var agencyName: String
    var reason: String
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Break the glass", section: .people, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.people, "Back to search")
            el("div", .class("sg-grid-row")) {
                el("div", .class("sg-grid-column-two-thirds")) {
                    Components.errorSummary(errors)
                    el("h1", .class("sg-heading-l")) { "\(agencyName) is not recorded as working with \(personName)" }
                    el("p", .class("sg-body")) {
                        "You can still open the record if you need to, to protect someone. Your name, your reason "
                        "and the time will be recorded and reviewed by the partnership's audit team."
                    }
                    el("form", .postMethod, .action(.personBreakGlass(personID)), Attr("novalidate", nil)) {
                        Components.csrfField(csrf)
                        Components.textarea(
                            "reason", label: "Why do you need to see this record?", value: reason, errors: errors,
                            hint: "For example: attending an incident at the family's address tonight; "
                                + "child presented at A&E with an injury."
                        )
                        Components.button("Open the record", kind: "warning")
                    }
                }
            }
        }
    }
}
