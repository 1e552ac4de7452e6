import Fluent
import Foundation
import SafeguardCore

/// A worker's request, made under break-glass, for their agency to be recorded as working with
/// a person (``InvolvementRequestRules``), and the manager's decision.
final class InvolvementRequest: Model, @unchecked Sendable {
    static let schema = "involvement_requests"
    @ID var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Parent(key: "agency_id") var agency: Agency
    @Parent(key: "requested_by") var requestedBy: User
    @Field(key: "reason") var reason: String
    @Field(key: "requested_at") var requestedAt: Date
    /// An ``InvolvementRequestStatus`` raw value.
    @Field(key: "status") var status: InvolvementRequestStatus
    @OptionalParent(key: "decided_by") var decidedBy: User?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decision_note") var decisionNote: String?

    init() {}
    init(personID: UUID, agencyID: UUID, requestedBy: UUID, reason: String, at now: Date) {
        $person.id = personID
        $agency.id = agencyID
        $requestedBy.id = requestedBy
        self.reason = reason
        requestedAt = now
        status = InvolvementRequestStatus.pending
    }

}
