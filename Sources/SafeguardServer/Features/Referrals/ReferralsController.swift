import Fluent
import SafeguardCore
import Vapor

/// Making a referral: a start page, one question per page, check your answers, submit.
/// A draft belongs to the person writing it; nobody else sees it until it is sent.
struct ReferralsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.referrals, for: [.submitReferral], use: mine)
        routes.get(.referralNew, for: [.submitReferral], use: start)
        routes.post(.referralNew, for: [.submitReferral], use: createDraft)
        routes.get(.referralCheck(.param("referralID")), for: [.submitReferral], use: check)
        routes.post(.referralSubmit(.param("referralID")), for: [.submitReferral], use: submit)
        routes.get(.referralSent(.param("referralID")), for: [.submitReferral], use: sent)
        routes.get(.referralOutcome(.param("referralID")), for: [.viewReferralOutcome], use: outcome)
        for step in SiteURL.ReferralStep.allCases {
            routes.get(.referralStep(.param("referralID"), step), for: [.submitReferral]) { req in
                try await showStep(step, req: req)
            }
            routes.post(.referralStep(.param("referralID"), step), for: [.submitReferral]) { req in
                try await saveStep(step, req: req)
            }
        }
    }

    func start(req: Request) async throws -> Response {
        try req.require(.submitReferral)
        return ReferralStartView().render(on: req)
    }

    func createDraft(req: Request) async throws -> Response {
        let viewer = try req.require(.submitReferral)
        let referral = Referral.newDraft()
        referral.reference = "DRAFT-" + UUID().uuidString
        referral.$referrer.id = viewer.userID
        referral.$referrerAgency.id = viewer.agencyID
        // Every page fills in its own answers; until then they are empty, never missing.
        referral.referrerPhone = ""
        referral.addressLine1 = ""
        referral.addressTown = ""
        referral.addressPostcode = ""
        referral.concerns = ""
        referral.whatHappened = ""
        referral.familyAwareness = ""
        referral.lawfulBasis = ""
        referral.urgency = ""
        try await req.audit.plainWrite(on: req.db) { db in try await referral.create(on: db) }
        return req.redirect(to: SiteURL.referralStep(referral.id!, .people).path, redirectType: .normal)
    }

    /// The draft, if the viewer is its author and it has not been sent.
    /// The referrer's own draft. A sent one leads to its confirmation, except when a step is being saved
    /// (`saving`): then the typed change would be lost without a word, so the referrer is told it was not saved.
    static func draft(_ req: Request, saving: Bool = false) async throws -> (Viewer, Referral) {
        let viewer = try req.require(.submitReferral)
        guard let id = req.parameters.get("referralID", as: UUID.self), let r = try await Referral.find(id, on: req.db)
        else {
            throw Abort(.notFound)
        }
        guard r.$referrer.id == viewer.userID else { throw AccessDenied(decision: .deny(.roleHasNoAccess)) }
        guard r.status == .draft else {
            throw saving ? ReferralSubmission.alreadySent : Abort.redirect(to: SiteURL.referralSent(id).path)
        }
        return (viewer, r)
    }
}
