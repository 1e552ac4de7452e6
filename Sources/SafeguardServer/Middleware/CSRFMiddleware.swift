import SafeguardCore
import Vapor

/// Refuses any form post that does not carry the token for this browser. The token is an HMAC
/// of a random cookie (see ``SessionToken/csrf(for:secret:)``); a page on another site can
/// make the browser send the cookie but cannot read it to compute the token.
///
/// It runs on the site's routes only (see `routes.swift`), so a post to a path that does not
/// exist is answered 404 without its body being read. A post without the cookie is refused
/// before its body is read; with it, the body is read up to the route's limit and the token
/// found in one pass, never by the general form parser.
package struct CSRFMiddleware: AsyncMiddleware {
    package static let cookieName = "sg_csrf"
    package static let fieldName = "_csrf"

    package func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let existing = req.cookies[Self.cookieName]?.string
        let cookie = existing ?? SessionToken.random()
        req.csrfToken = SessionToken.csrf(for: cookie, secret: req.safeguard.secret)
        try FormInput.checkQuery(req.url)

        if req.method != .GET && req.method != .HEAD {
            guard existing != nil else { throw Abort(.forbidden, reason: "csrf") }
            let limit = req.route?.bodyLimit ?? FormInput.defaultBodyLimit
            let body = try await req.body.collect(max: limit).get()
            let sent = try Self.sentToken(req, body: body.map { Array($0.readableBytesView) } ?? [])
            guard SessionToken.constantTimeEqual(sent ?? "", req.csrfToken) else {
                throw Abort(.forbidden, reason: "csrf")
            }
        }
        let response = try await next.respond(to: req)
        if existing == nil {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: cookie, path: "/", isSecure: req.safeguard.settings.secureCookies, isHTTPOnly: true,
                sameSite: .lax)
        }
        return response
    }

    /// The token from a form body, found without parsing it. Only the routes allowed a large body
    /// take multipart uploads; their token is read by the multipart parser.
    package static func sentToken(_ req: Request, body: [UInt8]) throws -> String? {
        if req.content.contentType == .formData {
            return try? req.content.get(String.self, at: fieldName)
        }
        try FormInput.checkFieldCount(body)
        return FormEncodedText.value(of: fieldName, in: body)
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
