import Fluent
import Foundation
import SafeguardCore

/// A rapid review as stored; ``RapidReview`` decides its stages.
package final class RapidReviewRecord: Model, @unchecked Sendable {
    package static let schema = "rapid_reviews"
    @ID package var id: UUID?
    @Parent(key: "incident_id") package var incident: SeriousIncidentRecord
    @Field(key: "sections") package var sections: String
    @OptionalField(key: "decision") package var decision: String?
    @Field(key: "rationale") package var rationale: String
    @Field(key: "agreements") package var agreements: String
    @OptionalField(key: "submitted_on") package var submittedOn: String?
    @Field(key: "late_reason") package var lateReason: String
    @OptionalField(key: "panel_response") package var panelResponse: String?
    @OptionalField(key: "panel_response_on") package var panelResponseOn: String?
    @Field(key: "panel_comment") package var panelComment: String
    @Field(key: "updated_at") package var updatedAt: Date

    package init() {}

    package var review: RapidReview {
        let s = (try? JSONDecoder().decode([String: String].self, from: Data(sections.utf8))) ?? [:]
        let a = (try? JSONDecoder().decode([String: PartnerAgreement].self, from: Data(agreements.utf8))) ?? [:]
        return RapidReview(
            sections: Dictionary(
                uniqueKeysWithValues: s.compactMap { k, v in RapidReviewSection(rawValue: k).map { ($0, v) } }),
            decision: decision.flatMap(RapidReviewDecision.init(rawValue:)), rationale: rationale,
            agreements: Dictionary(
                uniqueKeysWithValues: a.compactMap { k, v in StatutoryPartner(rawValue: k).map { ($0, v) } }),
            submittedOn: submittedOn.flatMap(SimpleDate.init(iso:)), lateReason: lateReason,
            panelResponse: panelResponse.flatMap(PanelResponse.init(rawValue:)),
            panelResponseOn: panelResponseOn.flatMap(SimpleDate.init(iso:)),
            panelComment: panelComment)
    }

    package func set(_ r: RapidReview, at now: Date) {
        sections = Self.json(Dictionary(uniqueKeysWithValues: r.sections.map { ($0.key.rawValue, $0.value) }))
        decision = r.decision?.rawValue
        rationale = r.rationale
        agreements = Self.json(Dictionary(uniqueKeysWithValues: r.agreements.map { ($0.key.rawValue, $0.value) }))
        submittedOn = r.submittedOn?.iso
        lateReason = r.lateReason
        panelResponse = r.panelResponse?.rawValue
        panelResponseOn = r.panelResponseOn?.iso
        panelComment = r.panelComment
        updatedAt = now
    }

    private static func json<T: Encodable>(_ value: T) -> String {
        String(decoding: (try? JSONEncoder().encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
