import Fluent

/// Requests, made under break-glass, for an agency to be recorded as working with a person, and
/// the manager's decision on each.
struct CreateInvolvementRequest: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("involvement_requests")
            .id()
            .field("person_id", .uuid, .required, .references("people", "id"))
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("requested_by", .uuid, .required, .references("users", "id"))
            .field("reason", .string, .required)
            .field("requested_at", .datetime, .required)
            .field("status", .string, .required)
            .field("decided_by", .uuid, .references("users", "id"))
            .field("decided_at", .datetime)
            .field("decision_note", .string)
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("involvement_requests").delete()
    }
}
