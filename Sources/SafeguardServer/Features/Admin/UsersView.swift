import Fluent
import SafeguardCore
import Vapor

/// Users: the list, and the form to add one.
enum UsersView {
    static func load(
        on req: Request, form: AdminController.UserForm, errors: FormErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        let users = try await User.query(on: req.db).with(\.$agency).sort(\.$displayName).all()
        let agencies = try await Agency.query(on: req.db).sort(\.$name).all()
        let teams = try await Team.query(on: req.db).with(\.$agency).sort(\.$name).all()
        return req.page("Users", section: .admin, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.admin)
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Users" }
            Components.table(
                caption: "\(users.count) users", headers: ["Name", "Email", "Role", "Agency", "Status"],
                rows: users.map { u in
                    [
                        el("a", .href(.adminUser(u.id!)), .class("sg-link")) { u.displayName }, .text(u.email),
                        .text(u.userRole?.displayName ?? u.role), .text(u.agency.name),
                        u.active
                            ? Components.tag("Active", colour: "green") : Components.tag("Disabled", colour: "grey"),
                    ]
                })
            el("h2", .class("sg-heading-m")) { "Add a user" }
            el("form", .postMethod, .action(.adminUsers), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
                fields(form: form, errors: errors, agencies: agencies, teams: teams, includeEmail: true)
                Components.textInput(
                    "password", label: "Temporary password", value: "", errors: errors,
                    hint:
                        "At least 12 characters. Three random words work well. Give it to the user in person or by phone.",
                    type: "password", autocomplete: "new-password")
                Components.button("Add user")
            }
        }
    }

    static func fields(
        form: AdminController.UserForm, errors: FormErrors, agencies: [Agency], teams: [Team], includeEmail: Bool
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
                options: [("", "Select agency")] + agencies.map { ($0.id!.uuidString, $0.name) },
                selected: form.agency ?? "", errors: errors)
            Components.select(
                "team", label: "Team (optional)",
                options: [("", "No team")] + teams.map { ($0.id!.uuidString, "\($0.name) – \($0.agency.name)") },
                selected: form.team ?? "", errors: errors, hint: "The team must belong to the user's agency")
        }
    }
}

/// One user: change role, agency, name, status or password; unlock after failed sign-ins.
enum UserView {
    static func load(
        _ u: User, form: AdminController.UserForm, errors: FormErrors, on req: Request, status: HTTPStatus = .ok
    ) async throws -> Response {
        let agencies = try await Agency.query(on: req.db).sort(\.$name).all()
        let teams = try await Team.query(on: req.db).with(\.$agency).sort(\.$name).all()
        let throttle = try await SignInThrottle.query(on: req.db).filter(\.$emailKey == SessionToken.hash(u.email))
            .first()
        let locked = SignInPolicy.isLocked(throttle?.lockedUntil, now: req.now)
        let unlocked = (try? req.query.get(String.self, at: "unlocked")) == "1"
        return req.page(u.displayName, section: .admin, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.adminUsers, "Back to users")
            Components.errorSummary(errors)
            if unlocked { Components.notification("Account unlocked: \(u.displayName) can sign in again.") }
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { u.email }
                u.displayName
            }
            if locked {
                el("form", .postMethod, .action(.adminUserUnlock(u.id!))) {
                    Components.csrfField(req.csrfToken)
                    el("p", .class("sg-body")) {
                        Components.tag("Locked", colour: "red")
                        " after repeated failed sign-ins."
                    }
                    Components.button("Unlock account", kind: "secondary")
                }
            }
            el("form", .postMethod, .action(.adminUser(u.id!)), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
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
