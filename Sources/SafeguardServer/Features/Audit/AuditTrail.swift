import Fluent
import Foundation
import SafeguardCore

/// What happened, before it is numbered and chained.
struct AuditEvent: Sendable {
    var userID: String
    var agencyID: String
    var action: AuditAction
    var recordType: String
    var recordID: String
    var reason: String = ""
    var sourceAddress: String

    /// The event as it is stored and hashed: text with no character a database could store
    /// differently from what was hashed (a NUL, which SQLite cuts short), so the chain verifies.
    var storable: AuditEvent {
        AuditEvent(userID: TypedText.cleaned(userID), agencyID: TypedText.cleaned(agencyID), action: action,
                   recordType: TypedText.cleaned(recordType), recordID: TypedText.cleaned(recordID),
                   reason: TypedText.cleaned(reason), sourceAddress: TypedText.cleaned(sourceAddress))
    }
}

/// Appends to the hash-chained audit trail. Writes that must be audited go through
/// `write(_:)`, so the change and its audit entries commit together or not at all.
struct AuditTrail: Sendable {
    let lock: WriteLock
    let clock: Clock

    /// Runs `body` in one transaction with the entries it returns appended to the trail.
    func write<T: Sendable>(on db: Database, _ body: @escaping @Sendable (Database) async throws -> (T, [AuditEvent])) async throws -> T {
        try await lock.run {
            try await db.transaction { tx in
                let (value, events) = try await body(tx)
                try await append(events, on: tx)
                return value
            }
        }
    }

    /// Records reads (views, searches): nothing else changes, but the entry must be written
    /// before the page is shown.
    func record(_ events: AuditEvent..., on db: Database) async throws {
        let list = events
        try await lock.run {
            try await db.transaction { tx in try await append(list, on: tx) }
        }
    }

    /// Writes with no audit entry of their own (session bookkeeping), serialised with the rest.
    func plainWrite<T: Sendable>(on db: Database, _ body: @escaping @Sendable (Database) async throws -> T) async throws -> T {
        try await lock.run { try await body(db) }
    }

    private func append(_ events: [AuditEvent], on db: Database) async throws {
        guard !events.isEmpty else { return }
        let head = try await AuditHead.find(1, on: db)
        var previous = (sequence: head?.sequence ?? 0, hash: head?.hash ?? AuditRecord.genesisHash)
        let millis = Int64((clock.now().timeIntervalSince1970 * 1000).rounded(.down))
        for e in events.map(\.storable) {
            let record = AuditRecord(sequence: previous.sequence + 1, occurredAtMillis: millis, userID: e.userID,
                                     agencyID: e.agencyID, action: e.action, recordType: e.recordType, recordID: e.recordID,
                                     reason: e.reason, sourceAddress: e.sourceAddress, previousHash: previous.hash)
            try await AuditEntry(record).create(on: db)
            previous = (record.sequence, record.hash)
        }
        if let head {
            head.sequence = previous.sequence
            head.hash = previous.hash
            try await head.update(on: db)
        } else {
            try await AuditHead(sequence: previous.sequence, hash: previous.hash).create(on: db)
        }
    }
}
