import Fluent
import SQLKit
import SafeguardCore
import Vapor

/// A session cookie's session with its user, their agency and their unread messages, read in one query: every
/// signed-in page starts with this, so it was four queries' worth of each page's time before.
struct SignedInSession: Sendable {
    var sessionID: UUID
    var lastSeenAt: Date
    var userID: UUID
    var userActive: Bool
    var displayName: String
    var email: String
    var role: Role?
    var reviewGroups: String?
    var agencyID: UUID
    var agencyName: String
    var agencyKind: AgencyKind
    var agencyActive: Bool
    var unreadMessages: Int

    static func find(tokenHash: String, on db: Database) async throws -> SignedInSession? {
        let query: SQLQueryString = """
            SELECT s.id AS session_id, s.last_seen_at, u.id AS user_id, u.active AS user_active, u.display_name, u.email, u.role,
                   u.review_groups, a.id AS agency_id, a.name AS agency_name, a.kind AS agency_kind, a.active AS agency_active,
                   (SELECT COUNT(*) FROM \(ident: UserNotification.schema) n WHERE n.user_id = u.id AND n.read_at IS NULL) AS unread
            FROM \(ident: UserSession.schema) s
            JOIN \(ident: User.schema) u ON u.id = s.user_id
            JOIN \(ident: Agency.schema) a ON a.id = u.agency_id
            WHERE s.token_hash = \(bind: tokenHash)
            """
        guard let row = try await db.preparedRow(query) else { return nil }
        return SignedInSession(
            sessionID: try row.decode(column: "session_id", as: UUID.self),
            lastSeenAt: try row.decode(column: "last_seen_at", as: Date.self),
            userID: try row.decode(column: "user_id", as: UUID.self),
            userActive: try row.decode(column: "user_active", as: Bool.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            email: try row.decode(column: "email", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)),
            reviewGroups: try row.decode(column: "review_groups", as: String?.self),
            agencyID: try row.decode(column: "agency_id", as: UUID.self),
            agencyName: try row.decode(column: "agency_name", as: String.self),
            agencyKind: try row.decode(column: "agency_kind", as: AgencyKind.self),
            agencyActive: try row.decode(column: "agency_active", as: Bool.self),
            unreadMessages: try row.decode(column: "unread", as: Int.self))
    }

    /// The viewer every route sees; nil when the account or its agency has been switched off, or its role retired.
    var viewer: Viewer? {
        guard userActive, agencyActive, let role else { return nil }
        return Viewer(
            userID: userID, displayName: displayName, email: email, role: role, agencyID: agencyID,
            agencyName: agencyName,
            agencyKind: agencyKind, memberships: User.memberships(reviewGroups))
    }
}
