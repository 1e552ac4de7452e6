import SafeguardCore
import Vapor

/// One user: change role, agency, name, status or password; unlock after failed sign-ins.
struct UserView {
    var id: UUID
    /// The name as stored, for the title and heading; the form shows what was typed.
    var name: String
    var email: String
    /// Too many failed sign-ins: the account waits, or an administrator unlocks it.
    var locked: Bool
    /// Just unlocked by this administrator.
    var unlocked: Bool
    var agencies: [AdminPages.Choice]
    /// Each team with its agency: "MASH – Northmere Police".
    var teams: [AdminPages.Choice]
    /// What was typed; its password is never shown again.
    var form: AdminController.UserForm
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(name, section: .admin, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.adminUsers, "Back to users")
            Components.errorSummary(errors)
            if unlocked { Components.notification("Account unlocked: \(name) can sign in again.") }
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { email }
                name
            }
            if locked {
                el("form", .postMethod, .action(.adminUserUnlock(id))) {
                    Components.csrfField(csrf)
                    el("p", .class("sg-body")) {
                        Components.tag("Locked", colour: "red")
                        " after repeated failed sign-ins."
                    }
                    Components.button("Unlock account", kind: "secondary")
                }
            }
            el("form", .postMethod, .action(.adminUser(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                UsersView.fields(form: form, errors: errors, agencies: agencies, teams: teams, includeEmail: false)
                Components.checkboxes(
                    "review-groups", legend: "Review groups (optional)",
                    options: ReviewGroup.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: Set(form.reviewGroups ?? []), errors: errors,
                    hint:
                        "A case worker in the case review sub-group or a statutory partner's lead can open serious incident notifications and rapid reviews"
                )
                Components.radios(
                    "active", legend: "Can this user sign in?",
                    options: [("yes", "Yes"), ("no", "No, disable the account")],
                    selected: form.active ?? "", errors: errors, inline: true)
                Components.textInput(
                    "password", label: "New password (optional)", value: "", errors: errors,
                    hint: "Leave empty to keep the current password. Setting one signs the user out everywhere.",
                    type: "password", autocomplete: "new-password")
                Components.button("Save changes")
            }
        }
    }
}
