import Fluent

/// Police incidents posted by police systems and matched against Place of Interest markers.
struct CreatePoliceIncident: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("police_incidents")
            .id()
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("reference", .string, .required)
            .field("occurred_at", .datetime, .required)
            .field("incident_type", .string, .required)
            .field("address_text", .string, .required)
            .field("postcode", .string)
            .field("summary", .string, .required)
            .field("received_at", .datetime, .required)
            .field("match_outcome", .string, .required)
            .field("matched_address_id", .uuid, .references("addresses", "id"))
            .field("match_score", .double)
            .field("match_reasons", .string, .required)
            .field("review_status", .string, .required)
            .field("reviewed_by", .uuid, .references("users", "id"))
            .field("reviewed_at", .datetime)
            .field("review_note", .string)
            .unique(on: "agency_id", "reference")
            .create()
        try await db.schema("incident_alerts")
            .id()
            .field("incident_id", .uuid, .required, .references("police_incidents", "id"))
            .field("protection_id", .uuid, .required, .references("protection_records", "id"))
            .field("person_id", .uuid, .required, .references("people", "id"))
            .field("social_worker_id", .uuid, .required, .references("users", "id"))
            .field("forwarded_at", .datetime, .required)
            .field("decision", .string)
            .field("decided_by", .uuid, .references("users", "id"))
            .field("decided_at", .datetime)
            .field("decision_note", .string)
            .field("details_referral_id", .uuid, .references("referrals", "id"))
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("incident_alerts").delete()
        try await db.schema("police_incidents").delete()
    }
}
