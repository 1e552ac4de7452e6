import Fluent

/// Forms sent after their session ran out, kept briefly for their author to send again.
struct CreateKeptForm: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("kept_forms")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("path", .string, .required)
            .field("fields", .string, .required)
            .field("kept_at", .datetime, .required)
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("kept_forms").delete()
    }
}
