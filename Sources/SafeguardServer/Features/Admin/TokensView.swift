import Fluent
import Vapor

/// API tokens: issued tokens, the form to issue one, and a new token shown once.
enum TokensView {
    static func load(
        on req: Request, name: String, agency: String, permissions: [String], errors: FormErrors, newToken: String?,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let tokens = try await APIToken.query(on: req.db).with(\.$agency).sort(\.$createdAt, .descending).all()
        let agencies = try await Agency.query(on: req.db).sort(\.$name).all()
        return req.page("API tokens", section: .admin, hasErrors: !errors.isEmpty, status: status) {
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
                        .text(t.name), .text(t.prefix + "…"), .text(t.agency.name), .text(t.permissions),
                        t.revokedAt == nil
                            ? Components.tag("Active", colour: "green") : Components.tag("Revoked", colour: "grey"),
                        t.revokedAt == nil
                            ? el("form", .postMethod, .action(.adminTokenRevoke(t.id!))) {
                                Components.csrfField(req.csrfToken)
                                el(
                                    "button", .type("submit"),
                                    .class("sg-button sg-button--warning sg-!-margin-bottom-0")
                                ) {
                                    "Revoke"
                                    el("span", .class("sg-visually-hidden")) { " " + t.name }
                                }
                            } : .empty,
                    ]
                })
            el("h2", .class("sg-heading-m")) { "Issue a token" }
            el("form", .postMethod, .action(.adminTokens), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
                Components.textInput("name", label: "Which system will use it?", value: name, errors: errors)
                Components.select(
                    "agency", label: "Agency",
                    options: [("", "Select agency")] + agencies.map { ($0.id!.uuidString, $0.name) },
                    selected: agency, errors: errors)
                el("div", .class(errors["permissions"] != nil ? "sg-form-group sg-form-group--error" : "sg-form-group"))
                {
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
                Components.button("Issue token")
            }
        }
    }
}
