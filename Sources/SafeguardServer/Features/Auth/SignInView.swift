import Vapor

/// The sign-in page.
struct SignInView {
    var email: String
    var errors: FormErrors
    var expired = false
    var signedOut = false
    /// A form sent after the session ended, kept to send again once signed in.
    var kept: UUID? = nil

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Sign in", hasErrors: !errors.isEmpty, status: status) {
            el("div", .class("sg-grid-row")) {
                el("div", .class("sg-grid-column-two-thirds")) {
                    Components.errorSummary(errors)
                    if expired {
                        Components.notification(
                            "You were signed out because you had not done anything for \(Int(req.safeguard.settings.sessionIdleTimeout / 60)) minutes. "
                                + (kept != nil
                                    ? "What you were sending has been kept: sign in again to check it and send it."
                                    : "Sign in again to continue."),
                            success: false)
                    }
                    if signedOut { Components.notification("You have signed out.") }
                    el("h1", .class("sg-heading-l")) { "Sign in to Safeguard" }
                    el("p", .class("sg-body")) {
                        "Use the email address and password your partnership administrator set up for you."
                    }
                    el("form", .postMethod, .action(.signIn), Attr("novalidate", nil)) {
                        Components.csrfField(req.csrfToken)
                        if let kept { void("input", .type("hidden"), .name("kept"), .value(kept.uuidString)) }
                        Components.textInput(
                            "email", label: "Email address", value: email, errors: errors, type: "email",
                            autocomplete: "username")
                        Components.textInput(
                            "password", label: "Password", value: "", errors: errors, type: "password",
                            autocomplete: "current-password")
                        Components.button("Sign in")
                    }
                    el("h2", .class("sg-heading-m")) { "Booking training?" }
                    el("p", .class("sg-body")) {
                        "If you work for a partner agency and want to book multi-agency safeguarding training, "
                        el("a", .href(.register), .class("sg-link")) { "create a training account" }
                        " with your organisation's registration key."
                    }
                }
            }
        }
    }
}
