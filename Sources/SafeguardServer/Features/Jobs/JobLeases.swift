import Fluent
import Foundation
import SafeguardCore

/// A job's lease as stored.
final class JobLeaseRecord: Model, @unchecked Sendable {
    static let schema = "job_leases"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "holder") var holder: String
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "version") var version: Int

    init() {}

    var lease: JobLease { JobLease(holder: holder, expiresAt: expiresAt) }
}

/// Taking a job's lease with no lock but the database's own: a conditional update on the version read (or the
/// unique name, for the first insert), then reading back who holds it. Works the same on SQLite and PostgreSQL.
/// These are operational rows, not personal data, so they are not audited.
enum JobLeases {
    /// Takes or renews `job` for `server`; true when `server` holds it now and may run the job.
    static func take(_ job: JobLease.Job, server: String, now: Date, on db: Database) async throws -> Bool {
        let expires = now.addingTimeInterval(job.leaseSeconds)
        let expected: Int
        if let row = try await JobLeaseRecord.query(on: db).filter(\.$name == job.rawValue).first() {
            guard JobLease.mayTake(row.lease, server: server, at: now) else { return false }
            expected = row.version + 1
            try await JobLeaseRecord.query(on: db).filter(\.$name == job.rawValue).filter(\.$version == row.version)
                .set(\.$holder, to: server).set(\.$expiresAt, to: expires).set(\.$version, to: expected).update()
        } else {
            let row = JobLeaseRecord()
            row.name = job.rawValue
            row.holder = server
            row.expiresAt = expires
            row.version = 0
            expected = 0
            // Two servers starting together both insert; the unique name lets one in, and the read below tells the other.
            do { try await row.create(on: db) } catch {}
        }
        let now = try await JobLeaseRecord.query(on: db).filter(\.$name == job.rawValue).first()
        return now?.holder == server && now?.version == expected
    }

    /// Gives the lease up when a server stops, so another takes the job at once rather than when it expires.
    static func release(_ job: JobLease.Job, server: String, on db: Database) async throws {
        try await JobLeaseRecord.query(on: db).filter(\.$name == job.rawValue).filter(\.$holder == server)
            .set(\.$expiresAt, to: Date(timeIntervalSince1970: 0)).update()
    }
}
