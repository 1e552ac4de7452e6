import Fluent
import SQLKit

/// Referrals for a Safeguarding Adults Review, and the SAR panel's s44 test and decision.
struct CreateSARReferral: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("sar_referrals")
            .id()
            .field("reference", .string, .required)
            .field("person_id", .uuid, .required, .references("people", "id"))
            .field("raised_by", .uuid, .required, .references("users", "id"))
            .field("raised_agency_id", .uuid, .required, .references("agencies", "id"))
            .field("raised_at", .datetime, .required)
            .field("what_happened", .string, .required)
            // What the platform held about the adult (``PersonSnapshot``) and the s44 answers, as JSON.
            .field("person", .string, .required)
            .field("answers", .string, .required)
            .field("decision", .string)
            .field("reasons", .string, .required)
            .field("decided_on", .string)
            .field("decided_by", .uuid, .references("users", "id"))
            .field("updated_at", .datetime, .required)
            .unique(on: "reference")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("sar_referrals").delete()
    }
}
