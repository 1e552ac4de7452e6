import Fluent
import SQLKit

/// The audit trail for many writers (``AuditSealing``): entries written with their change but not yet chained,
/// numbered by the database as they are inserted, and a record of every batch the sealer chained. Entries
/// written before this migration are already sealed in `audit_entries` and stay as they are.
struct CreateAuditSealing: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("audit_unsealed")
            .field("position", .int64, .identifier(auto: true))
            .field("occurred_at_ms", .int64, .required)
            .field("user_id", .string, .required)
            .field("agency_id", .string, .required)
            .field("action", .string, .required)
            .field("record_type", .string, .required)
            .field("record_id", .string, .required)
            .field("reason", .string, .required)
            .field("source_address", .string, .required)
            .create()
        try await db.schema("audit_seals")
            .id()
            .field("first_sequence", .int64, .required)
            .field("last_sequence", .int64, .required)
            // The hash of the batch's last entry, which chains every entry before it.
            .field("hash", .string, .required)
            .field("sealed_at_ms", .int64, .required)
            .field("sealed_by", .string, .required)
            .unique(on: "last_sequence")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("audit_seals").delete()
        try await db.schema("audit_unsealed").delete()
    }
}
