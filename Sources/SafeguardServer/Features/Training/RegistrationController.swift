import Fluent
import SafeguardCore
import Vapor

/// Creating a training account with an organisation's registration key. The key decides the agency;
/// the account gets the training-only role, so a leaked key never opens a case record.
struct RegistrationController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.register, for: .everyone, use: show)
        routes.post(.register, for: .everyone, use: register)
    }

    func show(req: Request) async throws -> Response {
        if req.viewer != nil { return req.redirect(to: SiteURL.training.path) }
        return RegistrationView(fields: [:], errors: FormErrors()).render(on: req)
    }

    func register(req: Request) async throws -> Response {
        if req.viewer != nil { return req.redirect(to: SiteURL.training.path) }
        var fields = try FormBody.fields(req)
        let password = fields["password"] ?? ""
        let confirm = fields["confirm-password"] ?? ""
        fields["password"] = nil
        fields["confirm-password"] = nil
        let name = fields["name"] ?? ""
        let email = (fields["email"] ?? "").lowercased()
        let typedKey = fields["key"] ?? ""
        var errors = FormErrors()
        // Every try is counted per network address before anything is checked, in one atomic
        // statement, so parallel posts cannot get round the limit; a success clears the count.
        let throttleKey = SessionToken.hash("register " + req.sourceAddress)
        let now = req.now
        let attempt = try await req.audit.plainWrite(on: req.db) { db in
            try await SignInThrottle.countAttempt(key: throttleKey, now: now, on: db)
        }
        let maximum = SignInPolicy.maximumRegistrationTries
        if case .refuse(let lockNow) = SignInPolicy.verdict(
            attempt: attempt.number, lockedUntil: attempt.lockedUntil, now: now, maximum: maximum)
        {
            if lockNow { try await lock(throttleKey, now: now, on: req) }
            errors.add(
                "key",
                "Too many attempts to create an account have been made from your network. Wait 15 minutes and try again"
            )
            return RegistrationView(fields: fields, errors: errors).render(on: req, status: .tooManyRequests)
        }
        let key = try await lookUp(typedKey, on: req.db, errors: &errors)
        if name.count < 2 || !TypedText.hasVisibleCharacter(name) {
            errors.add("name", "Enter your full name, as it should appear on your certificates")
        }
        if !Self.looksLikeEmail(email) {
            errors.add("email", "Enter your work email address, like name@example.org.uk")
        }
        if password.isEmpty {
            errors.add("password", "Enter a password")
        } else {
            do { try req.safeguard.passwordPolicy.check(password, email: email) } catch {
                errors.add("password", error.message)
            }
            if password != confirm {
                errors.add("confirm-password", "The passwords do not match: type the same password in both boxes")
            }
        }
        // Whether an address has an account is said only to someone holding a live key whose
        // form is otherwise right, and every such try counts: without a key, an address with an
        // account and one without get the same answer.
        if errors.isEmpty, key != nil, try await User.query(on: req.db).filter(\.$email == email).count() > 0 {
            errors.add("email", Self.emailTaken)
        }
        guard errors.isEmpty, let key else {
            if SignInPolicy.locksAfterFailure(attempt: attempt.number, maximum: maximum) {
                try await lock(throttleKey, now: now, on: req)
            }
            return RegistrationView(fields: fields, errors: errors).render(on: req, status: .unprocessableEntity)
        }
        let hash = try await req.password.async.hash(password)
        let token = SessionToken.random()
        let source = req.sourceAddress
        let user = User(email: email, displayName: name, role: .learner, agencyID: key.$agency.id, passwordHash: hash)
        user.registrationKeyID = key.id
        do {
            try await req.audit.write(on: req.db) { db in
                try await SignInThrottle.clear(key: throttleKey, on: db)
                try await user.create(on: db)
                let userID = try user.requireID()
                try await UserSession(tokenHash: SessionToken.hash(token), userID: userID, now: now).create(on: db)
                let created = AuditEvent(
                    userID: userID.uuidString, agencyID: key.$agency.id.uuidString, action: .create, recordType: "user",
                    recordID: userID.uuidString, reason: "registered with key \(key.code)", sourceAddress: source)
                let signedIn = AuditEvent(
                    userID: userID.uuidString, agencyID: key.$agency.id.uuidString, action: .signIn, recordType: "user",
                    recordID: userID.uuidString, sourceAddress: source)
                return ((), [created, signedIn])
            }
        } catch let error as DatabaseError where error.isConstraintFailure {
            // Two posts of the same new address at once: the database's unique index decides.
            errors.add("email", Self.emailTaken)
            return RegistrationView(fields: fields, errors: errors).render(on: req, status: .unprocessableEntity)
        }
        return SignInController.sessionStarted(
            req, token: token, redirectTo: SiteURL.training.with(query: [("done", TrainingFlash.registered.rawValue)]))
    }

    /// The key typed, if it is live. Unknown and revoked keys get different messages: the person
    /// needs to know whether to re-check what they typed or ask for the new key.
    private func lookUp(
        _ typed: String, on db: Database, errors: inout FormErrors
    ) async throws -> RegistrationKeyRecord? {
        let normalised = RegistrationKey.normalised(typed)
        guard !normalised.isEmpty else {
            errors.add("key", "Enter your organisation's registration key, for example NMCS-7K3Q-9PXD")
            return nil
        }
        guard
            let record = try await RegistrationKeyRecord.query(on: db).filter(\.$normalisedCode == normalised).with(
                \.$agency
            ).first(),
            record.key.matches(typed), record.agency.active
        else {
            errors.add(
                "key",
                "This registration key is not recognised. Check it with your safeguarding lead or the partnership's training team"
            )
            return nil
        }
        if record.revokedAt != nil {
            errors.add(
                "key",
                "This registration key is no longer in use. Ask your safeguarding lead for your organisation's current key"
            )
            return nil
        }
        return record
    }

    static let emailTaken =
        "An account already uses this email address. Sign in instead, or ask the partnership's training team to reset your password"

    private func lock(_ key: String, now: Date, on req: Request) async throws {
        try await req.audit.plainWrite(on: req.db) { db in
            try await SignInThrottle.lock(key: key, until: SignInPolicy.lockedUntil(now: now), on: db)
        }
    }

    static func looksLikeEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !s.contains(where: \.isWhitespace)
            && s.count <= 254
    }
}
