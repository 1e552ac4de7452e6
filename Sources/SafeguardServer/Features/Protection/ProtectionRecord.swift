import Fluent
import Foundation
import SafeguardCore

/// A child's child protection plan, unborn plan or looked-after status, from start to end.
final class ProtectionRecord: Model, @unchecked Sendable {
    static let schema = "protection_records"
    @ID var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Field(key: "kind") var kind: ProtectionKind
    /// ``ProtectionCategory`` raw values, space-separated; empty for looked-after status.
    @Field(key: "categories") var categories: String
    @Field(key: "start_date") var startDate: String
    @OptionalField(key: "end_date") var endDate: String?
    @OptionalField(key: "end_reason") var endReason: String?
    /// The allocated social worker: the contact the police and health are given.
    @Parent(key: "social_worker_id") var socialWorker: User
    @OptionalField(key: "strategy_discussion_date") var strategyDiscussionDate: String?
    @OptionalField(key: "initial_conference_date") var initialConferenceDate: String?
    @OptionalField(key: "last_review_date") var lastReviewDate: String?
    /// The council case system's id, when loaded by `safeguard import cp-plans`: loading the same row twice changes nothing.
    @OptionalField(key: "external_reference") var externalReference: String?
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    @Field(key: "recorded_at") var recordedAt: Date
    @Children(for: \.$protection) var markers: [PlaceOfInterestMarker]

    init() {}

    var categoryList: [ProtectionCategory] {
        categories.split(separator: " ").compactMap { ProtectionCategory(rawValue: String($0)) }
    }
    var start: SimpleDate? { SimpleDate(iso: startDate) }
    var end: SimpleDate? { endDate.flatMap(SimpleDate.init(iso:)) }
    func isActive(on day: SimpleDate) -> Bool { (start.map { $0 <= day } ?? false) && (end.map { $0 > day } ?? true) }
}

/// A police "Place of Interest" marker on an address relevant to a protection record. Ending it keeps
/// the row, so the history of which addresses were marked, when and why, is never lost.
final class PlaceOfInterestMarker: Model, @unchecked Sendable {
    static let schema = "place_of_interest_markers"
    @ID var id: UUID?
    @Parent(key: "address_id") var address: Address
    @Parent(key: "protection_id") var protection: ProtectionRecord
    /// Why this address: "Kayla's home", "home of Dean Walker (mother's partner)".
    @Field(key: "reason") var reason: String
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "ended_at") var endedAt: Date?
    @OptionalField(key: "end_reason") var endReason: String?

    init() {}
    init(addressID: UUID, protectionID: UUID, reason: String, startedAt: Date) {
        self.$address.id = addressID
        self.$protection.id = protectionID
        self.reason = reason
        self.startedAt = startedAt
    }

    var isActive: Bool { endedAt == nil }
}

extension User {
    /// "Aisha Okoro, Assessment and Safeguarding – Calder Vale, Northmere Children's Services, email": how
    /// the police, health and colleagues reach a child's social worker. Needs agency and team loaded.
    var contactLine: String {
        [displayName, team?.name, agency.name, email].compactMap { $0 }.joined(separator: ", ")
    }
}
