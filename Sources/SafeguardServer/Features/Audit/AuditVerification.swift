import Fluent
import SafeguardCore

/// Walks the stored trail in pages and reports the first break, for `safeguard audit verify`.
enum AuditVerification {
    struct Outcome: Sendable {
        var checked: Int64
        var failure: AuditChainVerifier.Failure?
    }

    static func run(on db: Database, pageSize: Int = 5_000) async throws -> Outcome {
        var verifier = AuditChainVerifier()
        var after: Int64 = 0
        while true {
            let page = try await AuditEntry.query(on: db)
                .filter(\.$sequence > after)
                .sort(\.$sequence)
                .limit(pageSize)
                .all()
            for entry in page {
                if let failure = verifier.check(entry.record) { return Outcome(checked: verifier.checked, failure: failure) }
            }
            guard let last = page.last else { break }
            after = last.sequence
        }
        let head = try await AuditHead.find(1, on: db)
        let failure = verifier.finish(headSequence: head?.sequence ?? 0, headHash: head?.hash ?? AuditRecord.genesisHash)
        return Outcome(checked: verifier.checked, failure: failure)
    }
}
