import Fluent
import Foundation
import SafeguardCore

/// A recommendation as stored, with the source it came from.
final class RecommendationRecord: Model, @unchecked Sendable {
    static let schema = "recommendations"
    @ID var id: UUID?
    @Field(key: "source_kind") var sourceKind: String
    @Field(key: "source_reference") var sourceReference: String
    @Field(key: "source_title") var sourceTitle: String
    @Field(key: "finding") var finding: String
    @Field(key: "text") var text: String
    @Field(key: "status") var status: RecommendationStatus
    @Field(key: "not_implemented_reason") var notImplementedReason: String
    @OptionalParent(key: "created_by") var createdBy: User?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var recommendation: Recommendation {
        Recommendation(
            finding: finding, text: text, status: status,
            notImplementedReason: notImplementedReason)
    }

    func set(_ r: Recommendation, at now: Date) {
        finding = r.finding
        text = r.text
        status = r.status
        notImplementedReason = r.notImplementedReason
        updatedAt = now
    }

    var sourceLine: String { "\(sourceTitle) (\(sourceReference))" }
}

/// An action as stored; ``PlanAction`` decides its moves.
final class PlanActionRecord: Model, @unchecked Sendable {
    static let schema = "plan_actions"
    @ID var id: UUID?
    @Parent(key: "recommendation_id") var recommendation: RecommendationRecord
    @Field(key: "description") var description: String
    @Field(key: "impact_measure") var impactMeasure: String
    @Parent(key: "agency_id") var agency: Agency
    @Parent(key: "owner_id") var owner: User
    @Field(key: "due_on") var dueOn: String
    @Field(key: "status") var status: ActionStatus
    @Field(key: "progress_note") var progressNote: String
    @Field(key: "evidence") var evidence: String
    @Field(key: "impact_achieved") var impactAchieved: String
    @OptionalField(key: "completed_on") var completedOn: String?
    @OptionalField(key: "signed_off_on") var signedOffOn: String?
    @OptionalField(key: "signed_off_by") var signedOffBy: String?
    @Field(key: "returned_note") var returnedNote: String
    @OptionalField(key: "chased_at") var chasedAt: Date?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var action: PlanAction {
        PlanAction(
            description: description, impactMeasure: impactMeasure,
            dueOn: SimpleDate(iso: dueOn) ?? SimpleDate(updatedAt),
            status: status, progressNote: progressNote,
            evidence: (try? JSONDecoder().decode([ActionEvidence].self, from: Data(evidence.utf8))) ?? [],
            impactAchieved: impactAchieved,
            completedOn: completedOn.flatMap(SimpleDate.init(iso:)),
            signedOffOn: signedOffOn.flatMap(SimpleDate.init(iso:)),
            signedOffBy: signedOffBy, returnedNote: returnedNote)
    }

    func set(_ a: PlanAction, at now: Date) {
        description = a.description
        impactMeasure = a.impactMeasure
        dueOn = a.dueOn.iso
        status = a.status
        progressNote = a.progressNote
        evidence = String(decoding: (try? JSONEncoder().encode(a.evidence)) ?? Data("[]".utf8), as: UTF8.self)
        impactAchieved = a.impactAchieved
        completedOn = a.completedOn?.iso
        signedOffOn = a.signedOffOn?.iso
        signedOffBy = a.signedOffBy
        returnedNote = a.returnedNote
        updatedAt = now
    }

    func entry() -> ActionPlanEntry {
        ActionPlanEntry(
            id: id!.uuidString, source: recommendation.sourceLine, sourceReference: recommendation.sourceReference,
            recommendation: recommendation.text, recommendationStatus: recommendation.recommendation.status,
            agency: agency.name, owner: owner.displayName, action: action)
    }
}

/// A file attached as evidence. Kept in the database, so a backup of the database is a backup of everything.
final class EvidenceFileRecord: Model, @unchecked Sendable {
    static let schema = "action_evidence_files"
    @ID var id: UUID?
    @Parent(key: "action_id") var action: PlanActionRecord
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "content") var content: Data
    @Parent(key: "uploaded_by") var uploadedBy: User
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}
