import SafeguardCore
import Vapor

/// Link a person to a relative or household member.
struct RelationshipFormView {
    var personID: UUID, personName: String, query: String
    /// Each person who may be chosen: their id, and their name with date of birth.
    var candidates: [(UUID, String)]
    var other: String, kind: String, direction: String, errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Add a relationship", section: .people, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.person(personID), "Back to \(personName)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { personName }
                "Add a relationship"
            }
            el("form", .getMethod, .action(.personRelationships(personID))) {
                Components.textInput(
                    "q", label: "Find someone else", value: query, errors: FormErrors(),
                    hint: "People at the same address are listed below. Search to find someone who lives elsewhere.")
                Components.button("Search", kind: "secondary")
            }
            el("form", .postMethod, .action(.personRelationships(personID)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                if candidates.isEmpty {
                    el("p", .class("sg-body"), .id("other")) { "No one found. Search above, or add the person first." }
                } else {
                    Components.radios(
                        "other", legend: "Who are they related to?",
                        options: candidates.map { ($0.0.uuidString, $0.1) },
                        selected: other, errors: errors)
                }
                Components.select(
                    "kind", label: "Relationship",
                    options: [("", "Select relationship")]
                        + RelationshipKind.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: kind, errors: errors)
                Components.radios(
                    "direction", legend: "Which way round?",
                    options: [
                        (
                            "other-is",
                            "The person selected is the relationship to \(personName) (for example, his mother)"
                        ),
                        ("this-is", "\(personName) is the relationship to the person selected"),
                    ], selected: direction, errors: errors)
                Components.button("Add relationship")
            }
        }
    }
}
