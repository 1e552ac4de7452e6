import Fluent
import SQLKit

/// The MASH as a work queue: each referral can be allocated to a named worker.
struct AddReferralAllocation: AsyncMigration {
    func prepare(on db: Database) async throws {
        // One column a statement: SQLite adds only one column per ALTER TABLE.
        try await db.schema("referrals").field("allocated_to_id", .uuid, .references("users", "id")).update()
        try await db.schema("referrals").field("allocated_by_id", .uuid, .references("users", "id")).update()
        try await db.schema("referrals").field("allocated_at", .datetime).update()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "referrals_allocated_to").on("referrals").column("allocated_to_id").run()
        }
    }

    func revert(on db: Database) async throws {
        if let sql = db as? SQLDatabase { try await sql.drop(index: "referrals_allocated_to").run() }
        for field in ["allocated_at", "allocated_by_id", "allocated_to_id"] {
            try await db.schema("referrals").deleteField(FieldKey(stringLiteral: field)).update()
        }
    }
}
