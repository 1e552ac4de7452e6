import Fluent

/// Health staff's look-ups of a child's protection status, each one told to the social worker.
struct CreateStatusCheck: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("status_checks")
            .id()
            .field("person_id", .uuid, .required, .references("people", "id"))
            .field("checked_by", .uuid, .required, .references("users", "id"))
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("setting", .string, .required)
            .field("checked_at", .datetime, .required)
            .field("protection_id", .uuid, .references("protection_records", "id"))
            .field("social_worker_id", .uuid, .references("users", "id"))
            .field("seen_at", .datetime)
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("status_checks").delete()
    }
}
