import Fluent
import SafeguardCore

/// Walks the stored trail in pages and reports every break, for `safeguard audit verify`: one
/// damaged entry must not hide tampering later in the trail.
enum AuditVerification {
    struct Outcome: Sendable {
        var checked: Int64
        /// Every break found, in trail order.
        var failures: [AuditChainVerifier.Failure]
    }

    static func run(on db: Database, pageSize: Int = 5_000) async throws -> Outcome {
        var verifier = AuditChainVerifier()
        var failures: [AuditChainVerifier.Failure] = []
        var after: Int64 = 0
        while true {
            let page = try await AuditEntry.query(on: db)
                .filter(\.$sequence > after)
                .sort(\.$sequence)
                .limit(pageSize)
                .all()
            for entry in page {
                if let failure = verifier.check(entry.record) { failures.append(failure) }
            }
            guard let last = page.last else { break }
            after = last.sequence
        }
        let head = try await AuditHead.find(1, on: db)
        if let failure = verifier.finish(headSequence: head?.sequence ?? 0, headHash: head?.hash ?? AuditRecord.genesisHash) {
            failures.append(failure)
        }
        return Outcome(checked: verifier.checked, failures: failures)
    }
}
