import Fluent
import Foundation

/// A partner system's key to the API, scoped to one agency and a set of permissions.
/// Only a hash of the secret is stored; the secret is shown once, when it is made.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    /// The first characters of the token, so an administrator can tell tokens apart.
    @Field(key: "prefix") var prefix: String
    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "permissions") var permissions: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}
    init(name: String, tokenHash: String, prefix: String, agencyID: UUID, permissions: [String], createdAt: Date) {
        self.name = name
        self.tokenHash = tokenHash
        self.prefix = prefix
        self.$agency.id = agencyID
        self.permissions = permissions.sorted().joined(separator: " ")
        self.createdAt = createdAt
    }

    var permissionSet: Set<String> { Self.permissionSet(permissions) }
    static func permissionSet(_ stored: String) -> Set<String> { Set(stored.split(separator: " ").map(String.init)) }
}
