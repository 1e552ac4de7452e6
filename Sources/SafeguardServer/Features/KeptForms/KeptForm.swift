import Fluent
import Foundation
import SafeguardCore

/// A form sent after its session ran out (``KeptFormRules``): where it was going and what it held.
final class KeptForm: Model, @unchecked Sendable {
    static let schema = "kept_forms"
    @ID var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "path") var path: String
    /// The fields as a JSON array of [name, value] pairs, in the order sent, without the CSRF token.
    @Field(key: "fields") var fieldsJSON: String
    @Field(key: "kept_at") var keptAt: Date

    init() {}
    init(userID: UUID, path: String, fields: [(name: String, value: String)], at now: Date) {
        $user.id = userID
        self.path = path
        let pairs = fields.filter { $0.name != CSRFMiddleware.fieldName }.map { [$0.name, $0.value] }
        fieldsJSON = String(decoding: (try? JSONEncoder().encode(pairs)) ?? Data("[]".utf8), as: UTF8.self)
        keptAt = now
    }

    var fields: [(name: String, value: String)] {
        let pairs = (try? JSONDecoder().decode([[String]].self, from: Data(fieldsJSON.utf8))) ?? []
        return pairs.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
    }

    /// The user's kept form `id`, if it is still offered; expired ones are not found.
    static func find(_ id: UUID?, for userID: UUID, now: Date, on db: Database) async throws -> KeptForm? {
        guard let id, let kept = try await KeptForm.find(id, on: db), kept.$user.id == userID,
            KeptFormRules.isOffered(keptAt: kept.keptAt, now: now)
        else { return nil }
        return kept
    }
}
