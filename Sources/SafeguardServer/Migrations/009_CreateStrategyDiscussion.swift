import Fluent

/// Strategy discussions held about a referral, and which agencies attended.
struct CreateStrategyDiscussion: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("strategy_discussions")
            .id()
            .field("referral_id", .uuid, .required, .references("referrals", "id", onDelete: .cascade))
            .field("held_at", .datetime, .required)
            .field("attendees", .string, .required)
            .field("information_shared", .string, .required)
            .field("section47", .bool, .required)
            .field("decisions", .string, .required)
            .field("actions", .string, .required)
            .field("conference_due", .string)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("recorded_at", .datetime, .required)
            .create()
        try await db.schema("strategy_attendance")
            .id()
            .field("discussion_id", .uuid, .required, .references("strategy_discussions", "id", onDelete: .cascade))
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .unique(on: "discussion_id", "agency_id")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("strategy_attendance").delete()
        try await db.schema("strategy_discussions").delete()
    }
}
