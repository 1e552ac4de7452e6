import Fluent
import SQLKit

/// An e-mail copy that failed for a reason that may pass (the mail server down or busy) is tried again later
/// (``EmailRetry``): each notification counts its attempts and says when the next is due. The minute's sweep reads
/// the pending ones that are due, so they get an index: without it the sweep read every notification ever sent.
struct AddEmailRetry: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("notifications")
            .field("email_attempts", .int, .required, .sql(.default(0)))
            .update()
        try await db.schema("notifications")
            .field("email_retry_at", .datetime)
            .update()
        try await db.sql().create(index: "notifications_email_due").on("notifications")
            .column("email_status").column("email_retry_at").run()
    }

    func revert(on db: Database) async throws {
        try await db.sql().drop(index: "notifications_email_due").run()
        try await db.schema("notifications").deleteField("email_retry_at").update()
        try await db.schema("notifications").deleteField("email_attempts").update()
    }
}
