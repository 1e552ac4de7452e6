import Fluent

/// Districts, agencies and teams: the partnership's shape.
struct CreatePartnership: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("districts")
            .id()
            .field("name", .string, .required)
            .unique(on: "name")
            .create()
        try await db.schema("agencies")
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("district_id", .uuid, .references("districts", "id"))
            .field("active", .bool, .required)
            .unique(on: "name")
            .create()
        try await db.schema("teams")
            .id()
            .field("name", .string, .required)
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("district_id", .uuid, .references("districts", "id"))
            .unique(on: "agency_id", "name")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("teams").delete()
        try await db.schema("agencies").delete()
        try await db.schema("districts").delete()
    }
}
