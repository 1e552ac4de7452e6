import SafeguardCore
import Vapor

/// "Record a check on Dean Walker": what was done and when. Nothing is chosen for the user.
struct MaleCarerCheckView {
    var child: String, childID: UUID, man: String, manID: UUID
    /// What was typed, as sent: plain optional strings, shown back when the form is refused.
    var form: PeopleController.MaleCarerCheckForm
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Record a check on \(man)", section: .people, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.person(childID), "Back to \(child)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { "\(man), in \(child)'s life" }
                "Record a check"
            }
            el("form", .postMethod, .action(.personMaleCarer(childID, manID)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.radios(
                    "kind", legend: "What was done?",
                    options: MaleCarerCheck.allCases.map { ($0.rawValue, $0.question) },
                    selected: form.kind ?? "", errors: errors)
                Components.dateInput(
                    "done", legend: "When?", day: form.day ?? "", month: form.month ?? "", year: form.year ?? "",
                    errors: errors, hint: "For example, 27 3 2026")
                Components.textarea(
                    "note", label: "Note (optional)", value: form.note ?? "", errors: errors,
                    hint: "For example: seen at home with the baby; PNC check returned two domestic incidents", rows: 3)
                Components.button("Record the check")
            }
        }
    }
}
