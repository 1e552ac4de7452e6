import Fluent
import Foundation
import SafeguardCore
import Vapor

/// A concern about one or more people, sent to the MASH by any agency.
package final class Referral: Model, @unchecked Sendable {
    package static let schema = "referrals"
    @ID package var id: UUID?
    /// What the referrer quotes when they phone: "MASH-2026-000123".
    @Field(key: "reference") package var reference: String
    /// Moved on only by ``move(_:)``, as ``ReferralStatus`` allows: no route sets it.
    @Field(key: "status") private(set) var status: ReferralStatus
    @Parent(key: "referrer_user_id") package var referrer: User
    @Parent(key: "referrer_agency_id") package var referrerAgency: Agency
    @Field(key: "referrer_phone") package var referrerPhone: String
    @Field(key: "address_line1") package var addressLine1: String
    @Field(key: "address_town") package var addressTown: String
    @Field(key: "address_postcode") package var addressPostcode: String
    @OptionalParent(key: "district_id") package var district: District?
    /// Concern categories' raw values, space-separated.
    @Field(key: "concerns") package var concerns: String
    @Field(key: "what_happened") package var whatHappened: String
    @Field(key: "family_awareness") package var familyAwareness: String
    @Field(key: "lawful_basis") package var lawfulBasis: String
    @Field(key: "urgency") package var urgency: String
    @OptionalField(key: "rag") package var rag: String?
    @OptionalParent(key: "triaged_by") package var triagedBy: User?
    @OptionalField(key: "triaged_at") package var triagedAt: Date?
    @OptionalField(key: "submitted_at") package var submittedAt: Date?
    @OptionalField(key: "decision_due_at") package var decisionDueAt: Date?
    /// The MASH worker the referral is allocated to (``ReferralAllocation`` says who may allocate).
    @OptionalParent(key: "allocated_to_id") package var allocatedTo: User?
    @OptionalParent(key: "allocated_by_id") package var allocatedBy: User?
    @OptionalField(key: "allocated_at") package var allocatedAt: Date?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    @Children(for: \.$referral) package var subjects: [ReferralSubject]

    package init() {}

    /// A referral as its referrer starts it: a draft nobody else sees.
    package static func newDraft() -> Referral {
        let r = Referral()
        r.status = .draft
        return r
    }

    /// Moves the referral on by `event`. A move the workflow does not allow now is refused as a conflict: the
    /// page it came from is out of date (another tab or a colleague moved the referral first).
    package func move(_ event: ReferralStatus.Event) throws {
        guard let next = status.after(event) else {
            throw Abort(
                .conflict,
                reason:
                    "This referral is \(status.displayName.lowercased()) now, so this step was not saved. Open it again to see where it is."
            )
        }
        status = next
    }

    /// What the MASH's decisions are made on: where the referral is in its workflow and who has it. Checked again
    /// on the held row inside each decision's write (see `Database.holdUnchanged`).
    package func sameWorkflowState(as other: Referral) -> Bool {
        status == other.status && $allocatedTo.id == other.$allocatedTo.id
    }
    package var concernList: [ConcernCategory] {
        concerns.split(separator: " ").compactMap { ConcernCategory(rawValue: String($0)) }
    }
    package var ragRating: RAGRating? { rag.flatMap(RAGRating.init(rawValue:)) }

    /// The referral as the work queue's rules see it (``MASHQueue``): the queue page and My work both ask them.
    /// Only a sent referral is queued, and a referral is sent only with its urgency answered ("" while a draft).
    package func queueItem(subjects: [String], overdueRequests: Int) throws -> MASHQueue.Item {
        MASHQueue.Item(
            id: id?.uuidString ?? "", reference: reference, subjects: subjects, status: status, rag: ragRating,
            urgency: try .stored(urgency, table: Self.schema, column: "urgency", id: id), submittedAt: submittedAt,
            decisionDueAt: decisionDueAt,
            allocatedTo: $allocatedTo.id?.uuidString, district: $district.id?.uuidString,
            overdueRequests: overdueRequests)
    }
}

/// One person a referral is about, as the referrer described them, and the person record the
/// MASH linked them to.
package final class ReferralSubject: Model, @unchecked Sendable {
    package static let schema = "referral_subjects"
    @ID package var id: UUID?
    @Parent(key: "referral_id") package var referral: Referral
    @Field(key: "first_name") package var firstName: String
    @Field(key: "last_name") package var lastName: String
    @OptionalField(key: "date_of_birth") package var dateOfBirth: String?
    @Field(key: "gender") package var gender: String
    @OptionalField(key: "nhs_number") package var nhsNumber: String?
    @OptionalParent(key: "person_id") package var person: Person?

    package init() {}

    package var fullName: String { "\(firstName) \(lastName)" }
    package var dob: SimpleDate? { dateOfBirth.flatMap(SimpleDate.init(iso:)) }
}

/// The MASH asking one partner agency what it knows, by a deadline set from the RAG rating.
package final class InformationRequest: Model, @unchecked Sendable {
    package static let schema = "information_requests"
    @ID package var id: UUID?
    @Parent(key: "referral_id") package var referral: Referral
    @Parent(key: "agency_id") package var agency: Agency
    @Field(key: "rag") package var rag: String
    @Field(key: "raised_at") package var raisedAt: Date
    @Field(key: "due_at") package var dueAt: Date
    @Parent(key: "raised_by") package var raisedBy: User
    @OptionalField(key: "answer") package var answer: String?
    @OptionalField(key: "answered_at") package var answeredAt: Date?
    @OptionalParent(key: "answered_by") package var answeredBy: User?
    @OptionalField(key: "chased_at") package var chasedAt: Date?

    package init() {}

    package func isOverdue(at now: Date) -> Bool { answeredAt == nil && now > dueAt }
}

/// A recorded threshold decision and its sign-off.
package final class ThresholdDecisionRecord: Model, @unchecked Sendable {
    package static let schema = "threshold_decisions"
    @ID package var id: UUID?
    @Parent(key: "referral_id") package var referral: Referral
    @Field(key: "level") package var level: Int
    @Field(key: "outcome") package var outcome: String
    @Field(key: "rationale") package var rationale: String
    @Parent(key: "decided_by") package var decidedBy: User
    @Field(key: "decided_at") package var decidedAt: Date
    @OptionalParent(key: "signed_off_by") package var signedOffBy: User?
    @OptionalField(key: "signed_off_at") package var signedOffAt: Date?
    @OptionalField(key: "returned_note") package var returnedNote: String?

    package init() {}

    package var referralOutcome: ReferralOutcome? { ReferralOutcome(rawValue: outcome) }
}
