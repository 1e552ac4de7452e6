import Fluent
import Foundation
import SafeguardCore

/// One check on a man in a child's life: seen, assessed or checked with police, on a day, by an agency.
final class MaleCarerCheckRecord: Model, @unchecked Sendable {
    static let schema = "male_carer_checks"
    @ID var id: UUID?
    @Parent(key: "child_id") var child: Person
    @Parent(key: "man_id") var man: Person
    /// A ``MaleCarerCheck`` raw value.
    @Field(key: "kind") var kind: String
    /// The day it was done (ISO date).
    @Field(key: "done_on") var doneOn: String
    @Field(key: "note") var note: String
    @Parent(key: "agency_id") var agency: Agency
    @Parent(key: "recorded_by") var recordedBy: User
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(
        childID: UUID, manID: UUID, kind: MaleCarerCheck, doneOn: SimpleDate, note: String, agencyID: UUID,
        userID: UUID, at now: Date
    ) {
        $child.id = childID
        $man.id = manID
        self.kind = kind.rawValue
        self.doneOn = doneOn.iso
        self.note = note
        $agency.id = agencyID
        $recordedBy.id = userID
        recordedAt = now
    }

    var check: MaleCarerCheck? { MaleCarerCheck(rawValue: kind) }
}
