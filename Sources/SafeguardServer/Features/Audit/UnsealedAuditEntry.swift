import Fluent
import Foundation
import SafeguardCore

/// An audit entry written with its change and waiting for the sealer to chain it (``AuditSealing``).
/// The database numbers it (`position`) as it is inserted, so writers need no lock between them.
final class UnsealedAuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_unsealed"
    @ID(custom: "position", generatedBy: .database) var id: Int64?
    @Field(key: "occurred_at_ms") var occurredAtMillis: Int64
    @Field(key: "user_id") var userID: String
    @Field(key: "agency_id") var agencyID: String
    @Field(key: "action") var action: String
    @Field(key: "record_type") var recordType: String
    @Field(key: "record_id") var recordID: String
    @Field(key: "reason") var reason: String
    @Field(key: "source_address") var sourceAddress: String

    init() {}
    /// `event` must already be ``AuditEvent/storable``: what is stored is what will be hashed.
    init(_ event: AuditEvent, occurredAtMillis: Int64) {
        self.occurredAtMillis = occurredAtMillis
        userID = event.userID
        agencyID = event.agencyID
        action = event.action.rawValue
        recordType = event.recordType
        recordID = event.recordID
        reason = event.reason
        sourceAddress = event.sourceAddress
    }

    /// The entry as the sealer chains it. An action no version writes is refused, never sealed as another: the
    /// sealer stops at it and says where, and `audit verify` reports the trail as unsealed from there.
    func unsealed() throws -> AuditSealing.Unsealed {
        guard let known = AuditAction(rawValue: action) else {
            throw StoredValueError(table: Self.schema, column: "action", row: String(id ?? 0))
        }
        return AuditSealing.Unsealed(
            position: id ?? 0, occurredAtMillis: occurredAtMillis, userID: userID, agencyID: agencyID,
            action: known, recordType: recordType, recordID: recordID,
            reason: reason, sourceAddress: sourceAddress)
    }
}

/// One batch the sealer chained: its first and last entry, and the last entry's hash as it was when sealed.
/// `safeguard audit verify` checks each against the trail, so rewriting the trail means rewriting these too.
final class AuditSealRecord: Model, @unchecked Sendable {
    static let schema = "audit_seals"
    @ID var id: UUID?
    @Field(key: "first_sequence") var firstSequence: Int64
    @Field(key: "last_sequence") var lastSequence: Int64
    @Field(key: "hash") var hash: String
    @Field(key: "sealed_at_ms") var sealedAtMillis: Int64
    @Field(key: "sealed_by") var sealedBy: String

    init() {}
    init(first: Int64, last: Int64, hash: String, sealedAtMillis: Int64, sealedBy: String) {
        firstSequence = first
        lastSequence = last
        self.hash = hash
        self.sealedAtMillis = sealedAtMillis
        self.sealedBy = sealedBy
    }
}
