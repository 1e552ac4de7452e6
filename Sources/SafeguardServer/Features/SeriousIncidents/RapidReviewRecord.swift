import Fluent
import Foundation
import SafeguardCore

/// A rapid review as stored; ``RapidReview`` decides its stages.
final class RapidReviewRecord: Model, @unchecked Sendable {
    static let schema = "rapid_reviews"
    @ID var id: UUID?
    @Parent(key: "incident_id") var incident: SeriousIncidentRecord
    @Field(key: "sections") var sections: String
    @OptionalField(key: "decision") var decision: String?
    @Field(key: "rationale") var rationale: String
    @Field(key: "agreements") var agreements: String
    @OptionalField(key: "submitted_on") var submittedOn: String?
    @Field(key: "late_reason") var lateReason: String
    @OptionalField(key: "panel_response") var panelResponse: String?
    @OptionalField(key: "panel_response_on") var panelResponseOn: String?
    @Field(key: "panel_comment") var panelComment: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var review: RapidReview {
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

    func set(_ r: RapidReview, at now: Date) {
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
