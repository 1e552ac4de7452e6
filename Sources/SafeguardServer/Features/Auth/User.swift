import Fluent
import Foundation
import SafeguardCore

/// Someone who signs in. Holds one role within one agency.
package final class User: Model, @unchecked Sendable {
    package static let schema = "users"
    @ID package var id: UUID?
    @Field(key: "email") package var email: String
    @Field(key: "display_name") package var displayName: String
    @Field(key: "role") package var role: String
    @Parent(key: "agency_id") package var agency: Agency
    @OptionalParent(key: "team_id") package var team: Team?
    @Field(key: "password_hash") package var passwordHash: String
    @Field(key: "active") package var active: Bool
    /// The review groups the user sits on, as ``ReviewGroup`` keys separated by spaces.
    @OptionalField(key: "review_groups") package var reviewGroups: String?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @OptionalField(key: "last_signed_in_at") package var lastSignedInAt: Date?
    /// The key a self-registered training account was created with; nil for accounts an admin made.
    @OptionalField(key: "registration_key_id") package var registrationKeyID: UUID?

    package init() {}
    package init(
        id: UUID? = nil, email: String, displayName: String, role: Role, agencyID: UUID, teamID: UUID? = nil,
        passwordHash: String
    ) {
        self.id = id
        self.email = email.lowercased()
        self.displayName = displayName
        self.role = role.rawValue
        self.$agency.id = agencyID
        self.$team.id = teamID
        self.passwordHash = passwordHash
        self.active = true
    }

    package var userRole: Role? { Role(rawValue: role) }
    package var memberships: Set<ReviewGroup> { Self.memberships(reviewGroups) }
    package static func memberships(_ stored: String?) -> Set<ReviewGroup> { ReviewGroup.parse(stored ?? "") }
}

/// A signed-in browser. The cookie holds a random token; only its hash is stored, so a copy
/// of the database does not let anyone take over a session.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"
    @ID var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    init() {}
    init(tokenHash: String, userID: UUID, now: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.createdAt = now
        self.lastSeenAt = now
    }
}

/// Failed sign-ins counted per email address typed, whether or not an account has it, so that
/// the lockout itself cannot reveal which addresses have accounts.
final class SignInThrottle: Model, @unchecked Sendable {
    static let schema = "sign_in_throttles"
    @ID var id: UUID?
    @Field(key: "email_key") var emailKey: String
    @Field(key: "failures") var failures: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?

    init() {}
    init(emailKey: String) {
        self.emailKey = emailKey
        self.failures = 0
    }
}
