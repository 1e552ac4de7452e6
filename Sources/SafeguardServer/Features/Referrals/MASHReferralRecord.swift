import Fluent
import SafeguardCore
import Vapor

/// Everything the MASH sees of a referral, gathered into plain values for the page.
struct MASHReferralRecord: Sendable {
    struct Subject: Sendable {
        var id: UUID
        var name: String
        var dob: SimpleDate?
        var nhs: String?
        var linkedPerson: (UUID, String)?
        var candidates: [(id: UUID, name: String, why: String)]
    }
    struct Request: Sendable {
        var id: UUID
        var agency: String
        var rag: RAGRating?
        var due: Date
        var answered: Date?
        var answer: String?
        var overdue: Bool
        var chased: Date?
        /// Due at the referral's decision deadline, earlier than its RAG time would make it.
        var dueAtDecision = false
    }
    struct Decision: Sendable {
        var level: Int
        var outcome: String
        var rationale: String
        var by: String
        var at: Date
        var signedOffBy: String?
        var signedOffAt: Date?
        var returnedNote: String?
    }

    var id: UUID
    var reference: String
    var status: ReferralStatus
    var rag: RAGRating?
    var referrer: String
    var referrerAgency: String
    var referrerPhone: String
    var submittedAt: Date?
    var decisionDue: Date?
    var address: String
    var district: String?
    var concerns: [ConcernCategory]
    var whatHappened: String
    var familyAwareness: String
    var lawfulBasis: String
    var urgency: String
    var subjects: [Subject]
    var requests: [Request]
    var decisions: [Decision]
    /// The partners the manager may ask, grouped, with those already working with the child suggested first.
    var partnerGroups: [PartnerChoice.Group]
    var mayTriage: Bool, mayDecide: Bool, maySignOff: Bool
    /// Who works it, and who may change that: a manager chooses from `workers`; a practitioner may take it.
    var allocatedTo: String?
    var allocatedAt: Date?
    var allocatedToViewer: Bool
    var mayAllocateToOthers: Bool
    var mayTake: Bool
    var workers: [(id: UUID, name: String)]
    var viewerID: UUID
    var now: Date

    static func load(_ r: Referral, viewer: Viewer, on req: Vapor.Request) async throws -> MASHReferralRecord {
        let db = req.db
        let now = req.now
        let id = try r.requireID()
        try await r.$referrer.load(on: db)
        try await r.$referrerAgency.load(on: db)
        try await r.$district.load(on: db)
        let subjects = try await r.$subjects.query(on: db).with(\.$person).all()
        var subjectRows: [Subject] = []
        for s in subjects {
            let candidates = s.$person.id == nil ? try await SubjectCandidates.find(for: s, referral: r, on: req) : []
            subjectRows.append(
                Subject(
                    id: s.id!, name: s.fullName, dob: s.dob, nhs: s.nhsNumber.flatMap { try? NHSNumber($0).formatted },
                    linkedPerson: s.person.map { ($0.id!, $0.fullName) }, candidates: candidates))
        }
        let requests = try await InformationRequest.query(on: db).filter(\.$referral.$id == id).with(\.$agency).sort(
            \.$raisedAt
        ).all()
        let decisions = try await ThresholdDecisionRecord.query(on: db).filter(\.$referral.$id == id)
            .with(\.$decidedBy).with(\.$signedOffBy).sort(\.$decidedAt).all()
        let agencies = try await Agency.query(on: db).filter(\.$active == true).sort(\.$name).all()
        let linked = subjects.compactMap { $0.$person.id }
        let involved =
            linked.isEmpty
            ? []
            : try await AgencyInvolvement.query(on: db).filter(\.$person.$id ~~ linked).filter(\.$endedOn == nil)
                .all(\.$agency.$id)
        let status = r.status
        try await r.$allocatedTo.load(on: db)
        let mayAllocate = viewer.may(.allocateReferral) && status.isOpen
        let mayAllocateToOthers =
            mayAllocate
            && ReferralAllocation.check(
                by: viewer.role, isSelf: false, toRole: .mashPractitioner,
                current: nil, status: status) == nil
        let mayTake =
            mayAllocate && r.$allocatedTo.id != viewer.userID
            && ReferralAllocation.check(
                by: viewer.role, isSelf: true, toRole: viewer.role, current: r.$allocatedTo.id?.uuidString,
                status: status) == nil
        return MASHReferralRecord(
            id: id, reference: r.reference, status: status, rag: r.ragRating, referrer: r.referrer.displayName,
            referrerAgency: r.referrerAgency.name, referrerPhone: r.referrerPhone, submittedAt: r.submittedAt,
            decisionDue: r.decisionDueAt,
            address: [r.addressLine1, r.addressTown, r.addressPostcode].filter { !$0.isEmpty }.joined(separator: ", "),
            district: r.district?.name, concerns: r.concernList, whatHappened: r.whatHappened,
            familyAwareness: FamilyAwareness(rawValue: r.familyAwareness)?.displayName ?? "",
            lawfulBasis: LawfulBasis(rawValue: r.lawfulBasis)?.displayName ?? "",
            urgency: ReferralUrgency(rawValue: r.urgency)?.displayName ?? "",
            subjects: subjectRows,
            requests: try requests.map { q in
                Request(
                    id: q.id!, agency: q.agency.name, rag: try InformationRequestsController.rag(q), due: q.dueAt,
                    answered: q.answeredAt,
                    answer: q.answer, overdue: q.isOverdue(at: now), chased: q.chasedAt,
                    dueAtDecision: r.decisionDueAt.map { $0 == q.dueAt } ?? false)
            },
            decisions: decisions.map { d in
                Decision(
                    level: d.level, outcome: d.referralOutcome?.displayName ?? d.outcome, rationale: d.rationale,
                    by: d.decidedBy.displayName,
                    at: d.decidedAt, signedOffBy: d.signedOffBy?.displayName, signedOffAt: d.signedOffAt,
                    returnedNote: d.returnedNote)
            },
            partnerGroups: PartnerChoice.groups(
                agencies.map { PartnerChoice.Agency(id: $0.id!.uuidString, name: $0.name, kind: $0.kind) },
                involved: Set(involved.map(\.uuidString)), asked: Set(requests.map { $0.$agency.id.uuidString })),
            mayTriage: viewer.may(.triageReferral) && status.after(.triage) != nil,
            mayDecide: viewer.may(.recordDecision) && status.after(.recordDecision) != nil,
            maySignOff: viewer.may(.signOffDecision) && status == .awaitingSignOff,
            allocatedTo: r.allocatedTo?.displayName, allocatedAt: r.allocatedAt,
            allocatedToViewer: r.$allocatedTo.id == viewer.userID,
            mayAllocateToOthers: mayAllocateToOthers, mayTake: mayTake,
            workers: mayAllocateToOthers ? try await MASHController.workers(on: db) : [], viewerID: viewer.userID,
            now: now)
    }
}

/// People in the index who might be a referral's subject, ranked by the probabilistic matcher
/// (SafeguardCore/Identity), each with its probability and the evidence field by field.
enum SubjectCandidates {
    static func find(
        for s: ReferralSubject, referral: Referral, on req: Vapor.Request
    ) async throws -> [(id: UUID, name: String, why: String)] {
        let index = try await req.safeguard.personIndex.index(on: req.db)
        let query = PersonRecordForMatching(
            id: "referral-subject", firstName: s.firstName, lastName: s.lastName, dateOfBirth: s.dob,
            sex: Gender(rawValue: s.gender), nhsNumber: s.nhsNumber,
            postcode: referral.addressPostcode.isEmpty ? nil : referral.addressPostcode,
            address: referral.addressLine1)
        let candidates = SubjectMatching.rank(query, in: index, limit: 5)
        let people = try await Person.query(on: req.db).filter(
            \.$id ~~ candidates.compactMap { UUID(uuidString: $0.id) }
        ).all()
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.id!.uuidString, $0) })
        return candidates.compactMap { c in
            guard let p = byID[c.id] else { return nil }
            let evidence = c.reasons.filter { $0.weight != 0 }.map { "\($0.field): \($0.outcome)" }.joined(
                separator: "; ")
            let percent = Int((c.probability * 100).rounded(.down))
            return (
                p.id!, p.fullName + (p.dob.map { ", born \($0.longText)" } ?? ""), "\(percent)% likely: \(evidence)"
            )
        }
    }
}
