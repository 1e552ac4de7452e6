import Fluent

/// Leases for jobs that must run on one server at a time when several share the database (``JobLease``).
struct CreateJobLease: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("job_leases")
            .id()
            .field("name", .string, .required)
            .field("holder", .string, .required)
            .field("expires_at", .datetime, .required)
            // Bumped on every change: a server's update counts only if nobody else changed the lease since it read it.
            .field("version", .int, .required)
            .unique(on: "name")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("job_leases").delete()
    }
}
