/// Chaining the audit trail after the fact, so that many servers can write at once.
///
/// A change and its audit entries commit together, but the entries go in unchained, each with a position the
/// database assigns (``AuditSealing/Unsealed``). One sealer at a time then takes the unsealed entries in
/// position order, numbers them on from the sealed head, chains each to the one before and records the batch
/// (``Batch``): from then on an entry cannot be altered, removed or moved without ``AuditChainVerifier`` seeing
/// it. Nothing is lost between the two steps: an unsealed entry stays in the database until a sealer chains it,
/// and the sealed entries, the new head and the removal of their unsealed copies commit in one transaction.
public enum AuditSealing {
    /// An entry written with its change but not yet chained. `position` is the database's insertion order.
    public struct Unsealed: Equatable, Sendable {
        public var position: Int64
        public var occurredAtMillis: Int64
        public var userID: String
        public var agencyID: String
        public var action: AuditAction
        public var recordType: String
        public var recordID: String
        public var reason: String
        public var sourceAddress: String

        public init(
            position: Int64, occurredAtMillis: Int64, userID: String, agencyID: String, action: AuditAction,
            recordType: String, recordID: String, reason: String, sourceAddress: String
        ) {
            self.position = position
            self.occurredAtMillis = occurredAtMillis
            self.userID = userID
            self.agencyID = agencyID
            self.action = action
            self.recordType = recordType
            self.recordID = recordID
            self.reason = reason
            self.sourceAddress = sourceAddress
        }
    }

    /// Where the sealed trail ends: the last entry's number and hash (0 and the genesis hash when empty).
    public struct Head: Equatable, Sendable {
        public var sequence: Int64
        public var hash: String

        public init(sequence: Int64, hash: String) {
            self.sequence = sequence
            self.hash = hash
        }

        public static let empty = Head(sequence: 0, hash: AuditRecord.genesisHash)
    }

    /// One sealing: the chained entries, which unsealed positions they came from, and the head after them.
    public struct Batch: Equatable, Sendable {
        public var records: [AuditRecord]
        public var positions: [Int64]
        public var head: Head

        public var firstSequence: Int64? { records.first?.sequence }
    }

    /// Chains `unsealed` after `head`, in position order whatever order they were read in. Positions are taken
    /// as the database gave them: a lower position that commits later is sealed in a later batch, after these.
    public static func seal(_ unsealed: [Unsealed], after head: Head) -> Batch {
        var previous = head
        var records: [AuditRecord] = []
        records.reserveCapacity(unsealed.count)
        let ordered = unsealed.sorted { $0.position < $1.position }
        for e in ordered {
            let record = AuditRecord(
                sequence: previous.sequence + 1, occurredAtMillis: e.occurredAtMillis, userID: e.userID,
                agencyID: e.agencyID, action: e.action, recordType: e.recordType, recordID: e.recordID,
                reason: e.reason, sourceAddress: e.sourceAddress, previousHash: previous.hash)
            records.append(record)
            previous = Head(sequence: record.sequence, hash: record.hash)
        }
        return Batch(records: records, positions: ordered.map(\.position), head: previous)
    }
}
