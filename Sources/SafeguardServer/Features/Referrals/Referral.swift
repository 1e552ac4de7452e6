import Fluent
import Foundation
import SafeguardCore
import Vapor

/// A concern about one or more people, sent to the MASH by any agency.
final class Referral: Model, @unchecked Sendable {
    static let schema = "referrals"
    @ID var id: UUID?
    /// What the referrer quotes when they phone: "MASH-2026-000123".
    @Field(key: "reference") var reference: String
    /// Moved on only by ``move(_:)``, as ``ReferralStatus`` allows: no route sets it.
    @Field(key: "status") private(set) var status: ReferralStatus
    @Parent(key: "referrer_user_id") var referrer: User
    @Parent(key: "referrer_agency_id") var referrerAgency: Agency
    @Field(key: "referrer_phone") var referrerPhone: String
    @Field(key: "address_line1") var addressLine1: String
    @Field(key: "address_town") var addressTown: String
    @Field(key: "address_postcode") var addressPostcode: String
    @OptionalParent(key: "district_id") var district: District?
    /// Concern categories' raw values, space-separated.
    @Field(key: "concerns") var concerns: String
    @Field(key: "what_happened") var whatHappened: String
    @Field(key: "family_awareness") var familyAwareness: String
    @Field(key: "lawful_basis") var lawfulBasis: String
    @Field(key: "urgency") var urgency: String
    @OptionalField(key: "rag") var rag: String?
    @OptionalParent(key: "triaged_by") var triagedBy: User?
    @OptionalField(key: "triaged_at") var triagedAt: Date?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "decision_due_at") var decisionDueAt: Date?
    /// The MASH worker the referral is allocated to (``ReferralAllocation`` says who may allocate).
    @OptionalParent(key: "allocated_to_id") var allocatedTo: User?
    @OptionalParent(key: "allocated_by_id") var allocatedBy: User?
    @OptionalField(key: "allocated_at") var allocatedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Children(for: \.$referral) var subjects: [ReferralSubject]

    init() {}

    /// A referral as its referrer starts it: a draft nobody else sees.
    static func newDraft() -> Referral {
        let r = Referral()
        r.status = .draft
        return r
    }

    /// Moves the referral on by `event`. A move the workflow does not allow now is refused as a conflict: the
    /// page it came from is out of date (another tab or a colleague moved the referral first).
    func move(_ event: ReferralStatus.Event) throws {
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
    func sameWorkflowState(as other: Referral) -> Bool {
        status == other.status && $allocatedTo.id == other.$allocatedTo.id
    }
    var concernList: [ConcernCategory] {
        concerns.split(separator: " ").compactMap { ConcernCategory(rawValue: String($0)) }
    }
    var ragRating: RAGRating? { rag.flatMap(RAGRating.init(rawValue:)) }

    /// The referral as the work queue's rules see it (``MASHQueue``): the queue page and My work both ask them.
    func queueItem(subjects: [String], overdueRequests: Int) -> MASHQueue.Item {
        MASHQueue.Item(
            id: id?.uuidString ?? "", reference: reference, subjects: subjects, status: status, rag: ragRating,
            urgency: ReferralUrgency(rawValue: urgency) ?? .standard, submittedAt: submittedAt,
            decisionDueAt: decisionDueAt,
            allocatedTo: $allocatedTo.id?.uuidString, district: $district.id?.uuidString,
            overdueRequests: overdueRequests)
    }
}

/// One person a referral is about, as the referrer described them, and the person record the
/// MASH linked them to.
final class ReferralSubject: Model, @unchecked Sendable {
    static let schema = "referral_subjects"
    @ID var id: UUID?
    @Parent(key: "referral_id") var referral: Referral
    @Field(key: "first_name") var firstName: String
    @Field(key: "last_name") var lastName: String
    @OptionalField(key: "date_of_birth") var dateOfBirth: String?
    @Field(key: "gender") var gender: String
    @OptionalField(key: "nhs_number") var nhsNumber: String?
    @OptionalParent(key: "person_id") var person: Person?

    init() {}

    var fullName: String { "\(firstName) \(lastName)" }
    var dob: SimpleDate? { dateOfBirth.flatMap(SimpleDate.init(iso:)) }
}

/// The MASH asking one partner agency what it knows, by a deadline set from the RAG rating.
final class InformationRequest: Model, @unchecked Sendable {
    static let schema = "information_requests"
    @ID var id: UUID?
    @Parent(key: "referral_id") var referral: Referral
    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "rag") var rag: String
    @Field(key: "raised_at") var raisedAt: Date
    @Field(key: "due_at") var dueAt: Date
    @Parent(key: "raised_by") var raisedBy: User
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "answered_at") var answeredAt: Date?
    @OptionalParent(key: "answered_by") var answeredBy: User?
    @OptionalField(key: "chased_at") var chasedAt: Date?

    init() {}

    func isOverdue(at now: Date) -> Bool { answeredAt == nil && now > dueAt }
}

/// A recorded threshold decision and its sign-off.
final class ThresholdDecisionRecord: Model, @unchecked Sendable {
    static let schema = "threshold_decisions"
    @ID var id: UUID?
    @Parent(key: "referral_id") var referral: Referral
    @Field(key: "level") var level: Int
    @Field(key: "outcome") var outcome: String
    @Field(key: "rationale") var rationale: String
    @Parent(key: "decided_by") var decidedBy: User
    @Field(key: "decided_at") var decidedAt: Date
    @OptionalParent(key: "signed_off_by") var signedOffBy: User?
    @OptionalField(key: "signed_off_at") var signedOffAt: Date?
    @OptionalField(key: "returned_note") var returnedNote: String?

    init() {}

    var referralOutcome: ReferralOutcome? { ReferralOutcome(rawValue: outcome) }
}
