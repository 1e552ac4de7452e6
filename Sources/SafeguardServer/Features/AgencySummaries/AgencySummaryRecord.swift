import Fluent
import Foundation
import SafeguardCore

/// An agency's summary as stored; ``AgencySummary`` decides what may happen to it.
package final class AgencySummaryRecord: Model, @unchecked Sendable {
    package static let schema = "agency_summaries"
    @ID package var id: UUID?
    /// The serious incident whose rapid review asked for it, or
    @OptionalParent(key: "incident_id") package var incident: SeriousIncidentRecord?
    /// the SAR referral whose panel asked for it.
    @OptionalParent(key: "sar_id") package var sar: SARReferralRecord?
    @Parent(key: "agency_id") package var agency: Agency
    @Parent(key: "contributor_id") package var contributor: User
    @Parent(key: "requested_by") package var requestedBy: User
    @Field(key: "requested_on") package var requestedOn: String
    @Field(key: "due_on") package var dueOn: String
    @Field(key: "ask") package var ask: String
    @Field(key: "stage") package var stage: AgencySummary.Stage
    @Field(key: "involvement") package var involvement: String
    @Field(key: "chronology") package var chronology: String
    @Field(key: "analysis") package var analysis: String
    @OptionalField(key: "submitted_on") package var submittedOn: String?
    @Field(key: "return_note") package var returnNote: String
    @Field(key: "chased_on") package var chasedOn: String
    @Field(key: "updated_at") package var updatedAt: Date

    package init() {}

    package var review: ReviewSubject.Key {
        if let id = $incident.id { return .rapidReview(id) }
        return .sar($sar.id!)
    }

    package var summary: AgencySummary {
        let fallback = SimpleDate(updatedAt)
        let requested = SimpleDate(iso: requestedOn) ?? fallback
        let due = SimpleDate(iso: dueOn) ?? fallback
        let chased = ((try? JSONDecoder().decode([String].self, from: Data(chasedOn.utf8))) ?? []).compactMap(
            SimpleDate.init(iso:))
        return .stored(
            requestedOn: requested, due: due, ask: ask, stage: stage,
            involvement: involvement, chronologyText: chronology, analysis: analysis,
            submittedOn: submittedOn.flatMap(SimpleDate.init(iso:)), returnNote: returnNote, chasedOn: chased)
    }

    package func set(_ s: AgencySummary, at now: Date) {
        requestedOn = s.requestedOn.iso
        dueOn = s.due.iso
        ask = s.ask
        stage = s.stage
        involvement = s.involvement
        chronology = s.chronologyText
        analysis = s.analysis
        submittedOn = s.submittedOn?.iso
        returnNote = s.returnNote
        chasedOn = String(
            decoding: (try? JSONEncoder().encode(s.chasedOn.map(\.iso))) ?? Data("[]".utf8), as: UTF8.self)
        updatedAt = now
    }
}
