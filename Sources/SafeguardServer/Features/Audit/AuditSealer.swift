import Fluent
import Foundation
import NIOCore
import SQLKit
import Vapor
import SafeguardCore

extension AuditTrail {
    /// How many entries one sealing transaction chains at most. On SQLite every other write waits while a batch
    /// is sealed (one writer), so batches there are small: 100 entries hold the writer for a few milliseconds, where
    /// 1,000 held it for 65 and showed in police incidents' slowest answers after a busy minute. PostgreSQL's sealer
    /// holds up no one.
    var sealBatchSize: Int { lock == nil ? 1_000 : 100 }

    /// Chains every entry committed unsealed so far, in batches; returns how many it chained. One sealer runs at
    /// a time across every server (a PostgreSQL advisory lock held for each batch's transaction; on SQLite the
    /// single writer). Safe to call from anywhere at any time: a second caller waits, then finds less to do.
    @discardableResult
    func seal(on db: Database) async throws -> Int {
        var total = 0
        // A cheap look first, so an idle server's polling never queues behind SQLite's writer.
        while try await UnsealedAuditEntry.query(on: db).first() != nil {
            let chained = try await serialised { try await sealBatch(on: db) }
            total += chained
            if chained < sealBatchSize { break }
        }
        return total
    }

    private func sealBatch(on db: Database) async throws -> Int {
        try await db.transaction { tx in
            try await AuditSealer.takeSealerLock(on: tx)
            let waiting = try await UnsealedAuditEntry.query(on: tx).sort(\.$id).limit(sealBatchSize).all()
            guard !waiting.isEmpty else { return 0 }
            let head = try await AuditHead.find(1, on: tx)
            let batch = AuditSealing.seal(waiting.map(\.unsealed),
                                          after: head.map { AuditSealing.Head(sequence: $0.sequence, hash: $0.hash) } ?? .empty)
            try await batch.records.map(AuditEntry.init).create(on: tx)
            try await UnsealedAuditEntry.query(on: tx).filter(\.$id ~~ batch.positions).delete()
            if let head {
                head.sequence = batch.head.sequence
                head.hash = batch.head.hash
                try await head.update(on: tx)
            } else {
                try await AuditHead(sequence: batch.head.sequence, hash: batch.head.hash).create(on: tx)
            }
            let millis = Int64((clock.now().timeIntervalSince1970 * 1000).rounded(.down))
            try await AuditSealRecord(first: batch.firstSequence ?? batch.head.sequence, last: batch.head.sequence, hash: batch.head.hash,
                                      sealedAtMillis: millis, sealedBy: server).create(on: tx)
            return waiting.count
        }
    }
}

/// The audit trail's sealing (``AuditTrail/seal(on:)``) runs on every server every ``interval`` (``BackgroundJobs``):
/// at most one seals at a time, and an entry waits about that long (plus one batch) to be chained.
enum AuditSealer {
    static let interval: TimeAmount = .milliseconds(200)

    /// The advisory lock's key: any fixed number all servers agree on.
    private static let lockKey: Int64 = 0x5341_4645_4755_4152

    /// Waits until no other server is sealing, and holds that until the transaction ends (commit, rollback or a
    /// dropped connection). SQLite needs nothing: its one writer already stands in line.
    static func takeSealerLock(on db: Database) async throws {
        guard let sql = db as? SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: lockKey))").run()
    }

    /// Chains what this process wrote before it stops.
    struct OnShutdown: LifecycleHandler {
        func shutdownAsync(_ application: Application) async {
            do { try await application.safeguard.audit.seal(on: application.db) } catch {
                application.logger.warning("Audit entries were left unsealed at shutdown; the next sealer chains them",
                                           metadata: ["error": "\(String(reflecting: error))"])
            }
        }
    }
}
