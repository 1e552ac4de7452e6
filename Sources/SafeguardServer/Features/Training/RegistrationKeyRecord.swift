import Fluent
import Foundation
import SafeguardCore

/// A registration key as stored. Looked up by its normalised code (unique), so a key typed with
/// other spacing or capitals still finds its row.
final class RegistrationKeyRecord: Model, @unchecked Sendable {
    static let schema = "registration_keys"
    @ID var id: UUID?
    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "code") var code: String
    @Field(key: "normalised_code") var normalisedCode: String
    @Field(key: "issued_at") var issuedAt: Date
    @Parent(key: "issued_by") var issuedBy: User
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    init(_ key: RegistrationKey, issuedBy: UUID) {
        id = key.id
        $agency.id = key.agencyID
        code = key.code
        normalisedCode = key.normalisedCode
        issuedAt = key.issuedAt
        $issuedBy.id = issuedBy
        revokedAt = key.revokedAt
    }

    var key: RegistrationKey {
        RegistrationKey(id: id ?? UUID(), agencyID: $agency.id, code: code, issuedAt: issuedAt, revokedAt: revokedAt)
    }
}
