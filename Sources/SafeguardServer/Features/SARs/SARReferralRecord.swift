import Fluent
import Foundation
import SafeguardCore

/// A SAR referral as stored; ``SARReferral`` decides the s44 test.
final class SARReferralRecord: Model, @unchecked Sendable {
    static let schema = "sar_referrals"
    @ID var id: UUID?
    /// "SAR-2026-0001".
    @Field(key: "reference") var reference: String
    @Parent(key: "person_id") var person: Person
    @Parent(key: "raised_by") var raisedBy: User
    @Parent(key: "raised_agency_id") var raisedAgency: Agency
    @Field(key: "raised_at") var raisedAt: Date
    @Field(key: "what_happened") var whatHappened: String
    @Field(key: "person") var snapshotJSON: String
    @Field(key: "answers") var answers: String
    @OptionalField(key: "decision") var decision: String?
    @Field(key: "reasons") var reasons: String
    @OptionalField(key: "decided_on") var decidedOn: String?
    @OptionalParent(key: "decided_by") var decidedBy: User?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var snapshot: PersonSnapshot? { try? JSONDecoder().decode(PersonSnapshot.self, from: Data(snapshotJSON.utf8)) }

    var referral: SARReferral {
        let raw = (try? JSONDecoder().decode([String: S44Answer].self, from: Data(answers.utf8))) ?? [:]
        return SARReferral(
            whatHappened: whatHappened,
            answers: Dictionary(
                uniqueKeysWithValues: raw.compactMap { k, v in S44Criterion(rawValue: k).map { ($0, v) } }),
            decision: decision.flatMap(SARDecision.init(rawValue:)), reasons: reasons,
            decidedOn: decidedOn.flatMap(SimpleDate.init(iso:)))
    }

    func set(_ r: SARReferral, at now: Date) {
        whatHappened = r.whatHappened
        let raw = Dictionary(uniqueKeysWithValues: r.answers.map { ($0.key.rawValue, $0.value) })
        answers = String(decoding: (try? JSONEncoder().encode(raw)) ?? Data("{}".utf8), as: UTF8.self)
        decision = r.decision?.rawValue
        reasons = r.reasons
        decidedOn = r.decidedOn?.iso
        updatedAt = now
    }

    func setSnapshot(_ s: PersonSnapshot) {
        snapshotJSON = String(decoding: (try? JSONEncoder().encode(s)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
