import Fluent
import Foundation
import SafeguardCore

/// What happened, before it is numbered and chained.
package struct AuditEvent: Sendable {
    package var userID: String
    package var agencyID: String
    package var action: AuditAction
    package var recordType: String
    package var recordID: String
    package var reason: String = ""
    package var sourceAddress: String

    package init(
        userID: String, agencyID: String, action: AuditAction, recordType: String, recordID: String,
        reason: String = "", sourceAddress: String
    ) {
        self.userID = userID
        self.agencyID = agencyID
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.reason = reason
        self.sourceAddress = sourceAddress
    }

    /// The event as it is stored and hashed: text with no character a database could store
    /// differently from what was hashed (a NUL, which SQLite cuts short), so the chain verifies.
    package var storable: AuditEvent {
        AuditEvent(
            userID: TypedText.cleaned(userID), agencyID: TypedText.cleaned(agencyID), action: action,
            recordType: TypedText.cleaned(recordType), recordID: TypedText.cleaned(recordID),
            reason: TypedText.cleaned(reason), sourceAddress: TypedText.cleaned(sourceAddress))
    }
}

/// Writes the audit trail. Writes that must be audited go through `write(_:)`, so the change and its audit
/// entries commit together or not at all. Entries go in unchained, numbered by the database; ``seal(on:)``
/// chains them shortly after (see ``AuditSealing`` and the README's "The audit trail").
///
/// On PostgreSQL nothing here is locked: requests on every server write side by side. SQLite allows one writer
/// anyway, so there writes queue in `lock` rather than fail busy; reads never wait for it.
package struct AuditTrail: Sendable {
    /// SQLite's single writer; nil on PostgreSQL.
    let lock: WriteLock?
    let clock: Clock
    /// This server, named in the seals it records.
    let server: String

    /// Reads' entries from requests that arrive together, written in one insert.
    let reads: AuditGroupCommit

    init(database: Settings.DatabaseLocation, clock: Clock, server: String) {
        lock = database.isSQLite ? WriteLock() : nil
        reads = AuditGroupCommit(lock: lock)
        self.clock = clock
        self.server = server
    }

    /// Runs `body` in one transaction with the entries it returns added to the trail.
    package func write<T: Sendable>(
        on db: Database, _ body: @escaping @Sendable (Database) async throws -> (T, [AuditEvent])
    ) async throws -> T {
        try await serialised {
            try await db.transaction { tx in
                let (value, events) = try await body(tx)
                try await append(events, on: tx)
                return value
            }
        }
    }

    /// Records reads (views, searches): nothing else changes, but the entry must be written
    /// before the page is shown. One insert, shared with the reads of other requests that arrive together
    /// (``AuditGroupCommit``, on SQLite and PostgreSQL), so all the entries go in or none.
    func record(_ events: AuditEvent..., on db: Database) async throws {
        try await reads.record(entries(events), on: db)
    }

    /// Writes with no audit entry of their own (session bookkeeping).
    func plainWrite<T: Sendable>(
        on db: Database, _ body: @escaping @Sendable (Database) async throws -> T
    ) async throws -> T {
        try await serialised { try await body(db) }
    }

    func serialised<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        guard let lock else { return try await body() }
        return try await lock.run(body)
    }

    private func append(_ events: [AuditEvent], on db: Database) async throws {
        guard !events.isEmpty else { return }
        try await entries(events).create(on: db)
    }

    private func entries(_ events: [AuditEvent]) -> [UnsealedAuditEntry] {
        let millis = Int64((clock.now().timeIntervalSince1970 * 1000).rounded(.down))
        return events.map { UnsealedAuditEntry($0.storable, occurredAtMillis: millis) }
    }
}
