import Fluent
import SQLKit

/// The recommendation → action → evidence tracker: recommendations from any source (reviews now; audits and
/// child death reviews later), their actions, and evidence files.
struct CreateActionPlan: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("recommendations")
            .id()
            .field("source_kind", .string, .required)
            .field("source_reference", .string, .required)
            .field("source_title", .string, .required)
            .field("finding", .string, .required)
            .field("text", .string, .required)
            .field("status", .string, .required)
            .field("not_implemented_reason", .string, .required)
            .field("created_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.schema("plan_actions")
            .id()
            .field("recommendation_id", .uuid, .required, .references("recommendations", "id"))
            .field("description", .string, .required)
            .field("impact_measure", .string, .required)
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("owner_id", .uuid, .required, .references("users", "id"))
            .field("due_on", .string, .required)
            .field("status", .string, .required)
            .field("progress_note", .string, .required)
            // The evidence entries as JSON (``ActionEvidence``); their files are rows of action_evidence_files.
            .field("evidence", .string, .required)
            .field("impact_achieved", .string, .required)
            .field("completed_on", .string)
            .field("signed_off_on", .string)
            .field("signed_off_by", .string)
            .field("returned_note", .string, .required)
            .field("chased_at", .datetime)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.schema("action_evidence_files")
            .id()
            .field("action_id", .uuid, .required, .references("plan_actions", "id"))
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("content", .data, .required)
            .field("uploaded_by", .uuid, .required, .references("users", "id"))
            .field("uploaded_at", .datetime, .required)
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "plan_actions_owner").on("plan_actions").column("owner_id").run()
            try await sql.create(index: "plan_actions_agency").on("plan_actions").column("agency_id").run()
        }
    }

    func revert(on db: Database) async throws {
        for table in ["action_evidence_files", "plan_actions", "recommendations"] { try await db.schema(table).delete() }
    }
}
