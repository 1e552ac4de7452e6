import Fluent
import Foundation
import NIOCore
import SQLKit
import SafeguardCore
import Vapor

extension AuditTrail {
    /// How many entries one sealing transaction chains at most. On SQLite every other write waits while a batch
    /// is sealed (one writer), so batches there are small: 100 entries hold the writer for a few milliseconds, where
    /// 1,000 held it for 65 and showed in police incidents' slowest answers after a busy minute. PostgreSQL's sealer
    /// holds up no one.
    var sealBatchSize: Int { lock == nil ? 1_000 : 100 }

    /// Chains every entry committed unsealed so far, in batches; returns how many it chained. One sealer runs at
    /// a time across every server (a PostgreSQL advisory lock held for each batch's transaction); on SQLite the
    /// head moves for one sealer only, and another finds it moved and starts again. Safe to call from anywhere at
    /// any time: a second caller finds less to do.
    @discardableResult
    package func seal(on db: Database) async throws -> Int {
        var total = 0
        var overtaken = 0
        // A cheap look first, so an idle server's polling never queues behind SQLite's writer.
        while try await UnsealedAuditEntry.query(on: db).first() != nil {
            guard let chained = lock == nil ? try await sealBatch(on: db) : try await sealBatchBesideWriters(on: db)
            else {
                // Another sealer moved the head first: start again from where it is now. Overtaken every time
                // means something other than a sealer is moving the head, and is said rather than spun on.
                overtaken += 1
                guard overtaken < 20 else {
                    throw Abort(.internalServerError, reason: "the audit trail's head kept moving while sealing")
                }
                continue
            }
            total += chained
            if chained < sealBatchSize { break }
        }
        return total
    }

    /// PostgreSQL: one sealer at a time, chosen by the advisory lock, reads, chains and writes in one transaction.
    private func sealBatch(on db: Database) async throws -> Int {
        try await db.transaction { tx in
            try await AuditSealer.takeSealerLock(on: tx)
            let waiting = try await UnsealedAuditEntry.query(on: tx).sort(\.$id).limit(sealBatchSize).all()
            guard !waiting.isEmpty else { return 0 }
            let head = try await AuditHead.find(1, on: tx)
            let batch = AuditSealing.seal(
                try waiting.map { try $0.unsealed() },
                after: head.map { AuditSealing.Head(sequence: $0.sequence, hash: $0.hash) } ?? .empty)
            if let head {
                head.sequence = batch.head.sequence
                head.hash = batch.head.hash
                try await head.update(on: tx)
            } else {
                try await AuditHead(sequence: batch.head.sequence, hash: batch.head.hash).create(on: tx)
            }
            try await store(batch, on: tx)
            return waiting.count
        }
    }

    /// SQLite: the entries are read and chained before its single writer is taken, so other writes wait only for
    /// the batch's few statements. The head moves only from where the chaining began: if another sealer got
    /// there first (this server's access log page, or another process on the same file, an import say), nothing
    /// is written and nil says to start again.
    private func sealBatchBesideWriters(on db: Database) async throws -> Int? {
        // The head first: any sealing after this moves it, so the move below fails rather than chaining again
        // entries another sealer took after they were read here.
        let start = try await AuditHead.find(1, on: db).map { AuditSealing.Head(sequence: $0.sequence, hash: $0.hash) }
        let waiting = try await UnsealedAuditEntry.query(on: db).sort(\.$id).limit(sealBatchSize).all()
        guard !waiting.isEmpty else { return 0 }
        let batch = AuditSealing.seal(try waiting.map { try $0.unsealed() }, after: start ?? .empty)
        return try await serialised {
            try await db.transaction { tx -> Int? in
                guard try await Self.moveHead(from: start, to: batch.head, on: tx) else { return nil }
                try await store(batch, on: tx)
                return waiting.count
            }
        }
    }

    /// Moves the head only if it is still at `from` (nil: there was none yet); false if another sealer moved it.
    private static func moveHead(from: AuditSealing.Head?, to: AuditSealing.Head, on db: Database) async throws -> Bool
    {
        let sql = try db.sql()
        let query: SQLQueryString
        if let from {
            query = """
                UPDATE \(ident: AuditHead.schema) SET sequence = \(bind: to.sequence), hash = \(bind: to.hash)
                WHERE id = 1 AND sequence = \(bind: from.sequence) AND hash = \(bind: from.hash) RETURNING id
                """
        } else {
            query = """
                INSERT INTO \(ident: AuditHead.schema) (id, sequence, hash) VALUES (1, \(bind: to.sequence), \(bind: to.hash))
                ON CONFLICT (id) DO NOTHING RETURNING id
                """
        }
        return try await sql.raw(query).first() != nil
    }

    /// The chained entries into the trail, out of the waiting room, and the batch's seal.
    private func store(_ batch: AuditSealing.Batch, on tx: Database) async throws {
        try await batch.records.map(AuditEntry.init).create(on: tx)
        try await UnsealedAuditEntry.query(on: tx).filter(\.$id ~~ batch.positions).delete()
        let millis = Int64((clock.now().timeIntervalSince1970 * 1000).rounded(.down))
        try await AuditSealRecord(
            first: batch.firstSequence ?? batch.head.sequence, last: batch.head.sequence, hash: batch.head.hash,
            sealedAtMillis: millis, sealedBy: server
        ).create(on: tx)
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
                application.logger.warning(
                    "Audit entries were left unsealed at shutdown; the next sealer chains them",
                    metadata: ["error": "\(String(reflecting: error))"])
            }
        }
    }
}
