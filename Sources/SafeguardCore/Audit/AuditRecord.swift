import Crypto
import Foundation

/// One entry of the audit trail: who (user and agency), when, which record, what was done,
/// the reason where one was given, and from which network address. Each entry carries the
/// hash of the one before, so altering or removing any entry breaks the chain after it.
public struct AuditRecord: Equatable, Sendable {
    public var sequence: Int64
    /// Milliseconds since 1970 UTC: an integer so the hashed text is the same on every database.
    public var occurredAtMillis: Int64
    public var userID: String
    public var agencyID: String
    public var action: AuditAction
    public var recordType: String
    public var recordID: String
    public var reason: String
    public var sourceAddress: String
    public var previousHash: String
    public var hash: String

    /// The hash the first entry chains to.
    public static let genesisHash = String(repeating: "0", count: 64)

    public init(
        sequence: Int64, occurredAtMillis: Int64, userID: String, agencyID: String, action: AuditAction,
        recordType: String, recordID: String, reason: String, sourceAddress: String,
        previousHash: String, hash: String = ""
    ) {
        self.sequence = sequence
        self.occurredAtMillis = occurredAtMillis
        self.userID = userID
        self.agencyID = agencyID
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.reason = reason
        self.sourceAddress = sourceAddress
        self.previousHash = previousHash
        self.hash = ""
        self.hash = hash.isEmpty ? computedHash : hash
    }

    /// SHA-256 over every field but the hash itself. Fields are length-prefixed so that no
    /// shift of characters between two fields can give the same text.
    public var computedHash: String {
        let fields = [
            String(sequence), String(occurredAtMillis), userID, agencyID, action.rawValue,
            recordType, recordID, reason, sourceAddress, previousHash,
        ]
        let canonical = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return HexText.lowercase(SHA256.hash(data: Data(canonical.utf8)))
    }

    /// The entry that follows this one.
    public func next(
        occurredAtMillis: Int64, userID: String, agencyID: String, action: AuditAction,
        recordType: String, recordID: String, reason: String, sourceAddress: String
    ) -> AuditRecord {
        AuditRecord(
            sequence: sequence + 1, occurredAtMillis: occurredAtMillis, userID: userID, agencyID: agencyID,
            action: action, recordType: recordType, recordID: recordID, reason: reason,
            sourceAddress: sourceAddress, previousHash: hash)
    }
}
