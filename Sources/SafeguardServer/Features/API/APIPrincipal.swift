import Fluent
import SQLKit
import SafeguardCore
import Vapor

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
    static let allPermissions = [
        read, write, referralsWrite, referralsRead, incidentsWrite, markersRead, learningRead, actionsRead,
    ]
    static let permissionLabels = [
        (read, "Read people its agency works with"), (write, "Add people"),
        (referralsWrite, "Send referrals to the MASH"), (referralsRead, "Read its own referrals' outcomes"),
        (incidentsWrite, "Send police incidents (police forces only)"),
        (markersRead, "Fetch Place of Interest markers (police forces only)"),
        (learningRead, "Read the thematic figures across reviews"),
        (actionsRead, "Read its own actions from reviews"),
    ]

    /// The token's principal in one query (every API call starts here); nil when unknown, revoked, or its agency
    /// switched off.
    static func find(tokenHash: String, on db: Database) async throws -> APIPrincipal? {
        let query: SQLQueryString = """
            SELECT t.id AS token_id, t.permissions, a.id AS agency_id, a.kind AS agency_kind
            FROM \(ident: APIToken.schema) t JOIN \(ident: Agency.schema) a ON a.id = t.agency_id
            WHERE t.token_hash = \(bind: tokenHash) AND t.revoked_at IS NULL AND a.active = \(bind: true)
            """
        guard let row = try await db.preparedRow(query) else { return nil }
        return APIPrincipal(
            tokenID: try row.decode(column: "token_id", as: UUID.self),
            agencyID: try row.decode(column: "agency_id", as: UUID.self),
            agencyKind: try row.decode(column: "agency_kind", as: AgencyKind.self),
            permissions: APIToken.permissionSet(try row.decode(column: "permissions", as: String.self)))
    }

    func event(_ action: AuditAction, _ type: String, _ id: String, on req: Request) -> AuditEvent {
        AuditEvent(
            userID: "api-token:\(tokenID.uuidString)", agencyID: agencyID.uuidString, action: action, recordType: type,
            recordID: id, sourceAddress: req.sourceAddress)
    }
}

/// Checks `Authorization: Bearer …` against stored token hashes.
struct APITokenMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let bearer = req.headers.bearerAuthorization?.token, !bearer.isEmpty else {
            throw Problem(
                status: .unauthorized, title: "Unauthorised",
                detail:
                    "Send an API token as 'Authorization: Bearer <token>'. Your partnership administrator issues tokens."
            )
        }
        guard let principal = try await APIPrincipal.find(tokenHash: SessionToken.hash(bearer), on: req.db) else {
            throw Problem(
                status: .unauthorized, title: "Unauthorised",
                detail: "The API token is not recognised or has been revoked.")
        }
        req.apiPrincipal = principal
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
        guard let p = apiPrincipal else {
            throw Problem(status: .unauthorized, title: "Unauthorised", detail: "No API token.")
        }
        guard p.permissions.contains(permission) else {
            throw Problem(
                status: .forbidden, title: "Forbidden",
                detail: "This token does not have the '\(permission)' permission.")
        }
        return p
    }
}
