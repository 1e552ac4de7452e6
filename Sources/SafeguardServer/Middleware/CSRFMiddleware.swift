import Vapor

/// Refuses any form post that does not carry the token for this browser. The token is an HMAC
/// of a random cookie (see ``SessionToken/csrf(for:secret:)``); a page on another site can
/// make the browser send the cookie but cannot read it to compute the token.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "sg_csrf"
    static let fieldName = "_csrf"

    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        // Partner systems use bearer tokens, which a browser never sends on its own.
        if req.url.path.hasPrefix("/api/") { return try await next.respond(to: req) }

        let existing = req.cookies[Self.cookieName]?.string
        let cookie = existing ?? SessionToken.random()
        req.csrfToken = SessionToken.csrf(for: cookie, secret: req.safeguard.secret)

        if req.method != .GET && req.method != .HEAD {
            _ = try await req.body.collect(max: Self.bodyLimit(for: req.url.path)).get()
            let sent = (try? req.content.get(String.self, at: Self.fieldName)) ?? ""
            guard existing != nil, SessionToken.constantTimeEqual(sent, req.csrfToken) else {
                throw Abort(.forbidden, reason: "csrf")
            }
        }
        let response = try await next.respond(to: req)
        if existing == nil {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: cookie, path: "/", isSecure: req.safeguard.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    /// The token is in the body, so the body is read here first and this is the real size limit:
    /// 1 MB for forms, 20 MB for the one upload (course materials), whose route checks its own 15 MB.
    static func bodyLimit(for path: String) -> Int {
        path.hasPrefix("/training/courses/") && path.hasSuffix("/materials") ? 20 << 20 : 1 << 20
    }
}

extension Request {
    private struct CSRFKey: StorageKey { typealias Value = String }

    /// The token every form on the page must carry as `_csrf`.
    var csrfToken: String {
        get { storage[CSRFKey.self] ?? "" }
        set { storage[CSRFKey.self] = newValue }
    }
}
