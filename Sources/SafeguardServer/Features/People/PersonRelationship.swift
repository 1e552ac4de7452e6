import Fluent
import Foundation
import SafeguardCore

/// "from is the kind of to": Dean is the mother's partner of Kayla.
package final class PersonRelationship: Model, @unchecked Sendable {
    package static let schema = "relationships"
    @ID package var id: UUID?
    @Parent(key: "from_person_id") package var from: Person
    @Parent(key: "to_person_id") package var to: Person
    @Field(key: "kind") package var kind: String
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    package init() {}
    package init(fromID: UUID, toID: UUID, kind: String) {
        self.$from.id = fromID
        self.$to.id = toID
        self.kind = kind
    }
}

/// An agency working with a person: what gives its staff need to know.
package final class AgencyInvolvement: Model, @unchecked Sendable {
    package static let schema = "agency_involvements"
    @ID package var id: UUID?
    @Parent(key: "person_id") package var person: Person
    @Parent(key: "agency_id") package var agency: Agency
    @Field(key: "started_on") package var startedOn: String
    @OptionalField(key: "ended_on") package var endedOn: String?

    package init() {}
    package init(personID: UUID, agencyID: UUID, startedOn: String) {
        self.$person.id = personID
        self.$agency.id = agencyID
        self.startedOn = startedOn
    }
}

/// One event in a person's multi-agency chronology. Features add entries as things happen
/// (a record created, a referral, a decision); the person page shows those the viewer may see.
package final class ChronologyEntry: Model, @unchecked Sendable {
    package static let schema = "chronology_entries"
    @ID package var id: UUID?
    @Parent(key: "person_id") package var person: Person
    @Field(key: "occurred_at") package var occurredAt: Date
    @OptionalParent(key: "agency_id") package var agency: Agency?
    @Field(key: "category") package var category: String
    @Field(key: "summary") package var summary: String
    @OptionalParent(key: "recorded_by") package var recordedBy: User?
    /// A ``ChronologyVisibility`` raw value: who may read this entry.
    @Field(key: "visibility") package var visibility: String
    /// When it was typed; `occurredAt` is when it happened, and the chronology is in that order.
    @OptionalField(key: "recorded_at") package var recordedAt: Date?
    /// It happened on a day, not at a known time: shown as the day alone.
    @Field(key: "date_only") package var dateOnly: Bool

    package init() {}
    /// An entry about something that happened at `occurredAt`; `recordedAt` defaults to the same moment,
    /// for the many entries written as the thing happens.
    package init(
        personID: UUID, occurredAt: Date, agencyID: UUID?, category: String, summary: String, recordedBy: UUID?,
        visibility: ChronologyVisibility = .record, recordedAt: Date? = nil
    ) {
        self.visibility = visibility.rawValue
        self.recordedAt = recordedAt ?? occurredAt
        self.dateOnly = false
        self.$person.id = personID
        self.occurredAt = occurredAt
        self.$agency.id = agencyID
        self.category = category
        self.summary = summary
        self.$recordedBy.id = recordedBy
    }
}

extension ChronologyEntry {
    /// An entry about something that happened on `day` (a plan's start, a move), typed at `recordedAt`.
    package static func onDay(
        _ day: SimpleDate, personID: UUID, agencyID: UUID?, category: String, summary: String, recordedBy: UUID?,
        recordedAt: Date, visibility: ChronologyVisibility = .record
    ) -> ChronologyEntry {
        let entry = ChronologyEntry(
            personID: personID, occurredAt: ChronologyDay.instant(of: day), agencyID: agencyID, category: category,
            summary: summary, recordedBy: recordedBy, visibility: visibility, recordedAt: recordedAt)
        entry.dateOnly = true
        return entry
    }
}
