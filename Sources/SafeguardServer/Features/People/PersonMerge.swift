import Fluent
import Foundation

/// One merge of a duplicate record into the record kept, and what it moved, so it can be undone.
final class PersonMerge: Model, @unchecked Sendable {
    static let schema = "person_merges"
    @ID var id: UUID?
    @Parent(key: "kept_person_id") var kept: Person
    @Parent(key: "merged_person_id") var merged: Person
    @Field(key: "reason") var reason: String
    /// JSON list of ``Move``: every row the merge changed or added.
    @Field(key: "moves") var moves: String
    @Parent(key: "merged_by") var mergedBy: User
    @Field(key: "merged_at") var mergedAt: Date
    @OptionalParent(key: "undone_by") var undoneBy: User?
    @OptionalField(key: "undone_at") var undoneAt: Date?
    @OptionalField(key: "undo_reason") var undoReason: String?

    init() {}

    /// A row the merge moved from the duplicate to the kept record (`column` changed), or added
    /// (`column` nil: undoing deletes it).
    struct Move: Codable, Sendable, Equatable {
        var table: String
        var column: String?
        var rowID: UUID
    }

    var moveList: [Move] {
        (try? JSONDecoder().decode([Move].self, from: Data(moves.utf8))) ?? []
    }
}
