import Fluent
import SafeguardCore
import Vapor

extension DisagreementsController {
    /// The form, offering every other active agency.
    static func formView(
        _ viewer: Viewer, on req: Request, fields: [String: String], errors: FormErrors
    ) async throws -> DisagreementFormView {
        DisagreementFormView(
            agencies: try await otherAgencies(viewer, on: req.db), ladder: req.safeguard.settings.rules.escalation,
            fields: fields, errors: errors)
    }

    /// One disagreement's page. Needs the record loaded as `authorise` does, with both agencies.
    static func page(
        _ r: DisagreementRecord, viewer: Viewer, on req: Request, fields: [String: String], errors: FormErrors
    ) async throws -> DisagreementPage {
        let ladder = req.safeguard.settings.rules.escalation
        let d = r.disagreement(ladder)
        let raiser = try await r.$raisedBy.get(on: req.db)
        let banner: String? =
            switch (try? req.query.get(String.self, at: "done")) ?? "" {
            case "raised":
                "The disagreement is recorded. Talk to the other agency; record the outcome here within \(ladder.stages[0].workingDays) working days."
            case "escalated": "Recorded. It has gone up to the next stage: \(d.currentStage.name.lowercased())."
            case "resolved": "Recorded: the disagreement is resolved."
            default: nil
            }
        return DisagreementPage(
            record: .init(
                id: try r.requireID(), reference: r.reference, raisedAgency: r.raisedAgency.name,
                otherAgency: r.otherAgency.name, caseReference: r.caseReference, theme: r.theme, summary: r.summary,
                resolution: r.resolution, raisedBy: raiser.displayName),
            disagreement: d,
            listing: DisagreementListing(r, ladder: ladder, today: req.today, calendar: req.safeguard.calendar),
            mayRecord: d.mayRecordOutcome(role: viewer.role, isParty: r.relationship(to: viewer) == .agencyInvolved),
            fields: fields, errors: errors, banner: banner)
    }

    /// The agencies a viewer may disagree with: every active one but their own, by name.
    static func otherAgencies(_ viewer: Viewer, on db: Database) async throws -> [DisagreementFormView.Choice] {
        try await Agency.query(on: db).filter(\.$active == true).sort(\.$name).all()
            .filter { $0.id != viewer.agencyID }
            .map { .init(id: try $0.requireID(), label: $0.name) }
    }
}
