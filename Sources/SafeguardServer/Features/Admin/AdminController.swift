import Fluent
import SafeguardCore
import Vapor

/// The partnership administrator's pages: agencies, districts, teams, users and API tokens.
struct AdminController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.admin, for: [.manageAgencies], use: overview)
        routes.get(.adminAgencies, for: [.manageAgencies], use: agencies)
        routes.post(.adminAgencies, for: [.manageAgencies], use: addAgency)
        routes.get(.adminAgency(.param("agencyID")), for: [.manageAgencies], use: agency)
        routes.post(.adminAgency(.param("agencyID")), for: [.manageAgencies], use: updateAgency)
        routes.get(.adminDistricts, for: [.manageAgencies], use: districts)
        routes.post(.adminDistricts, for: [.manageAgencies], use: addDistrict)
        routes.get(.adminTeams, for: [.manageAgencies], use: teams)
        routes.post(.adminTeams, for: [.manageAgencies], use: addTeam)
        routes.get(.adminUsers, for: [.manageUsers], use: users)
        routes.post(.adminUsers, for: [.manageUsers], use: addUser)
        routes.get(.adminUser(.param("userID")), for: [.manageUsers], use: user)
        routes.post(.adminUser(.param("userID")), for: [.manageUsers], use: updateUser)
        routes.post(.adminUserUnlock(.param("userID")), for: [.manageUsers], use: unlockUser)
        routes.get(.adminTokens, for: [.manageAPITokens], use: tokens)
        routes.post(.adminTokens, for: [.manageAPITokens], use: addToken)
        routes.post(.adminTokenRevoke(.param("tokenID")), for: [.manageAPITokens], use: revokeToken)
    }

    func overview(req: Request) async throws -> Response {
        try req.require(.manageAgencies)
        let counts = (
            agencies: try await Agency.query(on: req.db).count(),
            districts: try await District.query(on: req.db).count(),
            teams: try await Team.query(on: req.db).count(), users: try await User.query(on: req.db).count(),
            tokens: try await APIToken.query(on: req.db).filter(\.$revokedAt == nil).count(),
            tools: try await AssessmentToolRecord.query(on: req.db).count(),
            keys: try await RegistrationKeyRecord.query(on: req.db).filter(\.$revokedAt == nil).count()
        )
        let email = try await EmailDeliverySummary.load(on: req.db, now: req.now, settings: req.safeguard.settings)
        return AdminOverviewView(
            counts: [
                ("Agencies", .adminAgencies, counts.agencies), ("Districts", .adminDistricts, counts.districts),
                ("Teams", .adminTeams, counts.teams), ("Users", .adminUsers, counts.users),
                ("API tokens in use", .adminTokens, counts.tokens),
                ("Assessment tools", .adminAssessmentTools, counts.tools),
                ("Training registration keys in use", .adminRegistrationKeys, counts.keys),
            ],
            email: email
        ).render(on: req)
    }

    /// Administrative changes are audited too: who changed an account or a token matters.
    static func adminEvent(
        _ viewer: Viewer, _ type: String, _ id: String, _ what: String, on req: Request
    ) -> AuditEvent {
        viewer.event(.administer, type, id, reason: what, on: req)
    }
}
