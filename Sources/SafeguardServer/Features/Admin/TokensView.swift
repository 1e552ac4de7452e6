import Vapor

/// API tokens: issued tokens, the form to issue one, and a new token shown once.
struct TokensView {
    /// One issued token: only the start of its secret is kept to show.
    struct Row: Sendable {
        var id: UUID
        var name: String
        /// The secret's first characters, so a partner can tell which token is theirs.
        var prefix: String
        var agency: String
        /// As stored: space-separated.
        var permissions: String
        var revoked: Bool
    }

    var tokens: [Row]
    var agencies: [AdminPages.Choice]
    /// What was typed.
    var name: String, agency: String, permissions: [String]
    var errors: FormErrors
    /// The secret just issued: shown this once, never stored.
    var newToken: String?

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("API tokens", section: .admin, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.admin)
            Components.errorSummary(errors)
            if let newToken {
                el("div", .class("sg-panel sg-panel--confirmation")) {
                    el("h2", .class("sg-panel__title")) { "Token issued" }
                    el("div", .class("sg-panel__body")) { "Copy it now: it will not be shown again." }
                }
                el("p", .class("sg-body")) { el("code", .id("new-token")) { newToken } }
            }
            el("h1", .class("sg-heading-l")) { "API tokens" }
            Components.table(
                caption: "Tokens issued", headers: ["Name", "Starts", "Agency", "Permissions", "Status", ""],
                rows: tokens.map { t in
                    [
                        .text(t.name), .text(t.prefix + "…"), .text(t.agency), .text(t.permissions),
                        t.revoked
                            ? Components.tag("Revoked", colour: "grey") : Components.tag("Active", colour: "green"),
                        t.revoked ? .empty : revokeForm(t, csrf: csrf),
                    ]
                })
            el("h2", .class("sg-heading-m")) { "Issue a token" }
            el("form", .postMethod, .action(.adminTokens), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.textInput("name", label: "Which system will use it?", value: name, errors: errors)
                Components.select(
                    "agency", label: "Agency",
                    options: [("", "Select agency")] + agencies.map { ($0.id.uuidString, $0.label) },
                    selected: agency, errors: errors)
                permissionChoices
                Components.button("Issue token")
            }
        }
    }

    private func revokeForm(_ t: Row, csrf: String) -> Node {
        el("form", .postMethod, .action(.adminTokenRevoke(t.id))) {
            Components.csrfField(csrf)
            el("button", .type("submit"), .class("sg-button sg-button--warning sg-!-margin-bottom-0")) {
                "Revoke"
                el("span", .class("sg-visually-hidden")) { " " + t.name }
            }
        }
    }

    private var permissionChoices: Node {
        el("div", .class(errors["permissions"] != nil ? "sg-form-group sg-form-group--error" : "sg-form-group")) {
            el("fieldset", .class("sg-fieldset")) {
                el("legend", .class("sg-fieldset__legend sg-fieldset__legend--s")) { "Permissions" }
                if let e = errors["permissions"] { Components.errorMessage("permissions", e) }
                el("div", .class("sg-checkboxes")) {
                    for (i, (value, label)) in APIPrincipal.permissionLabels.enumerated() {
                        el("div", .class("sg-checkboxes__item")) {
                            void(
                                "input",
                                attrs: [
                                    .class("sg-checkboxes__input"),
                                    .id(i == 0 ? "permissions" : "permissions-\(i + 1)"),
                                    .name("permissions[]"),
                                    .type("checkbox"), .value(value),
                                ] + (permissions.contains(value) ? [.flag("checked")] : []))
                            el(
                                "label", .class("sg-label sg-checkboxes__label"),
                                .for(i == 0 ? "permissions" : "permissions-\(i + 1)")
                            ) { label }
                        }
                    }
                }
            }
        }
    }
}
