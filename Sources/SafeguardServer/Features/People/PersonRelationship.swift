import Fluent
import SafeguardCore
import Foundation

/// "from is the kind of to": Dean is the mother's partner of Kayla.
final class PersonRelationship: Model, @unchecked Sendable {
    static let schema = "relationships"
    @ID var id: UUID?
    @Parent(key: "from_person_id") var from: Person
    @Parent(key: "to_person_id") var to: Person
    @Field(key: "kind") var kind: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(fromID: UUID, toID: UUID, kind: String) {
        self.$from.id = fromID
        self.$to.id = toID
        self.kind = kind
    }
}

/// An agency working with a person: what gives its staff need to know.
final class AgencyInvolvement: Model, @unchecked Sendable {
    static let schema = "agency_involvements"
    @ID var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "started_on") var startedOn: String
    @OptionalField(key: "ended_on") var endedOn: String?

    init() {}
    init(personID: UUID, agencyID: UUID, startedOn: String) {
        self.$person.id = personID
        self.$agency.id = agencyID
        self.startedOn = startedOn
    }
}

/// One event in a person's multi-agency chronology. Features add entries as things happen
/// (a record created, a referral, a decision); the person page shows those the viewer may see.
final class ChronologyEntry: Model, @unchecked Sendable {
    static let schema = "chronology_entries"
    @ID var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Field(key: "occurred_at") var occurredAt: Date
    @OptionalParent(key: "agency_id") var agency: Agency?
    @Field(key: "category") var category: String
    @Field(key: "summary") var summary: String
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    /// A ``ChronologyVisibility`` raw value: who may read this entry.
    @Field(key: "visibility") var visibility: String

    init() {}
    init(personID: UUID, occurredAt: Date, agencyID: UUID?, category: String, summary: String, recordedBy: UUID?,
         visibility: ChronologyVisibility = .record) {
        self.visibility = visibility.rawValue
        self.$person.id = personID
        self.occurredAt = occurredAt
        self.$agency.id = agencyID
        self.category = category
        self.summary = summary
        self.$recordedBy.id = recordedBy
    }
}
