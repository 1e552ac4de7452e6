import Fluent
import Foundation
import SafeguardCore

/// A stored audit record (see ``AuditRecord`` for the chain rule). Rows are only ever inserted.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"
    @ID var id: UUID?
    @Field(key: "sequence") var sequence: Int64
    @Field(key: "occurred_at_ms") var occurredAtMillis: Int64
    @Field(key: "user_id") var userID: String
    @Field(key: "agency_id") var agencyID: String
    @Field(key: "action") var action: String
    @Field(key: "record_type") var recordType: String
    @Field(key: "record_id") var recordID: String
    @Field(key: "reason") var reason: String
    @Field(key: "source_address") var sourceAddress: String
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}
    init(_ r: AuditRecord) {
        sequence = r.sequence
        occurredAtMillis = r.occurredAtMillis
        userID = r.userID
        agencyID = r.agencyID
        action = r.action.rawValue
        recordType = r.recordType
        recordID = r.recordID
        reason = r.reason
        sourceAddress = r.sourceAddress
        previousHash = r.previousHash
        hash = r.hash
    }

    /// The entry as the chain hashes it; nil when its stored action is not one Safeguard writes (never read as
    /// another action: "view" stored as "viewed" would then hash, and verify, as the entry that was written).
    var record: AuditRecord? {
        guard let known = AuditAction(rawValue: action) else { return nil }
        return AuditRecord(
            sequence: sequence, occurredAtMillis: occurredAtMillis, userID: userID, agencyID: agencyID,
            action: known, recordType: recordType, recordID: recordID,
            reason: reason, sourceAddress: sourceAddress, previousHash: previousHash, hash: hash)
    }
}

/// The last entry written, kept beside the trail so that removing its tail is detectable.
final class AuditHead: Model, @unchecked Sendable {
    static let schema = "audit_head"
    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "sequence") var sequence: Int64
    @Field(key: "hash") var hash: String

    init() {}
    init(sequence: Int64, hash: String) {
        self.id = 1
        self.sequence = sequence
        self.hash = hash
    }
}

/// A user opening a record their agency is not involved with. Open for a limited time; each
/// one waits on the partnership's audit review until someone marks it reviewed.
final class BreakGlassGrant: Model, @unchecked Sendable {
    static let schema = "break_glass_grants"
    @ID var id: UUID?
    @Parent(key: "user_id") var user: User
    @Parent(key: "person_id") var person: Person
    @Field(key: "reason") var reason: String
    @Field(key: "granted_at") var grantedAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalParent(key: "reviewed_by") var reviewedBy: User?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @OptionalField(key: "review_note") var reviewNote: String?

    init() {}
    init(userID: UUID, personID: UUID, reason: String, grantedAt: Date, expiresAt: Date) {
        self.$user.id = userID
        self.$person.id = personID
        self.reason = reason
        self.grantedAt = grantedAt
        self.expiresAt = expiresAt
    }
}
