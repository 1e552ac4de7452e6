import Fluent

/// Partner systems' API tokens.
struct CreateAPIToken: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("api_tokens")
            .id()
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("permissions", .string, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("api_tokens").delete()
    }
}
