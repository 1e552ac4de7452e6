import Fluent
import Foundation
import SafeguardCore

/// A practice review as stored; ``PracticeReview`` decides its steps.
final class PracticeReviewRecord: Model, @unchecked Sendable {
    static let schema = "practice_reviews"
    @ID var id: UUID?
    /// "PR-2026-0001".
    @Field(key: "reference") var reference: String
    @Field(key: "kind") var kind: PracticeReviewKind
    /// How the review is known in public, never the real name: "Baby M".
    @Field(key: "title") var title: String
    @OptionalParent(key: "incident_id") var incident: SeriousIncidentRecord?
    @OptionalParent(key: "sar_id") var sar: SARReferralRecord?
    @Field(key: "decided_on") var decidedOn: String
    @Field(key: "publication_due") var publicationDue: String
    @Field(key: "terms") var terms: String
    @Field(key: "reviewer") var reviewer: String
    @Field(key: "family") var family: String
    @Field(key: "milestones") var milestones: String
    @Field(key: "drafts") var drafts: String
    @Field(key: "board_response") var boardResponse: String
    @OptionalField(key: "board_response_on") var boardResponseOn: String?
    @OptionalField(key: "published_on") var publishedOn: String?
    @Field(key: "late_reason") var lateReason: String
    @Field(key: "not_publishing_reason") var notPublishingReason: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var review: PracticeReview {
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

    func set(_ r: PracticeReview, at now: Date) {
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

    func mayOpen(_ viewer: Viewer) -> Bool {
        PracticeReview.mayOpen(
            kind: kind, published: publishedOn != nil, opensChildReviews: viewer.may(.viewSeriousIncidents),
            opensSARs: viewer.may(.viewSARs), readsPublishedLearning: viewer.may(.viewThematicAnalysis))
    }
}
