import Fluent
import Foundation
import SafeguardCore

/// A recommendation as stored, with the source it came from.
package final class RecommendationRecord: Model, @unchecked Sendable {
    package static let schema = "recommendations"
    @ID package var id: UUID?
    @Field(key: "source_kind") package var sourceKind: String
    @Field(key: "source_reference") package var sourceReference: String
    @Field(key: "source_title") package var sourceTitle: String
    @Field(key: "finding") package var finding: String
    @Field(key: "text") package var text: String
    @Field(key: "status") package var status: RecommendationStatus
    @Field(key: "not_implemented_reason") package var notImplementedReason: String
    @OptionalParent(key: "created_by") package var createdBy: User?
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "updated_at") package var updatedAt: Date

    package init() {}

    package var recommendation: Recommendation {
        Recommendation(
            finding: finding, text: text, status: status,
            notImplementedReason: notImplementedReason)
    }

    package func set(_ r: Recommendation, at now: Date) {
        finding = r.finding
        text = r.text
        status = r.status
        notImplementedReason = r.notImplementedReason
        updatedAt = now
    }

    package var sourceLine: String { "\(sourceTitle) (\(sourceReference))" }
}

/// An action as stored; ``PlanAction`` decides its moves.
package final class PlanActionRecord: Model, @unchecked Sendable {
    package static let schema = "plan_actions"
    @ID package var id: UUID?
    @Parent(key: "recommendation_id") package var recommendation: RecommendationRecord
    @Field(key: "description") package var description: String
    @Field(key: "impact_measure") package var impactMeasure: String
    @Parent(key: "agency_id") package var agency: Agency
    @Parent(key: "owner_id") package var owner: User
    @Field(key: "due_on") package var dueOn: String
    @Field(key: "status") package var status: ActionStatus
    @Field(key: "progress_note") package var progressNote: String
    @Field(key: "evidence") package var evidence: String
    @Field(key: "impact_achieved") package var impactAchieved: String
    @OptionalField(key: "completed_on") package var completedOn: String?
    @OptionalField(key: "signed_off_on") package var signedOffOn: String?
    @OptionalField(key: "signed_off_by") package var signedOffBy: String?
    @Field(key: "returned_note") package var returnedNote: String
    @OptionalField(key: "chased_at") package var chasedAt: Date?
    @Field(key: "updated_at") package var updatedAt: Date

    package init() {}

    package var action: PlanAction {
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

    package func set(_ a: PlanAction, at now: Date) {
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

    package func entry() -> ActionPlanEntry {
        ActionPlanEntry(
            id: id!.uuidString, source: recommendation.sourceLine, sourceReference: recommendation.sourceReference,
            recommendation: recommendation.text, recommendationStatus: recommendation.recommendation.status,
            agency: agency.name, owner: owner.displayName, action: action)
    }
}

/// A file attached as evidence. Kept in the database, so a backup of the database is a backup of everything.
package final class EvidenceFileRecord: Model, @unchecked Sendable {
    package static let schema = "action_evidence_files"
    @ID package var id: UUID?
    @Parent(key: "action_id") package var action: PlanActionRecord
    @Field(key: "filename") package var filename: String
    @Field(key: "content_type") package var contentType: String
    @Field(key: "size") package var size: Int
    @Field(key: "content") package var content: Data
    @Parent(key: "uploaded_by") package var uploadedBy: User
    @Field(key: "uploaded_at") package var uploadedAt: Date

    package init() {}
}
