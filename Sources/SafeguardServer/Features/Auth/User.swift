import Fluent
import Foundation
import SafeguardCore

/// Someone who signs in. Holds one role within one agency.
final class User: Model, @unchecked Sendable {
    static let schema = "users"
    @ID var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: String
    @Parent(key: "agency_id") var agency: Agency
    @OptionalParent(key: "team_id") var team: Team?
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "active") var active: Bool
    /// The review groups the user sits on, as ``ReviewGroup`` keys separated by spaces.
    @OptionalField(key: "review_groups") var reviewGroups: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "last_signed_in_at") var lastSignedInAt: Date?
    /// The key a self-registered training account was created with; nil for accounts an admin made.
    @OptionalField(key: "registration_key_id") var registrationKeyID: UUID?

    init() {}
    init(
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

    var userRole: Role? { Role(rawValue: role) }
    var memberships: Set<ReviewGroup> { Self.memberships(reviewGroups) }
    static func memberships(_ stored: String?) -> Set<ReviewGroup> { ReviewGroup.parse(stored ?? "") }
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
