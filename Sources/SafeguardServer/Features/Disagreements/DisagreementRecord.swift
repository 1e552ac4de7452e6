import Fluent
import Foundation
import SafeguardCore

/// A professional disagreement as stored; ``ProfessionalDisagreement`` decides its stages.
final class DisagreementRecord: Model, @unchecked Sendable {
    static let schema = "professional_disagreements"
    @ID var id: UUID?
    /// "PD-2026-0001".
    @Field(key: "reference") var reference: String
    @Parent(key: "raised_by") var raisedBy: User
    @Parent(key: "raised_agency_id") var raisedAgency: Agency
    @Parent(key: "other_agency_id") var otherAgency: Agency
    @Field(key: "case_reference") var caseReference: String
    @Field(key: "theme") var theme: DisagreementTheme
    @Field(key: "summary") var summary: String
    @Field(key: "resolution") var resolution: String
    @Field(key: "status") var status: String
    @Field(key: "steps") var steps: String
    @Field(key: "raised_at") var raisedAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    func disagreement(_ ladder: EscalationLadder) -> ProfessionalDisagreement {
        let steps = (try? JSONDecoder().decode([DisagreementStep].self, from: Data(self.steps.utf8))) ?? []
        return ProfessionalDisagreement(steps: steps, ladder: ladder)
    }

    func set(_ d: ProfessionalDisagreement, at now: Date) {
        steps = String(decoding: (try? JSONEncoder().encode(d.steps)) ?? Data("[]".utf8), as: UTF8.self)
        status = d.status.rawValue
        updatedAt = now
    }

    /// Whether the viewer's agency is one of the two: the policy's `agencyInvolved`.
    func relationship(to viewer: Viewer) -> Relationship {
        $raisedAgency.id == viewer.agencyID || $otherAgency.id == viewer.agencyID ? .agencyInvolved : .none
    }
}
