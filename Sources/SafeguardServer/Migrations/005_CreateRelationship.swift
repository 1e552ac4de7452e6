import Fluent
import SQLKit

/// Family and household relationships, agency involvement and the chronology.
struct CreateRelationship: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("relationships")
            .id()
            .field("from_person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("to_person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "from_person_id", "to_person_id", "kind")
            .create()
        try await db.schema("agency_involvements")
            .id()
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("started_on", .string, .required)
            .field("ended_on", .string)
            .unique(on: "person_id", "agency_id")
            .create()
        try await db.schema("chronology_entries")
            .id()
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("occurred_at", .datetime, .required)
            .field("agency_id", .uuid, .references("agencies", "id"))
            .field("category", .string, .required)
            .field("summary", .string, .required)
            .field("recorded_by", .uuid, .references("users", "id"))
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "relationships_to").on("relationships").column("to_person_id").run()
            try await sql.create(index: "involvements_agency").on("agency_involvements").column("agency_id").run()
            try await sql.create(index: "chronology_person").on("chronology_entries").column("person_id").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("chronology_entries").delete()
        try await db.schema("agency_involvements").delete()
        try await db.schema("relationships").delete()
    }
}
