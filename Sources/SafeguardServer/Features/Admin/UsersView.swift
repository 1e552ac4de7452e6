import SafeguardCore
import Vapor

/// Users: the list, and the form to add one.
struct UsersView {
    /// One user in the list.
    struct Row: Sendable {
        var id: UUID
        var name: String
        var email: String
        /// The role's name, or the stored text of a role this version does not know.
        var role: String
        var agency: String
        var active: Bool
    }

    var users: [Row]
    var agencies: [AdminPages.Choice]
    /// Each team with its agency: "MASH – Northmere Police".
    var teams: [AdminPages.Choice]
    /// What was typed; its password is never shown again.
    var form: AdminController.UserForm
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Users", section: .admin, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.admin)
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Users" }
            Components.table(
                caption: "\(users.count) users", headers: ["Name", "Email", "Role", "Agency", "Status"],
                rows: users.map { u in
                    [
                        el("a", .href(.adminUser(u.id)), .class("sg-link")) { u.name }, .text(u.email),
                        .text(u.role), .text(u.agency),
                        u.active
                            ? Components.tag("Active", colour: "green") : Components.tag("Disabled", colour: "grey"),
                    ]
                })
            el("h2", .class("sg-heading-m")) { "Add a user" }
            el("form", .postMethod, .action(.adminUsers), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Self.fields(form: form, errors: errors, agencies: agencies, teams: teams, includeEmail: true)
                Components.textInput(
                    "password", label: "Temporary password", value: "", errors: errors,
                    hint:
                        "At least 12 characters. Three random words work well. Give it to the user in person or by phone.",
                    type: "password", autocomplete: "new-password")
                Components.button("Add user")
            }
        }
    }

    /// The fields adding a user and changing one share.
    static func fields(
        form: AdminController.UserForm, errors: FormErrors, agencies: [AdminPages.Choice],
        teams: [AdminPages.Choice], includeEmail: Bool
    ) -> Node {
        fragment {
            if includeEmail {
                Components.textInput(
                    "email", label: "Email address", value: form.email ?? "", errors: errors, type: "email",
                    autocomplete: "off")
            }
            Components.textInput(
                "display-name", label: "Full name", value: form.displayName ?? "", errors: errors, autocomplete: "off")
            Components.select(
                "role", label: "Role",
                options: [("", "Select role")] + Role.allCases.map { ($0.rawValue, $0.displayName) },
                selected: form.role ?? "", errors: errors)
            Components.select(
                "agency", label: "Agency",
                options: [("", "Select agency")] + agencies.map { ($0.id.uuidString, $0.label) },
                selected: form.agency ?? "", errors: errors)
            Components.select(
                "team", label: "Team (optional)",
                options: [("", "No team")] + teams.map { ($0.id.uuidString, $0.label) },
                selected: form.team ?? "", errors: errors, hint: "The team must belong to the user's agency")
        }
    }
}
