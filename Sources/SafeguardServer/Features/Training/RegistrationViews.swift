import Foundation
import SafeguardCore
import Vapor

/// "Create a training account" with an organisation's registration key.
struct RegistrationView {
    /// What was typed, so a refused form comes back as it was sent; never the passwords.
    var fields: [String: String]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Create a training account", hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        el("div", .class("sg-grid-row")) {
            el("div", .class("sg-grid-column-two-thirds")) {
                Components.backLink(.signIn, "Back to sign in")
                Components.errorSummary(errors)
                el("h1", .class("sg-heading-l")) { "Create a training account" }
                el("p", .class("sg-body")) {
                    "You need your organisation's registration key. Your safeguarding lead or manager has it; "
                        + "it tells us which organisation you work for."
                }
                el("form", .postMethod, .action(.register), Attr("novalidate", nil)) {
                    Components.csrfField(csrf)
                    Components.textInput(
                        "key", label: "Registration key", value: fields["key"] ?? "", errors: errors,
                        hint: "For example, NMCS-7K3Q-9PXD. Capitals and dashes do not matter.", width: "20",
                        autocomplete: "off")
                    Components.textInput(
                        "name", label: "Full name", value: fields["name"] ?? "", errors: errors,
                        hint: "As it should appear on your certificates", autocomplete: "name")
                    Components.textInput(
                        "email", label: "Work email address", value: fields["email"] ?? "", errors: errors,
                        hint: "Booking confirmations are sent here", type: "email", autocomplete: "email")
                    Components.textInput(
                        "password", label: "Password", value: "", errors: errors,
                        hint: "At least 12 characters. A few unrelated words make a strong password.",
                        type: "password", autocomplete: "new-password")
                    Components.textInput(
                        "confirm-password", label: "Confirm password", value: "", errors: errors, type: "password",
                        autocomplete: "new-password")
                    Components.button("Create account")
                }
            }
        }
    }
}

/// The registration keys, live ones first, with how many accounts each has made; and the form to issue one.
struct RegistrationKeysView {
    struct Key: Sendable {
        var id: UUID
        var agency: String
        var code: String
        /// "3 March 2026".
        var issued: String
        /// When it was revoked, "3 March 2026"; nil while it is in use.
        var revoked: String?
        /// Accounts created with it.
        var accounts: Int
    }
    struct AgencyOption: Sendable {
        var id: UUID
        var name: String
    }

    /// Newest first.
    var keys: [Key]
    /// The active agencies a key may be issued for, by name.
    var agencies: [AgencyOption]
    var errors: FormErrors
    /// The agency chosen, as its id, when the form comes back with an error.
    var selected: String
    /// The success message after issuing or revoking a key.
    var banner: String?

    func render(on req: Request, status: HTTPStatus) -> Response {
        req.page("Training registration keys", section: .admin, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        let live = keys.filter { $0.revoked == nil }
        let revoked = keys.filter { $0.revoked != nil }
        return fragment {
            Components.backLink(.admin, "Back to administration")
            Components.errorSummary(errors)
            if let banner { Components.notification(banner) }
            el("h1", .class("sg-heading-l")) { "Training registration keys" }
            el("p", .class("sg-body")) {
                "Practitioners create a training account with their organisation's key. "
                    + "Accounts made this way can book training and nothing else."
            }
            el("form", .postMethod, .action(.adminRegistrationKeys), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.select(
                    "agency", label: "Issue a key for",
                    options: [("", "Select an agency")] + agencies.map { ($0.id.uuidString, $0.name) },
                    selected: selected, errors: errors,
                    hint: "An agency may hold more than one key, for example one per service")
                Components.button("Issue key")
            }
            Components.table(
                caption: "Keys in use", headers: ["Agency", "Key", "Issued", "Accounts", ""],
                rows: live.map { k in
                    [
                        .text(k.agency), el("code", .class("sg-code")) { k.code },
                        .text(k.issued),
                        .text(String(k.accounts)),
                        el("form", .postMethod, .action(.adminRegistrationKeyRevoke(k.id))) {
                            Components.csrfField(csrf)
                            el("button", .type("submit"), .class("sg-button sg-button--warning sg-button--small")) {
                                "Revoke"
                                el("span", .class("sg-visually-hidden")) { " key \(k.code) for \(k.agency)" }
                            }
                        },
                    ]
                })
            if !revoked.isEmpty {
                Components.table(
                    caption: "Revoked keys", headers: ["Agency", "Key", "Revoked", "Accounts"],
                    rows: revoked.map { k in
                        [.text(k.agency), .text(k.code), .text(k.revoked ?? ""), .text(String(k.accounts))]
                    })
            }
        }
    }
}
