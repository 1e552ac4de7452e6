import Fluent
import SafeguardCore

/// Walks the sealed trail in pages and reports every break, for `safeguard audit verify`: one damaged entry
/// must not hide tampering later in the trail. Entries not yet sealed are counted, not checked: they are not
/// chained yet (see ``AuditSealing``).
enum AuditVerification {
    struct Outcome: Sendable {
        var checked: Int64
        /// Every break found, in trail order.
        var failures: [AuditChainVerifier.Failure]
        /// Entries written but not yet chained when the check began.
        var unsealed: Int
        /// Batches whose recorded hash was compared with the trail.
        var seals: Int
    }

    static func run(on db: Database, pageSize: Int = 5_000) async throws -> Outcome {
        // The head first: a sealer may chain more while the walk goes on, and those are not this check's to judge.
        let head = try await AuditHead.find(1, on: db)
        let headSequence = head?.sequence ?? 0
        let unsealed = try await UnsealedAuditEntry.query(on: db).count()
        var verifier = AuditChainVerifier()
        var failures: [AuditChainVerifier.Failure] = []
        var after: Int64 = 0
        var seals = 0
        while after < headSequence {
            let page = try await AuditEntry.query(on: db)
                .filter(\.$sequence > after).filter(\.$sequence <= headSequence)
                .sort(\.$sequence)
                .limit(pageSize)
                .all()
            guard let last = page.last else { break }
            let sealed = try await AuditSealRecord.query(on: db)
                .filter(\.$lastSequence > after).filter(\.$lastSequence <= last.sequence).all()
            let sealedHash = Dictionary(sealed.map { ($0.lastSequence, $0.hash) }, uniquingKeysWith: { a, _ in a })
            seals += sealed.count
            for entry in page {
                guard let record = entry.record else {
                    failures.append(verifier.unreadable(sequence: entry.sequence, hash: entry.hash))
                    continue
                }
                if let failure = verifier.check(record, sealedHash: sealedHash[entry.sequence]) {
                    failures.append(failure)
                }
            }
            after = last.sequence
        }
        if let failure = verifier.finish(headSequence: headSequence, headHash: head?.hash ?? AuditRecord.genesisHash) {
            failures.append(failure)
        }
        return Outcome(checked: verifier.checked, failures: failures, unsealed: unsealed, seals: seals)
    }
}
