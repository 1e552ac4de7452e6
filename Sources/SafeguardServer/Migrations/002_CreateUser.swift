import Fluent

/// Users, their sessions, and the sign-in throttle.
struct CreateUser: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("users")
            .id()
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("role", .string, .required)
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("team_id", .uuid, .references("teams", "id"))
            .field("password_hash", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .field("last_signed_in_at", .datetime)
            .unique(on: "email")
            .create()
        try await db.schema("user_sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await db.schema("sign_in_throttles")
            .id()
            .field("email_key", .string, .required)
            .field("failures", .int, .required)
            .field("locked_until", .datetime)
            .unique(on: "email_key")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("sign_in_throttles").delete()
        try await db.schema("user_sessions").delete()
        try await db.schema("users").delete()
    }
}
