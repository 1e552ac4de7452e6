import Fluent
import SafeguardCore
import Vapor

extension ReferralsController {
    /// The referrals the viewer's agency has made, with their outcome once decided, and the
    /// viewer's own unsent drafts.
    func mine(req: Request) async throws -> Response {
        let viewer = try req.require(.submitReferral)
        let sent = try await Referral.query(on: req.db).filter(\.$referrerAgency.$id == viewer.agencyID)
            .filter(\.$status != ReferralStatus.draft).with(\.$referrer).sort(\.$submittedAt, .descending).limit(200)
            .all()
        let drafts = try await Referral.query(on: req.db).filter(\.$referrer.$id == viewer.userID)
            .filter(\.$status == ReferralStatus.draft).sort(\.$createdAt, .descending).all()
        let decisions = try await Self.signedOffOutcomes(for: sent.compactMap(\.id), on: req.db)
        try await req.audit.record(
            viewer.event(.view, "referral-list", viewer.agencyID.uuidString, on: req), on: req.db)
        let page = ReferralsMineView(
            agencyName: viewer.agencyName,
            drafts: drafts.map { .init(id: $0.id!, started: $0.createdAt.map(SiteFormat.dateTime) ?? "") },
            sent: sent.map { r in
                .init(
                    id: r.id!, reference: r.reference, sent: r.submittedAt.map(SiteFormat.dateTime) ?? "",
                    by: r.referrer.displayName, outcome: decisions[r.id!])
            })
        return page.render(on: req)
    }

    /// What the referrer may know: the outcome once a manager has signed it off. Not the
    /// rationale, the level, or what partners said.
    func outcome(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let id = req.parameters.get("referralID", as: UUID.self), let r = try await Referral.find(id, on: req.db),
            r.status != .draft
        else { throw Abort(.notFound) }
        let relationship: Relationship = r.$referrerAgency.id == viewer.agencyID ? .agencyInvolved : .none
        guard viewer.may(.viewReferralOutcome, relationship: relationship) else {
            throw AccessDenied(decision: viewer.decide(.viewReferralOutcome, relationship: relationship))
        }
        let outcome = try await Self.signedOffOutcomes(for: [id], on: req.db)[id]
        try await req.audit.record(viewer.event(.view, "referral-outcome", id.uuidString, on: req), on: req.db)
        return ReferralOutcomeView(
            reference: r.reference, sent: r.submittedAt.map(SiteFormat.dateTime) ?? "", outcome: outcome
        )
        .render(on: req)
    }

    static func signedOffOutcomes(for ids: [UUID], on db: Database) async throws -> [UUID: ReferralOutcome] {
        guard !ids.isEmpty else { return [:] }
        let decisions = try await ThresholdDecisionRecord.query(on: db).filter(\.$referral.$id ~~ ids).filter(
            \.$signedOffAt != nil
        ).all()
        var out: [UUID: ReferralOutcome] = [:]
        for d in decisions { out[d.$referral.id] = d.referralOutcome }
        return out
    }
}
