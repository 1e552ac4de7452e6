import Fluent
import SafeguardCore
import Vapor

extension AdminController {
    struct UserForm: Content {
        var email: String?
        var displayName: String?
        var role: String?
        var agency: String?
        var team: String?
        var password: String?
        var active: String?
        var reviewGroups: [String]?

        enum CodingKeys: String, CodingKey {
            case email
            case displayName = "display-name"
            case role, agency, team, password, active
            case reviewGroups = "review-groups"
        }
    }

    func users(req: Request) async throws -> Response {
        try req.require(.manageUsers)
        return try await usersPage(form: UserForm(), errors: FormErrors(), on: req)
    }

    func addUser(req: Request) async throws -> Response {
        let viewer = try req.require(.manageUsers)
        let form = try req.content.decode(UserForm.self)
        var errors = FormErrors()
        let email = (form.email ?? "").trimmed.lowercased()
        let name = (form.displayName ?? "").trimmed
        if email.isEmpty || !email.contains("@") || email.hasPrefix("@") || email.hasSuffix("@") || email.count > 254 {
            errors.add("email", "Enter an email address in the correct format, like name@example.org")
        } else if try await User.query(on: req.db).filter(\.$email == email).count() > 0 {
            errors.add("email", "A user with this email address already exists")
        }
        if name.isEmpty {
            errors.add("display-name", "Enter the user's full name")
        } else if name.count > 200 {
            errors.add("display-name", "Name must be 200 characters or fewer")
        }
        let (role, agency, team) = try await checkRoleAgencyTeam(form, errors: &errors, on: req)
        let password = form.password ?? ""
        do { try req.safeguard.passwordPolicy.check(password, email: email) } catch {
            errors.add("password", error.message)
        }
        guard let role, let agency, errors.isEmpty else {
            return try await usersPage(form: form, errors: errors, on: req, status: .unprocessableEntity)
        }
        let hash = try await req.password.async.hash(password)
        try await req.audit.write(on: req.db) { db in
            let u = User(
                email: email, displayName: name, role: role, agencyID: agency.id!, teamID: team?.id, passwordHash: hash)
            try await u.create(on: db)
            return ((), [Self.adminEvent(viewer, "user", u.id!.uuidString, "user added as \(role.rawValue)", on: req)])
        }
        return req.redirect(to: SiteURL.adminUsers.path, redirectType: .normal)
    }

    func user(req: Request) async throws -> Response {
        try req.require(.manageUsers)
        guard let id = req.parameters.get("userID", as: UUID.self), let u = try await User.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        var form = UserForm()
        form.email = u.email
        form.displayName = u.displayName
        form.role = u.role
        form.agency = u.$agency.id.uuidString
        form.team = u.$team.id?.uuidString
        form.active = u.active ? "yes" : "no"
        form.reviewGroups = ReviewGroup.allCases.filter(u.memberships.contains).map(\.rawValue)
        return try await userPage(u, form: form, errors: FormErrors(), on: req)
    }

    func updateUser(req: Request) async throws -> Response {
        let viewer = try req.require(.manageUsers)
        guard let id = req.parameters.get("userID", as: UUID.self), let u = try await User.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        let form = try req.content.decode(UserForm.self)
        var errors = FormErrors()
        let name = (form.displayName ?? "").trimmed
        if name.isEmpty { errors.add("display-name", "Enter the user's full name") }
        let (role, agency, team) = try await checkRoleAgencyTeam(form, errors: &errors, on: req)
        let password = form.password ?? ""
        if !password.isEmpty {
            do { try req.safeguard.passwordPolicy.check(password, email: u.email) } catch {
                errors.add("password", error.message)
            }
        }
        if id == viewer.userID && (form.active != "yes" || role != viewer.role) {
            errors.add("role", "You cannot change your own role or disable your own account: ask another administrator")
        }
        guard let role, let agency, errors.isEmpty else {
            return try await userPage(u, form: form, errors: errors, on: req, status: .unprocessableEntity)
        }
        let hash = password.isEmpty ? nil : try await req.password.async.hash(password)
        try await req.audit.write(on: req.db) { db in
            // Two administrators disabling each other at the same moment must not leave the partnership with neither:
            // both accounts are held (in one order, so neither waits for the other), and the later of the two finds
            // that its own administrator was disabled meanwhile.
            for held in Set([id, viewer.userID]).sorted(by: { $0.uuidString < $1.uuidString }) {
                let now = try await db.lockedForWrite(User.self, held)
                if held == viewer.userID, !now.active || now.role != viewer.role.rawValue {
                    throw Self.actingAccountChanged
                }
            }
            u.displayName = name
            u.role = role.rawValue
            u.$agency.id = agency.id!
            u.$team.id = team?.id
            u.active = form.active == "yes"
            u.reviewGroups = ReviewGroup.text(Set((form.reviewGroups ?? []).compactMap(ReviewGroup.init(rawValue:))))
            if let hash { u.passwordHash = hash }
            try await u.update(on: db)
            if !u.active || hash != nil {
                // A disabled account or a reset password must not leave old sessions signed in.
                try await UserSession.query(on: db).filter(\.$user.$id == id).delete()
            }
            return ((), [Self.adminEvent(viewer, "user", id.uuidString, "user changed", on: req)])
        }
        return req.redirect(to: SiteURL.adminUsers.path, redirectType: .normal)
    }

    static var actingAccountChanged: Abort {
        Abort(
            .conflict,
            reason:
                "Your own account was changed or disabled a moment ago by another administrator, so this change was not saved."
        )
    }

    func unlockUser(req: Request) async throws -> Response {
        let viewer = try req.require(.manageUsers)
        guard let id = req.parameters.get("userID", as: UUID.self), let u = try await User.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        let key = SessionToken.hash(u.email)
        try await req.audit.write(on: req.db) { db in
            try await SignInThrottle.query(on: db).filter(\.$emailKey == key).delete()
            return ((), [Self.adminEvent(viewer, "user", id.uuidString, "account unlocked", on: req)])
        }
        return req.redirect(to: SiteURL.adminUser(id).with(query: [("unlocked", "1")]), redirectType: .normal)
    }

    /// The role must exist, the agency must exist, the role must fit the agency's kind, and a
    /// team, if chosen, must belong to that agency.
    private func checkRoleAgencyTeam(
        _ form: UserForm, errors: inout FormErrors, on req: Request
    ) async throws -> (Role?, Agency?, Team?) {
        let role = Role(rawValue: form.role ?? "")
        if role == nil { errors.add("role", "Select the user's role") }
        let agency = try await UUID(uuidString: form.agency ?? "").asyncFlatMap {
            try await Agency.find($0, on: req.db)
        }
        if agency == nil { errors.add("agency", "Select the user's agency") }
        if let role, let agency, !role.isPermitted(in: agency.kind) {
            errors.add(
                "role",
                "A \(role.displayName.lowercased()) cannot belong to \(agency.kind.displayName.lowercased()): choose another role or agency"
            )
        }
        var team: Team?
        if let t = UUID(uuidString: form.team ?? "") {
            team = try await Team.find(t, on: req.db)
            if team == nil || team?.$agency.id != agency?.id {
                errors.add("team", "Select a team in the user's agency, or no team")
            }
        }
        return (role, agency, team)
    }
}
