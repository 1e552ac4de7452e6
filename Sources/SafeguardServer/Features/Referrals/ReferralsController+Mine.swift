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
        return req.page("Your referrals", section: .referrals) {
            el("h1", .class("sg-heading-l")) { "Referrals from \(viewer.agencyName)" }
            // The start page carries the "call 999" warning, so the button leads there first.
            el("a", .href(.referralNew), .class("sg-button"), Attr("role", "button"), Attr("draggable", "false")) {
                "Make a referral"
            }
            if !drafts.isEmpty {
                Components.table(
                    caption: "Your unsent drafts", headers: ["Started", ""],
                    rows: drafts.map { d in
                        [
                            .text(d.createdAt.map(SiteFormat.dateTime) ?? ""),
                            el("a", .href(.referralStep(d.id!, .people)), .class("sg-link")) { "Continue this draft" },
                        ]
                    })
            }
            Components.table(
                caption: "Sent referrals", headers: ["Reference", "Sent", "By", "Outcome"],
                rows: sent.map { r in
                    [
                        el("a", .href(.referralOutcome(r.id!)), .class("sg-link")) { r.reference },
                        .text(r.submittedAt.map(SiteFormat.dateTime) ?? ""),
                        .text(r.referrer.displayName),
                        decisions[r.id!].map { Components.tag($0.displayName, colour: "blue") }
                            ?? Components.tag("With the MASH", colour: "blue"),
                    ]
                })
        }
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
        return req.page("Referral \(r.reference)", section: .referrals) {
            Components.backLink(.referrals, "Back to your referrals")
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { "Referral" }
                r.reference
            }
            Components.summaryList([
                ("Sent", .text(r.submittedAt.map(SiteFormat.dateTime) ?? "")),
                ("Status", .text(outcome == nil ? "With the MASH" : "Decided")),
                ("Outcome", outcome.map { .text($0.displayName) } ?? .text("Not decided yet")),
            ])
            el("p", .class("sg-body")) {
                "The MASH shares the outcome only. If you need to know more to keep someone safe, call the MASH and quote the reference."
            }
        }
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
