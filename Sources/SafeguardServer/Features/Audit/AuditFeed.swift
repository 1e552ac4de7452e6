import Fluent
import SafeguardCore

/// The sealed audit trail read as a change feed: every change commits with its audit entry, and sealing numbers
/// the entries in one order with no gaps, so "everything sealed after sequence N" misses nothing. Each server's
/// in-memory indexes (people, markers) catch up through it with what any server changed.
enum AuditFeed {
    /// Where the sealed trail ends now.
    static func head(on db: Database) async throws -> Int64 {
        try await AuditHead.find(1, on: db)?.sequence ?? 0
    }

    /// Creations and changes of `recordTypes` sealed after `after` and up to `head`, in order, at most `limit`.
    static func changes(after: Int64, upTo head: Int64, recordTypes: [String], limit: Int, on db: Database) async throws -> [AuditEntry] {
        guard head > after else { return [] }
        return try await AuditEntry.query(on: db)
            .filter(\.$sequence > after).filter(\.$sequence <= head)
            .filter(\.$recordType ~~ recordTypes).filter(\.$action ~~ IndexChanges.actions.map(\.rawValue))
            .sort(\.$sequence).limit(limit).all()
    }
}
