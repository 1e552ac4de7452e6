import Fluent
import SafeguardCore
import Vapor

/// Sign in and sign out. A wrong email and a wrong password get the same answer, in the same
/// time, so the form cannot be used to find out who has an account.
struct SignInController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.signIn, for: .everyone, use: show)
        routes.post(.signIn, for: .everyone, use: signIn)
        routes.post(.signOut, for: .anyoneSignedIn, use: signOut)
        routes.get(.sessionKeepAlive, for: .anyoneSignedIn, use: keepAlive)
    }

    struct Form: Content {
        var email: String?
        var password: String?
        /// A kept form to go to once signed in (see ``KeptFormRules``).
        var kept: String?
    }

    func show(req: Request) async throws -> Response {
        if req.viewer != nil { return req.redirect(to: SiteURL.home.path) }
        let expired = req.sessionTimedOut || (try? req.query.get(String.self, at: "expired")) == "1"
        let signedOut = (try? req.query.get(String.self, at: "signed-out")) == "1"
        let kept = (try? req.query.get(String.self, at: "kept")).flatMap(UUID.init(uuidString:))
        return SignInView(email: "", errors: FormErrors(), expired: expired, signedOut: signedOut, kept: kept).render(
            on: req)
    }

    func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        var errors = FormErrors()
        if email.isEmpty { errors.add("email", "Enter your email address") }
        if password.isEmpty { errors.add("password", "Enter your password") }
        let keptID = form.kept.flatMap(UUID.init(uuidString:))
        guard errors.isEmpty else {
            return SignInView(email: email, errors: errors, kept: keptID).render(on: req, status: .unprocessableEntity)
        }

        let now = req.now
        let key = SessionToken.hash(email)
        let attempt = try await req.audit.plainWrite(on: req.db) { db in
            try await SignInThrottle.countAttempt(key: key, now: now, on: db)
        }
        if case .refuse(let lockNow) = SignInPolicy.verdict(
            attempt: attempt.number, lockedUntil: attempt.lockedUntil, now: now)
        {
            if lockNow {
                try await req.audit.plainWrite(on: req.db) { db in
                    try await SignInThrottle.lock(key: key, until: SignInPolicy.lockedUntil(now: now), on: db)
                }
            }
            errors.add(
                "email",
                "There have been too many failed attempts to sign in with this email address. Wait 15 minutes and try again, or ask your partnership administrator to unlock the account."
            )
            return SignInView(email: email, errors: errors, kept: keptID).render(on: req, status: .tooManyRequests)
        }

        let user = try await User.query(on: req.db).filter(\.$email == email).with(\.$agency).first()
        let matches = try await req.password.async.verify(
            password, created: user?.passwordHash ?? req.safeguard.decoyPasswordHash)
        guard let user, matches, user.active, user.agency.active else {
            let locks = SignInPolicy.locksAfterFailure(attempt: attempt.number)
            try await req.audit.write(on: req.db) { db in
                if locks { try await SignInThrottle.lock(key: key, until: SignInPolicy.lockedUntil(now: now), on: db) }
                let event = AuditEvent(
                    userID: user?.id?.uuidString ?? "unknown", agencyID: user?.$agency.id.uuidString ?? "",
                    action: .signInFailed, recordType: "user", recordID: user?.id?.uuidString ?? "",
                    sourceAddress: req.sourceAddress)
                return ((), [event])
            }
            errors.add("email", "Enter a correct email address and password")
            return SignInView(email: email, errors: errors, kept: keptID).render(on: req, status: .unauthorized)
        }

        let token = SessionToken.random()
        let userID = try user.requireID()
        try await req.audit.write(on: req.db) { db in
            try await SignInThrottle.clear(key: key, on: db)
            // Kept forms hold typed text about people: none outlives its two hours, whoever it was for.
            try await KeptForm.query(on: db).filter(\.$keptAt < now.addingTimeInterval(-KeptFormRules.lifetime))
                .delete()
            user.lastSignedInAt = now
            try await user.save(on: db)
            try await UserSession(tokenHash: SessionToken.hash(token), userID: userID, now: now).create(on: db)
            let event = AuditEvent(
                userID: userID.uuidString, agencyID: user.$agency.id.uuidString, action: .signIn,
                recordType: "user", recordID: userID.uuidString, sourceAddress: req.sourceAddress)
            return ((), [event])
        }
        // Back to what they were sending when the session ended, if it was theirs and is still kept.
        let kept = try await KeptForm.find(keptID, for: userID, now: now, on: req.db)
        return Self.sessionStarted(
            req, token: token, redirectTo: kept.map { SiteURL.keptForm($0.id!).path } ?? SiteURL.home.path)
    }

    /// The redirect that hands the browser its new session cookie. The session row must already be saved.
    static func sessionStarted(_ req: Request, token: String, redirectTo path: String) -> Response {
        req.keepsNewSession = true
        let response = req.redirect(to: path, redirectType: .normal)
        response.cookies[SessionMiddleware.cookieName] = HTTPCookies.Value(
            string: token, path: "/", isSecure: req.safeguard.settings.secureCookies, isHTTPOnly: true,
            sameSite: .strict)
        return response
    }

    /// "Stay signed in" on the warning before the session ends: the session middleware has just
    /// seen this request; this makes sure it is recorded now, not up to a minute ago.
    func keepAlive(req: Request) async throws -> Response {
        guard req.viewer != nil, let token = req.cookies[SessionMiddleware.cookieName]?.string else {
            return Response(status: .unauthorized)
        }
        let hash = SessionToken.hash(token)
        let now = req.now
        try await req.audit.plainWrite(on: req.db) { db in
            try await UserSession.query(on: db).filter(\.$tokenHash == hash).set(\.$lastSeenAt, to: now).update()
        }
        let response = Response(status: .noContent)
        response.headers.replaceOrAdd(
            name: "X-Session-Seconds", value: String(Int(req.safeguard.settings.sessionIdleTimeout)))
        return response
    }

    func signOut(req: Request) async throws -> Response {
        if let token = req.cookies[SessionMiddleware.cookieName]?.string, let viewer = req.viewer {
            let hash = SessionToken.hash(token)
            try await req.audit.write(on: req.db) { db in
                try await UserSession.query(on: db).filter(\.$tokenHash == hash).delete()
                return ((), [viewer.event(.signOut, "user", viewer.userID.uuidString, on: req)])
            }
        }
        req.viewer = nil
        return req.redirect(to: SiteURL.signIn.with(query: [("signed-out", "1")]), redirectType: .normal)
    }
}
