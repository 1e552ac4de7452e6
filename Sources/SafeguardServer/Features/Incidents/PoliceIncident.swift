import Fluent
import Foundation
import SafeguardCore

/// An incident a police system reported, with what the address matcher made of it.
package final class PoliceIncident: Model, @unchecked Sendable {
    package static let schema = "police_incidents"
    @ID package var id: UUID?
    /// The police force that sent it.
    @Parent(key: "agency_id") package var agency: Agency
    /// The force's own reference: the same reference sent again changes nothing.
    @Field(key: "reference") package var reference: String
    @Field(key: "occurred_at") package var occurredAt: Date
    @Field(key: "incident_type") package var incidentType: String
    /// The address as the call handler typed it.
    @Field(key: "address_text") package var addressText: String
    @OptionalField(key: "postcode") package var postcode: String?
    @Field(key: "summary") package var summary: String
    @Field(key: "received_at") package var receivedAt: Date
    @Field(key: "match_outcome") package var matchOutcome: IncidentMatch
    /// The marked address the matcher chose: every child with an active marker there is concerned.
    @OptionalParent(key: "matched_address_id") package var matchedAddress: Address?
    @OptionalField(key: "match_score") package var matchScore: Double?
    /// The matcher's reasons, one per line, for the information management officer.
    @Field(key: "match_reasons") package var matchReasons: String
    /// The information management team's check; ``IncidentReview`` decides it.
    @Field(key: "review_status") package var reviewStatus: IncidentReviewStatus
    @OptionalParent(key: "reviewed_by") package var reviewedBy: User?
    @OptionalField(key: "reviewed_at") package var reviewedAt: Date?
    /// Why a match was rejected, or the officer's note when forwarding.
    @OptionalField(key: "review_note") package var reviewNote: String?

    package init() {}

    package var review: IncidentReview { IncidentReview(status: reviewStatus, note: reviewNote) }

    /// Stores the officer's check, with who made it and when.
    package func set(_ review: IncidentReview, by userID: UUID, at now: Date) {
        reviewStatus = review.status
        reviewNote = review.note
        $reviewedBy.id = userID
        reviewedAt = now
    }
}

/// A confirmed incident sent to the social worker of one child marked at the address.
final class IncidentAlert: Model, @unchecked Sendable {
    static let schema = "incident_alerts"
    @ID var id: UUID?
    @Parent(key: "incident_id") var incident: PoliceIncident
    @Parent(key: "protection_id") var protection: ProtectionRecord
    @Parent(key: "person_id") var person: Person
    @Parent(key: "social_worker_id") var socialWorker: User
    @Field(key: "forwarded_at") var forwardedAt: Date
    /// Once the social worker has looked.
    @OptionalField(key: "decision") var decision: IncidentRelevance?
    @OptionalParent(key: "decided_by") var decidedBy: User?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decision_note") var decisionNote: String?
    /// The MASH referral asking the police for the full details, when the social worker asked.
    @OptionalParent(key: "details_referral_id") var detailsReferral: Referral?

    init() {}

    var decisionState: IncidentAlertDecision {
        IncidentAlertDecision(relevance: decision, note: decisionNote, detailsRequested: $detailsReferral.id != nil)
    }

    /// Stores the social worker's decision, with who made it and when.
    func set(_ d: IncidentAlertDecision, by userID: UUID, at now: Date) {
        decision = d.relevance
        decisionNote = d.note
        $decidedBy.id = userID
        decidedAt = now
    }
}
