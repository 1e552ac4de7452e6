import Fluent
import Foundation
import SafeguardCore

/// A professional disagreement as stored; ``ProfessionalDisagreement`` decides its stages.
package final class DisagreementRecord: Model, @unchecked Sendable {
    package static let schema = "professional_disagreements"
    @ID package var id: UUID?
    /// "PD-2026-0001".
    @Field(key: "reference") package var reference: String
    @Parent(key: "raised_by") package var raisedBy: User
    @Parent(key: "raised_agency_id") package var raisedAgency: Agency
    @Parent(key: "other_agency_id") package var otherAgency: Agency
    @Field(key: "case_reference") package var caseReference: String
    @Field(key: "theme") package var theme: DisagreementTheme
    @Field(key: "summary") package var summary: String
    @Field(key: "resolution") package var resolution: String
    @Field(key: "status") package var status: String
    @Field(key: "steps") package var steps: String
    @Field(key: "raised_at") package var raisedAt: Date
    @Field(key: "updated_at") package var updatedAt: Date

    package init() {}

    package func disagreement(_ ladder: EscalationLadder) -> ProfessionalDisagreement {
        let steps = (try? JSONDecoder().decode([DisagreementStep].self, from: Data(self.steps.utf8))) ?? []
        return ProfessionalDisagreement(steps: steps, ladder: ladder)
    }

    package func set(_ d: ProfessionalDisagreement, at now: Date) {
        steps = String(decoding: (try? JSONEncoder().encode(d.steps)) ?? Data("[]".utf8), as: UTF8.self)
        status = d.status.rawValue
        updatedAt = now
    }

    /// Whether the viewer's agency is one of the two: the policy's `agencyInvolved`.
    package func relationship(to viewer: Viewer) -> Relationship {
        $raisedAgency.id == viewer.agencyID || $otherAgency.id == viewer.agencyID ? .agencyInvolved : .none
    }
}
