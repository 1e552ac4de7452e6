import SafeguardCore
import Vapor

/// One agency's settings.
struct AgencyView {
    var id: UUID
    /// The name as stored, for the title and heading; `name` is what the form shows, perhaps as just typed.
    var agencyName: String
    var users: Int
    var districts: [(id: UUID, name: String)]
    var name: String, kind: String, district: String, active: String
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(agencyName, section: .admin, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.adminAgencies, "Back to agencies")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { "Agency" }
                agencyName
            }
            el("p", .class("sg-body")) {
                users == 1 ? "1 user belongs to this agency." : "\(users) users belong to this agency."
            }
            el("form", .postMethod, .action(.adminAgency(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.textInput("name", label: "Name", value: name, errors: errors)
                Components.select(
                    "kind", label: "Kind of agency", options: AgencyKind.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: kind, errors: errors)
                Components.select(
                    "district", label: "District",
                    options: [("", "County-wide")] + districts.map { ($0.id.uuidString, $0.name) },
                    selected: district, errors: errors)
                Components.radios(
                    "active", legend: "Is the agency active?",
                    options: [
                        ("yes", "Yes"), ("no", "No: its users cannot sign in and its API tokens stop working"),
                    ], selected: active, errors: errors)
                Components.button("Save changes")
            }
        }
    }
}
