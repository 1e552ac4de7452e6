import Fluent
import Foundation
import SafeguardCore

/// A SAR referral as stored; ``SARReferral`` decides the s44 test.
package final class SARReferralRecord: Model, @unchecked Sendable {
    package static let schema = "sar_referrals"
    @ID package var id: UUID?
    /// "SAR-2026-0001".
    @Field(key: "reference") package var reference: String
    @Parent(key: "person_id") package var person: Person
    @Parent(key: "raised_by") package var raisedBy: User
    @Parent(key: "raised_agency_id") package var raisedAgency: Agency
    @Field(key: "raised_at") package var raisedAt: Date
    @Field(key: "what_happened") package var whatHappened: String
    @Field(key: "person") package var snapshotJSON: String
    @Field(key: "answers") package var answers: String
    @OptionalField(key: "decision") package var decision: String?
    @Field(key: "reasons") package var reasons: String
    @OptionalField(key: "decided_on") package var decidedOn: String?
    @OptionalParent(key: "decided_by") package var decidedBy: User?
    @Field(key: "updated_at") package var updatedAt: Date

    package init() {}

    package var snapshot: PersonSnapshot? {
        try? JSONDecoder().decode(PersonSnapshot.self, from: Data(snapshotJSON.utf8))
    }

    package var referral: SARReferral {
        let raw = (try? JSONDecoder().decode([String: S44Answer].self, from: Data(answers.utf8))) ?? [:]
        return SARReferral(
            whatHappened: whatHappened,
            answers: Dictionary(
                uniqueKeysWithValues: raw.compactMap { k, v in S44Criterion(rawValue: k).map { ($0, v) } }),
            decision: decision.flatMap(SARDecision.init(rawValue:)), reasons: reasons,
            decidedOn: decidedOn.flatMap(SimpleDate.init(iso:)))
    }

    package func set(_ r: SARReferral, at now: Date) {
        whatHappened = r.whatHappened
        let raw = Dictionary(uniqueKeysWithValues: r.answers.map { ($0.key.rawValue, $0.value) })
        answers = String(decoding: (try? JSONEncoder().encode(raw)) ?? Data("{}".utf8), as: UTF8.self)
        decision = r.decision?.rawValue
        reasons = r.reasons
        decidedOn = r.decidedOn?.iso
        updatedAt = now
    }

    package func setSnapshot(_ s: PersonSnapshot) {
        snapshotJSON = String(decoding: (try? JSONEncoder().encode(s)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
