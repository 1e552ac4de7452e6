import Fluent
import Foundation
import SafeguardCore

/// A registration key as stored. Looked up by its normalised code (unique), so a key typed with
/// other spacing or capitals still finds its row.
package final class RegistrationKeyRecord: Model, @unchecked Sendable {
    package static let schema = "registration_keys"
    @ID package var id: UUID?
    @Parent(key: "agency_id") package var agency: Agency
    @Field(key: "code") package var code: String
    @Field(key: "normalised_code") package var normalisedCode: String
    @Field(key: "issued_at") package var issuedAt: Date
    @Parent(key: "issued_by") package var issuedBy: User
    @OptionalField(key: "revoked_at") package var revokedAt: Date?

    package init() {}

    package init(_ key: RegistrationKey, issuedBy: UUID) {
        id = key.id
        $agency.id = key.agencyID
        code = key.code
        normalisedCode = key.normalisedCode
        issuedAt = key.issuedAt
        $issuedBy.id = issuedBy
        revokedAt = key.revokedAt
    }

    package var key: RegistrationKey {
        RegistrationKey(id: id ?? UUID(), agencyID: $agency.id, code: code, issuedAt: issuedAt, revokedAt: revokedAt)
    }
}
