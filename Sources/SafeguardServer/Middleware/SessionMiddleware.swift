import Fluent
import SafeguardCore
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
        if let found = try await SignedInSession.find(tokenHash: hash, on: req.db) {
            if now.timeIntervalSince(found.lastSeenAt) > req.safeguard.settings.sessionIdleTimeout {
                if let session = try await UserSession.find(found.sessionID, on: req.db) {
                    // A form sent too late is kept for its author rather than thrown away.
                    if let kept = try await Self.keep(req, for: session, now: now) { return kept }
                    try await req.audit.plainWrite(on: req.db) { db in try await session.delete(on: db) }
                }
                req.sessionTimedOut = true
            } else if let viewer = found.viewer {
                req.viewer = viewer
                var lastSeen = found.lastSeenAt
                if now.timeIntervalSince(lastSeen) > Self.touchInterval {
                    lastSeen = now
                    try await req.audit.plainWrite(on: req.db) { db in
                        try await UserSession.query(on: db).filter(\.$id == found.sessionID).set(\.$lastSeenAt, to: now)
                            .update()
                    }
                }
                req.sessionEndsAt = lastSeen.addingTimeInterval(req.safeguard.settings.sessionIdleTimeout)
                // "Messages (n)" in the header: read messages stay reachable, unread ones are counted.
                req.unreadMessages = found.unreadMessages
            }
        }
        let response = try await next.respond(to: req)
        if req.viewer == nil && !req.keepsNewSession {
            // An unknown, expired or disabled session: clear the cookie so the browser stops sending it.
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: "", expires: Date(timeIntervalSince1970: 0), path: "/",
                isSecure: req.safeguard.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}

extension SessionMiddleware {
    /// Keeps a form posted after its session ran out (``KeptFormRules``), ends the session and
    /// sends the user to sign in again; nil when there is nothing to keep.
    static func keep(_ req: Request, for session: UserSession, now: Date) async throws -> Response? {
        guard req.method == .POST, req.content.contentType == .urlEncodedForm, KeptFormRules.keeps(path: req.url.path),
            let body = req.body.data, let user = try await User.find(session.$user.id, on: req.db)
        else { return nil }
        let kept = KeptForm(
            userID: session.$user.id, path: req.url.path,
            fields: FormEncodedText.pairs(in: Array(body.readableBytesView)), at: now)
        let id = UUID()
        kept.id = id
        let event = AuditEvent(
            userID: session.$user.id.uuidString, agencyID: user.$agency.id.uuidString, action: .create,
            recordType: "kept-form",
            recordID: id.uuidString, reason: "sent after the session ended, to \(req.url.path)",
            sourceAddress: req.sourceAddress)
        try await req.audit.write(on: req.db) { db in
            try await session.delete(on: db)
            try await KeptForm.query(on: db).filter(\.$user.$id == session.$user.id)
                .filter(\.$keptAt < now.addingTimeInterval(-KeptFormRules.lifetime)).delete()
            try await kept.create(on: db)
            return ((), [event])
        }
        let response = req.redirect(
            to: SiteURL.signIn.with(query: [("expired", "1"), ("kept", id.uuidString)]), redirectType: .normal)
        response.cookies[cookieName] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), path: "/",
            isSecure: req.safeguard.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }
}

extension Request {
    private struct SessionEndsKey: StorageKey { typealias Value = Date }
    private struct UnreadKey: StorageKey { typealias Value = Int }

    /// The signed-in user's unread messages, for the header.
    var unreadMessages: Int {
        get { storage[UnreadKey.self] ?? 0 }
        set { storage[UnreadKey.self] = newValue }
    }

    /// When this signed-in session ends if nothing more happens: for the warning before it does.
    var sessionEndsAt: Date? {
        get { storage[SessionEndsKey.self] }
        set { storage[SessionEndsKey.self] = newValue }
    }

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
