import Fluent
import Foundation
import SafeguardCore

/// A child's child protection plan, unborn plan or looked-after status, from start to end.
package final class ProtectionRecord: Model, @unchecked Sendable {
    package static let schema = "protection_records"
    @ID package var id: UUID?
    @Parent(key: "person_id") package var person: Person
    @Field(key: "kind") package var kind: ProtectionKind
    /// ``ProtectionCategory`` raw values, space-separated; empty for looked-after status.
    @Field(key: "categories") package var categories: String
    @Field(key: "start_date") package var startDate: String
    @OptionalField(key: "end_date") package var endDate: String?
    @OptionalField(key: "end_reason") package var endReason: String?
    /// The allocated social worker: the contact the police and health are given.
    @Parent(key: "social_worker_id") package var socialWorker: User
    @OptionalField(key: "strategy_discussion_date") package var strategyDiscussionDate: String?
    @OptionalField(key: "initial_conference_date") package var initialConferenceDate: String?
    @OptionalField(key: "last_review_date") package var lastReviewDate: String?
    /// The council case system's id, when loaded by `safeguard import cp-plans`: loading the same row twice changes nothing.
    @OptionalField(key: "external_reference") package var externalReference: String?
    @OptionalParent(key: "recorded_by") package var recordedBy: User?
    @Field(key: "recorded_at") package var recordedAt: Date
    @Children(for: \.$protection) package var markers: [PlaceOfInterestMarker]

    package init() {}

    package var categoryList: [ProtectionCategory] {
        categories.split(separator: " ").compactMap { ProtectionCategory(rawValue: String($0)) }
    }
    package var start: SimpleDate? { SimpleDate(iso: startDate) }
    package var end: SimpleDate? { endDate.flatMap(SimpleDate.init(iso:)) }
    package func isActive(on day: SimpleDate) -> Bool {
        (start.map { $0 <= day } ?? false) && (end.map { $0 > day } ?? true)
    }
}

/// A police "Place of Interest" marker on an address relevant to a protection record. Ending it keeps
/// the row, so the history of which addresses were marked, when and why, is never lost.
package final class PlaceOfInterestMarker: Model, @unchecked Sendable {
    package static let schema = "place_of_interest_markers"
    @ID package var id: UUID?
    @Parent(key: "address_id") package var address: Address
    @Parent(key: "protection_id") package var protection: ProtectionRecord
    /// Why this address: "Kayla's home", "home of Dean Walker (mother's partner)".
    @Field(key: "reason") package var reason: String
    @Field(key: "started_at") package var startedAt: Date
    @OptionalField(key: "ended_at") package var endedAt: Date?
    @OptionalField(key: "end_reason") package var endReason: String?

    package init() {}
    package init(addressID: UUID, protectionID: UUID, reason: String, startedAt: Date) {
        self.$address.id = addressID
        self.$protection.id = protectionID
        self.reason = reason
        self.startedAt = startedAt
    }

    package var isActive: Bool { endedAt == nil }
}

extension User {
    /// "Aisha Okoro, Assessment and Safeguarding – Calder Vale, Northmere Children's Services, email": how
    /// the police, health and colleagues reach a child's social worker. Needs agency and team loaded.
    package var contactLine: String {
        [displayName, team?.name, agency.name, email].compactMap { $0 }.joined(separator: ", ")
    }
}
