import Fluent
import SQLKit

/// Homes taken over by others (cuckooing), whose addresses police incidents are matched against
/// like Place of Interest markers, and the notices that tell the lead professional of an incident there.
struct CreateCuckooing: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("cuckooed_homes")
            .id()
            .field("address_id", .uuid, .required, .references("addresses", "id"))
            .field("person_id", .uuid, .required, .references("people", "id"))
            .field("kinds", .string, .required)
            .field("confidence", .string, .required)
            .field("summary", .string, .required)
            .field("lead_id", .uuid, .required, .references("users", "id"))
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("recorded_at", .datetime, .required)
            .field("ended_at", .datetime)
            .field("end_reason", .string)
            .create()
        try await db.schema("cuckooing_notices")
            .id()
            .field("incident_id", .uuid, .required, .references("police_incidents", "id"))
            .field("home_id", .uuid, .required, .references("cuckooed_homes", "id"))
            .field("lead_id", .uuid, .required, .references("users", "id"))
            .field("forwarded_at", .datetime, .required)
            .field("seen_at", .datetime)
            .unique(on: "incident_id", "home_id")
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "cuckooed_homes_address").on("cuckooed_homes").column("address_id").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("cuckooing_notices").delete()
        try await db.schema("cuckooed_homes").delete()
    }
}
