import Fluent
import Vapor
import SafeguardCore

/// The partnership administrator's pages: agencies, districts, teams, users and API tokens.
struct AdminController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let admin = routes.grouped("admin")
        admin.get(use: overview)
        admin.get("agencies", use: agencies)
        admin.post("agencies", use: addAgency)
        admin.get("agencies", ":agencyID", use: agency)
        admin.post("agencies", ":agencyID", use: updateAgency)
        admin.get("districts", use: districts)
        admin.post("districts", use: addDistrict)
        admin.get("teams", use: teams)
        admin.post("teams", use: addTeam)
        admin.get("users", use: users)
        admin.post("users", use: addUser)
        admin.get("users", ":userID", use: user)
        admin.post("users", ":userID", use: updateUser)
        admin.post("users", ":userID", "unlock", use: unlockUser)
        admin.get("api-tokens", use: tokens)
        admin.post("api-tokens", use: addToken)
        admin.post("api-tokens", ":tokenID", "revoke", use: revokeToken)
    }

    func overview(req: Request) async throws -> Response {
        try req.require(.manageAgencies)
        let counts = (agencies: try await Agency.query(on: req.db).count(), districts: try await District.query(on: req.db).count(),
                      teams: try await Team.query(on: req.db).count(), users: try await User.query(on: req.db).count(),
                      tokens: try await APIToken.query(on: req.db).filter(\.$revokedAt == nil).count(),
                      tools: try await AssessmentToolRecord.query(on: req.db).count(),
                      keys: try await RegistrationKeyRecord.query(on: req.db).filter(\.$revokedAt == nil).count())
        let email = try await EmailDeliverySummary.load(on: req.db, now: req.now, settings: req.safeguard.settings)
        return AdminOverviewView(counts: [("Agencies", .adminAgencies, counts.agencies), ("Districts", .adminDistricts, counts.districts),
                                          ("Teams", .adminTeams, counts.teams), ("Users", .adminUsers, counts.users),
                                          ("API tokens in use", .adminTokens, counts.tokens),
                                          ("Assessment tools", .adminAssessmentTools, counts.tools),
                                          ("Training registration keys in use", .adminRegistrationKeys, counts.keys)],
                                 email: email).render(on: req)
    }

    /// Administrative changes are audited too: who changed an account or a token matters.
    static func adminEvent(_ viewer: Viewer, _ type: String, _ id: String, _ what: String, on req: Request) -> AuditEvent {
        viewer.event(.administer, type, id, reason: what, on: req)
    }
}
