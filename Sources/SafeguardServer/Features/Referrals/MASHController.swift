import Fluent
import SafeguardCore
import Vapor

/// The MASH's side of a referral: the queue, the record, triage, partner requests, the
/// decision and its sign-off.
struct MASHController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.mash, for: [.viewReferral], use: queue)
        routes.post(.mash, for: [.viewReferral], use: queue)
        routes.get(.referral(.param("referralID")), for: [.viewReferral], use: show)
        routes.post(.referralTriage(.param("referralID")), for: [.triageReferral], use: triage)
        routes.post(.referralDecision(.param("referralID")), for: [.recordDecision], use: decide)
        routes.post(.referralSignOff(.param("referralID")), for: [.signOffDecision], use: signOff)
        routes.post(.referralAllocation(.param("referralID")), for: [.allocateReferral], use: allocate)
        routes.post(.referralLink(.param("referralID"), .param("subjectID")), for: [.recordDecision], use: linkSubject)
    }

    static func load(_ req: Request, _ action: Action) async throws -> (Viewer, Referral) {
        let viewer = try req.require(action)
        guard let id = req.parameters.get("referralID", as: UUID.self), let r = try await Referral.find(id, on: req.db),
            r.status != .draft
        else { throw Abort(.notFound) }
        return (viewer, r)
    }

    func show(req: Request) async throws -> Response {
        let (viewer, referral) = try await Self.load(req, .viewReferral)
        let record = try await MASHReferralRecord.load(referral, viewer: viewer, on: req)
        let discussions = try await StrategyDiscussionSummary.load(for: referral, on: req)
        try await req.audit.record(viewer.event(.view, "referral", referral.id!.uuidString, on: req), on: req.db)
        return MASHReferralView(
            record: record, errors: FormErrors(), form: [:], discussions: discussions,
            mayRecordStrategyDiscussion: viewer.may(.recordStrategyDiscussion)
        ).render(on: req)
    }

    /// Rates the referral and asks the chosen partners, each with a deadline from the rating.
    func triage(req: Request) async throws -> Response {
        let (viewer, referral) = try await Self.load(req, .triageReferral)
        let id = try referral.requireID()
        let form = try FormBody.fields(req)
        let chosen = try FormBody.list(req, "agencies").compactMap(UUID.init(uuidString:))
        let available = try await Agency.query(on: req.db).filter(\.$id ~~ chosen).filter(\.$active == true).all()
        let triage: MASHStep.Triage
        switch try MASHStep.triage(
            status: referral.status, rag: form["rag"], chosen: chosen, available: Set(available.compactMap(\.id)))
        {
        case .failure(let problems):
            let record = try await MASHReferralRecord.load(referral, viewer: viewer, on: req)
            return MASHReferralView(record: record, errors: FormErrors(problems), form: form).render(
                on: req, status: .unprocessableEntity)
        case .success(let decided): triage = decided
        }
        let rag = triage.rag
        let now = req.now
        let due = try req.safeguard.ragTimescales.requestDeadline(
            for: rag, raisedAt: now, decisionDue: referral.decisionDueAt,
            on: req.safeguard.calendar
        ).due
        let existing = Set(
            try await InformationRequest.query(on: req.db).filter(\.$referral.$id == id).all(\.$agency.$id))
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(referral) { $0.sameWorkflowState(as: referral) }
            referral.rag = rag.rawValue
            try referral.move(.triage)
            referral.$triagedBy.id = viewer.userID
            referral.triagedAt = now
            try await referral.update(on: db)
            for agency in triage.agencies where !existing.contains(agency) {
                let r = InformationRequest()
                r.$referral.id = id
                r.$agency.id = agency
                r.rag = rag.rawValue
                r.raisedAt = now
                r.dueAt = due
                r.$raisedBy.id = viewer.userID
                try await r.create(on: db)
            }
            return (
                (),
                [
                    viewer.event(
                        .change, "referral", id.uuidString,
                        reason: "rated \(rag.rawValue); \(triage.agencies.count) partners asked", on: req)
                ]
            )
        }
        return req.redirect(to: SiteURL.referral(id).path, redirectType: .normal)
    }
}
