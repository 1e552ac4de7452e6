import Fluent
import Vapor

/// Finds the signed-in user from the session cookie, ends sessions idle for longer than the
/// timeout, and loads the ``Viewer`` for the routes.
struct SessionMiddleware: AsyncMiddleware {
    static let cookieName = "sg_session"
    /// Recording every request's time would write on every page; a minute's slack is harmless
    /// against a 30-minute timeout.
    static let touchInterval: TimeInterval = 60

    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let token = req.cookies[Self.cookieName]?.string else { return try await next.respond(to: req) }

        let now = req.now
        let hash = SessionToken.hash(token)
        if let session = try await UserSession.query(on: req.db).filter(\.$tokenHash == hash).first() {
            if now.timeIntervalSince(session.lastSeenAt) > req.safeguard.settings.sessionIdleTimeout {
                try await req.audit.plainWrite(on: req.db) { db in try await session.delete(on: db) }
                req.sessionTimedOut = true
            } else if let user = try await User.query(on: req.db).filter(\.$id == session.$user.id)
                        .filter(\.$active == true).with(\.$agency).first(), let role = user.userRole, user.agency.active {
                req.viewer = Viewer(userID: try user.requireID(), displayName: user.displayName, email: user.email, role: role,
                                    agencyID: try user.agency.requireID(), agencyName: user.agency.name,
                                    agencyKind: user.agency.agencyKind)
                if now.timeIntervalSince(session.lastSeenAt) > Self.touchInterval {
                    session.lastSeenAt = now
                    try await req.audit.plainWrite(on: req.db) { db in try await session.update(on: db) }
                }
            }
        }
        let response = try await next.respond(to: req)
        if req.viewer == nil && !req.keepsNewSession {
            // An unknown, expired or disabled session: clear the cookie so the browser stops sending it.
            response.cookies[Self.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), path: "/",
                                                                 isSecure: req.safeguard.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}

extension Request {
    private struct TimedOutKey: StorageKey { typealias Value = Bool }
    private struct NewSessionKey: StorageKey { typealias Value = Bool }

    /// The session cookie named a session that had been idle too long.
    var sessionTimedOut: Bool {
        get { storage[TimedOutKey.self] ?? false }
        set { storage[TimedOutKey.self] = newValue }
    }

    /// Set by sign-in, whose response carries a fresh cookie the middleware must not clear.
    var keepsNewSession: Bool {
        get { storage[NewSessionKey.self] ?? false }
        set { storage[NewSessionKey.self] = newValue }
    }
}
