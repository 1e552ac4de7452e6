import Fluent
import Foundation
import SafeguardCore

/// A practice review as stored; ``PracticeReview`` decides its steps.
package final class PracticeReviewRecord: Model, @unchecked Sendable {
    package static let schema = "practice_reviews"
    @ID package var id: UUID?
    /// "PR-2026-0001".
    @Field(key: "reference") package var reference: String
    @Field(key: "kind") package var kind: PracticeReviewKind
    /// How the review is known in public, never the real name: "Baby M".
    @Field(key: "title") package var title: String
    @OptionalParent(key: "incident_id") package var incident: SeriousIncidentRecord?
    @OptionalParent(key: "sar_id") package var sar: SARReferralRecord?
    @Field(key: "decided_on") package var decidedOn: String
    @Field(key: "publication_due") package var publicationDue: String
    @Field(key: "terms") package var terms: String
    @Field(key: "reviewer") package var reviewer: String
    @Field(key: "family") package var family: String
    @Field(key: "milestones") package var milestones: String
    @Field(key: "drafts") package var drafts: String
    @Field(key: "board_response") package var boardResponse: String
    @OptionalField(key: "board_response_on") package var boardResponseOn: String?
    @OptionalField(key: "published_on") package var publishedOn: String?
    @Field(key: "late_reason") package var lateReason: String
    @Field(key: "not_publishing_reason") package var notPublishingReason: String
    @Field(key: "updated_at") package var updatedAt: Date

    package init() {}

    package var review: PracticeReview {
        let decided = SimpleDate(iso: decidedOn) ?? SimpleDate(updatedAt)
        return .stored(
            kind: kind, decidedOn: decided, publicationDue: SimpleDate(iso: publicationDue) ?? decided,
            terms: terms, reviewer: reviewer,
            family: family,
            milestones: (try? JSONDecoder().decode([ReviewMilestone].self, from: Data(milestones.utf8))) ?? [],
            drafts: (try? JSONDecoder().decode([ReviewDraft].self, from: Data(drafts.utf8))) ?? [],
            boardResponse: boardResponse,
            boardResponseOn: boardResponseOn.flatMap(SimpleDate.init(iso:)),
            publishedOn: publishedOn.flatMap(SimpleDate.init(iso:)),
            lateReason: lateReason, notPublishingReason: notPublishingReason)
    }

    package func set(_ r: PracticeReview, at now: Date) {
        kind = r.kind
        decidedOn = r.decidedOn.iso
        publicationDue = r.publicationDue.iso
        terms = r.termsOfReference
        reviewer = r.reviewer
        family = r.familyInvolvement
        milestones = String(decoding: (try? JSONEncoder().encode(r.milestones)) ?? Data("[]".utf8), as: UTF8.self)
        drafts = String(decoding: (try? JSONEncoder().encode(r.drafts)) ?? Data("[]".utf8), as: UTF8.self)
        boardResponse = r.boardResponse
        boardResponseOn = r.boardResponseOn?.iso
        publishedOn = r.publishedOn?.iso
        lateReason = r.lateReason
        notPublishingReason = r.notPublishingReason
        updatedAt = now
    }

    package func mayOpen(_ viewer: Viewer) -> Bool {
        PracticeReview.mayOpen(
            kind: kind, published: publishedOn != nil, opensChildReviews: viewer.may(.viewSeriousIncidents),
            opensSARs: viewer.may(.viewSARs), readsPublishedLearning: viewer.may(.viewThematicAnalysis))
    }
}
