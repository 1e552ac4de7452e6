import Fluent
import SafeguardCore
import Vapor

/// The partnership administrator's pages: agencies, districts, teams, users and API tokens.
struct AdminController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.admin, use: overview)
        routes.get(.adminAgencies, use: agencies)
        routes.post(.adminAgencies, use: addAgency)
        routes.get(.adminAgency(.param("agencyID")), use: agency)
        routes.post(.adminAgency(.param("agencyID")), use: updateAgency)
        routes.get(.adminDistricts, use: districts)
        routes.post(.adminDistricts, use: addDistrict)
        routes.get(.adminTeams, use: teams)
        routes.post(.adminTeams, use: addTeam)
        routes.get(.adminUsers, use: users)
        routes.post(.adminUsers, use: addUser)
        routes.get(.adminUser(.param("userID")), use: user)
        routes.post(.adminUser(.param("userID")), use: updateUser)
        routes.post(.adminUserUnlock(.param("userID")), use: unlockUser)
        routes.get(.adminTokens, use: tokens)
        routes.post(.adminTokens, use: addToken)
        routes.post(.adminTokenRevoke(.param("tokenID")), use: revokeToken)
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
