import Fluent
import SafeguardCore
import Vapor

/// The administration lists: each loads its records here and renders a view of plain values.
extension AdminController {
    func usersPage(
        form: UserForm, errors: FormErrors, on req: Request, status: HTTPStatus = .ok
    ) async throws -> Response {
        let users = try await User.query(on: req.db).with(\.$agency).sort(\.$displayName).all()
        return UsersView(
            users: try users.map { u in
                UsersView.Row(
                    id: try u.requireID(), name: u.displayName, email: u.email,
                    role: u.userRole?.displayName ?? u.role, agency: u.agency.name, active: u.active)
            },
            agencies: try await Self.agencyChoices(on: req), teams: try await Self.teamChoices(on: req), form: form,
            errors: errors
        ).render(on: req, status: status)
    }

    /// `u` as stored heads the page; the form shows what was typed.
    func userPage(
        _ u: User, form: UserForm, errors: FormErrors, on req: Request, status: HTTPStatus = .ok
    ) async throws -> Response {
        let throttle = try await SignInThrottle.query(on: req.db).filter(\.$emailKey == SessionToken.hash(u.email))
            .first()
        return UserView(
            id: try u.requireID(), name: u.displayName, email: u.email,
            locked: SignInPolicy.isLocked(throttle?.lockedUntil, now: req.now),
            unlocked: (try? req.query.get(String.self, at: "unlocked")) == "1",
            agencies: try await Self.agencyChoices(on: req), teams: try await Self.teamChoices(on: req), form: form,
            errors: errors
        ).render(on: req, status: status)
    }

    func agenciesPage(
        name: String, kind: String, errors: FormErrors, on req: Request, status: HTTPStatus = .ok
    ) async throws -> Response {
        let agencies = try await Agency.query(on: req.db).with(\.$district).sort(\.$name).all()
        let districts = try await District.query(on: req.db).sort(\.$name).all()
        return AgenciesView(
            agencies: try agencies.map { a in
                AgenciesView.Row(
                    id: try a.requireID(), name: a.name, kind: a.kind, district: a.district?.name, active: a.active)
            },
            districts: try districts.map { .init(id: try $0.requireID(), label: $0.name) }, name: name, kind: kind,
            errors: errors
        ).render(on: req, status: status)
    }

    func districtsPage(
        name: String, errors: FormErrors, on req: Request, status: HTTPStatus = .ok
    ) async throws -> Response {
        let districts = try await District.query(on: req.db).sort(\.$name).all()
        return DistrictsView(districts: districts.map(\.name), name: name, errors: errors)
            .render(on: req, status: status)
    }

    func teamsPage(
        name: String, agency: String, errors: FormErrors, on req: Request, status: HTTPStatus = .ok
    ) async throws -> Response {
        let teams = try await Team.query(on: req.db).with(\.$agency).sort(\.$name).all()
        return TeamsView(
            teams: teams.map { .init(name: $0.name, agency: $0.agency.name) },
            agencies: try await Self.agencyChoices(on: req), name: name, agency: agency, errors: errors
        ).render(on: req, status: status)
    }

    /// `newToken` is the secret just issued, shown this once.
    func tokensPage(
        name: String, agency: String, permissions: [String], errors: FormErrors, newToken: String?,
        on req: Request, status: HTTPStatus = .ok
    ) async throws -> Response {
        let tokens = try await APIToken.query(on: req.db).with(\.$agency).sort(\.$createdAt, .descending).all()
        return TokensView(
            tokens: try tokens.map { t in
                TokensView.Row(
                    id: try t.requireID(), name: t.name, prefix: t.prefix, agency: t.agency.name,
                    permissions: t.permissions, revoked: t.revokedAt != nil)
            },
            agencies: try await Self.agencyChoices(on: req), name: name, agency: agency, permissions: permissions,
            errors: errors, newToken: newToken
        ).render(on: req, status: status)
    }

    /// Every agency by name, active or not, as the forms have always offered them.
    static func agencyChoices(on req: Request) async throws -> [AdminPages.Choice] {
        try await Agency.query(on: req.db).sort(\.$name).all().map { .init(id: try $0.requireID(), label: $0.name) }
    }

    /// Every team by name, with its agency: two agencies may each have a "MASH".
    static func teamChoices(on req: Request) async throws -> [AdminPages.Choice] {
        try await Team.query(on: req.db).with(\.$agency).sort(\.$name).all().map {
            .init(id: try $0.requireID(), label: "\($0.name) – \($0.agency.name)")
        }
    }
}
