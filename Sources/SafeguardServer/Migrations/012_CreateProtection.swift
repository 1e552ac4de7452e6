import Fluent
import SQLKit

/// Child protection plans, looked-after status and unborn plans, and the Place of Interest markers
/// the police see on the addresses relevant to them.
struct CreateProtection: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("protection_records")
            .id()
            .field("person_id", .uuid, .required, .references("people", "id"))
            .field("kind", .string, .required)
            .field("categories", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string)
            .field("end_reason", .string)
            .field("social_worker_id", .uuid, .required, .references("users", "id"))
            .field("strategy_discussion_date", .string)
            .field("initial_conference_date", .string)
            .field("last_review_date", .string)
            .field("external_reference", .string)
            .field("recorded_by", .uuid, .references("users", "id"))
            .field("recorded_at", .datetime, .required)
            .unique(on: "external_reference")
            .create()
        try await db.schema("place_of_interest_markers")
            .id()
            .field("address_id", .uuid, .required, .references("addresses", "id"))
            .field("protection_id", .uuid, .required, .references("protection_records", "id"))
            .field("reason", .string, .required)
            .field("started_at", .datetime, .required)
            .field("ended_at", .datetime)
            .field("end_reason", .string)
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "protection_person").on("protection_records").column("person_id").run()
            try await sql.create(index: "markers_protection").on("place_of_interest_markers").column("protection_id").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("place_of_interest_markers").delete()
        try await db.schema("protection_records").delete()
    }
}
