import Fluent
import Vapor
import SafeguardCore

/// A partner system calling the API with a bearer token.
struct APIPrincipal: Sendable {
    let tokenID: UUID
    let agencyID: UUID
    let agencyKind: AgencyKind
    let permissions: Set<String>

    static let read = "people:read"
    static let write = "people:write"
    /// Send referrals to the MASH on behalf of a named member of the token's agency.
    static let referralsWrite = "referrals:write"
    /// Read back the agency's own referrals: reference, status and outcome only.
    static let referralsRead = "referrals:read"
    /// Police forces: send incidents, and fetch the current Place of Interest markers.
    static let incidentsWrite = "incidents:write"
    static let markersRead = "markers:read"
    /// The partnership's learning figures: how often each theme recurs across reviews. Aggregate, for partners' reports.
    static let learningRead = "learning:read"
    /// The agency's own actions from reviews, for its own tracker.
    static let actionsRead = "actions:read"
    static let allPermissions = [read, write, referralsWrite, referralsRead, incidentsWrite, markersRead, learningRead, actionsRead]
    static let permissionLabels = [
        (read, "Read people its agency works with"), (write, "Add people"),
        (referralsWrite, "Send referrals to the MASH"), (referralsRead, "Read its own referrals' outcomes"),
        (incidentsWrite, "Send police incidents (police forces only)"), (markersRead, "Fetch Place of Interest markers (police forces only)"),
        (learningRead, "Read the thematic figures across reviews"),
        (actionsRead, "Read its own actions from reviews"),
    ]

    func event(_ action: AuditAction, _ type: String, _ id: String, on req: Request) -> AuditEvent {
        AuditEvent(userID: "api-token:\(tokenID.uuidString)", agencyID: agencyID.uuidString, action: action, recordType: type,
                   recordID: id, sourceAddress: req.sourceAddress)
    }
}

/// Checks `Authorization: Bearer …` against stored token hashes.
struct APITokenMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let bearer = req.headers.bearerAuthorization?.token, !bearer.isEmpty else {
            throw Problem(status: .unauthorized, title: "Unauthorised", detail: "Send an API token as 'Authorization: Bearer <token>'. Your partnership administrator issues tokens.")
        }
        let hash = SessionToken.hash(bearer)
        guard let token = try await APIToken.query(on: req.db).filter(\.$tokenHash == hash).with(\.$agency).first(),
              token.revokedAt == nil, token.agency.active else {
            throw Problem(status: .unauthorized, title: "Unauthorised", detail: "The API token is not recognised or has been revoked.")
        }
        req.apiPrincipal = APIPrincipal(tokenID: try token.requireID(), agencyID: try token.agency.requireID(),
                                        agencyKind: token.agency.agencyKind, permissions: token.permissionSet)
        return try await next.respond(to: req)
    }
}

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = APIPrincipal }

    var apiPrincipal: APIPrincipal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    func requirePrincipal(_ permission: String) throws -> APIPrincipal {
        guard let p = apiPrincipal else { throw Problem(status: .unauthorized, title: "Unauthorised", detail: "No API token.") }
        guard p.permissions.contains(permission) else {
            throw Problem(status: .forbidden, title: "Forbidden", detail: "This token does not have the '\(permission)' permission.")
        }
        return p
    }
}
