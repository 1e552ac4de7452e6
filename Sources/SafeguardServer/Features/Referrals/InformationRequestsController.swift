import Fluent
import SafeguardCore
import Vapor

/// A partner agency's queue of MASH requests. Staff see the minimum needed to search their
/// own records (names, dates of birth, address), never the referral's story.
struct InformationRequestsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.informationRequests, for: [.answerInformationRequest], use: queue)
        routes.get(.informationRequest(.param("requestID")), for: [.answerInformationRequest], use: show)
        routes.post(.informationRequest(.param("requestID")), for: [.answerInformationRequest], use: answer)
        routes.post(.informationRequestChase(.param("requestID")), for: [.viewReferral], use: chase)
    }

    func queue(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard viewer.role.worksCases else { throw AccessDenied(decision: .deny(.roleHasNoAccess)) }
        let requests = try await InformationRequest.query(on: req.db).filter(\.$agency.$id == viewer.agencyID)
            .with(\.$referral).sort(\.$dueAt).limit(300).all()
        let now = req.now
        let open = requests.filter { $0.answeredAt == nil }
        let done = requests.filter { $0.answeredAt != nil }.suffix(50)
        try await req.audit.record(
            viewer.event(.view, "information-request-queue", viewer.agencyID.uuidString, on: req), on: req.db)
        return InformationRequestQueueView(
            agencyName: viewer.agencyName, open: try open.map { try Self.queueRow($0, now: now) },
            done: try done.reversed().map { try Self.queueRow($0, now: now) }
        ).render(on: req)
    }

    /// The request, if it is addressed to the viewer's agency.
    static func load(_ req: Request) async throws -> (Viewer, InformationRequest) {
        let viewer = try req.requireEver(.answerInformationRequest)
        guard let id = req.parameters.get("requestID", as: UUID.self),
            let q = try await InformationRequest.query(on: req.db).filter(\.$id == id).with(\.$referral).with(\.$agency)
                .first()
        else {
            throw Abort(.notFound)
        }
        let relationship: Relationship = q.$agency.id == viewer.agencyID ? .agencyInvolved : .none
        let decision = viewer.decide(.answerInformationRequest, relationship: relationship)
        guard decision.isPermitted else { throw AccessDenied(decision: decision) }
        return (viewer, q)
    }

    func show(req: Request) async throws -> Response {
        let (viewer, q) = try await Self.load(req)
        let subjects = try await RequestSubject.load(referralID: q.$referral.id, today: req.today, on: req.db)
        try await req.audit.record(viewer.event(.view, "information-request", q.id!.uuidString, on: req), on: req.db)
        return try Self.view(q, subjects: subjects, answer: "", errors: FormErrors(), now: req.now).render(on: req)
    }

    func answer(req: Request) async throws -> Response {
        let (viewer, q) = try await Self.load(req)
        let text = ((try? req.content.get(String.self, at: "answer")) ?? "").trimmed
        var errors = FormErrors()
        if q.answeredAt != nil { errors.add("answer", "This request has already been answered") }
        if text.count < 2 { errors.add("answer", "Say what your agency knows, or \"Not known to us\"") }
        if text.count > 10_000 { errors.add("answer", "Answer must be 10,000 characters or fewer") }
        guard errors.isEmpty else {
            let subjects = try await RequestSubject.load(referralID: q.$referral.id, today: req.today, on: req.db)
            return try Self.view(q, subjects: subjects, answer: text, errors: errors, now: req.now)
                .render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let subjects = try await ReferralSubject.query(on: req.db).filter(\.$referral.$id == q.$referral.id).all()
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(q) { $0.answeredAt == nil }
            q.answer = text
            q.answeredAt = now
            q.$answeredBy.id = viewer.userID
            try await q.update(on: db)
            for s in subjects {
                guard let pid = s.$person.id else { continue }
                try await ChronologyEntry(
                    personID: pid, occurredAt: now, agencyID: viewer.agencyID, category: "MASH information",
                    summary: "\(viewer.agencyName) answered the MASH about \(q.referral.reference)",
                    recordedBy: viewer.userID, visibility: .safeguarding
                ).create(on: db)
            }
            return ((), [viewer.event(.change, "information-request", q.id!.uuidString, reason: "answered", on: req)])
        }
        return req.redirect(to: SiteURL.informationRequests.path, redirectType: .normal)
    }

    /// The MASH chases an overdue request; the partner's queue shows it.
    func chase(req: Request) async throws -> Response {
        let viewer = try req.require(.viewReferral)
        guard let id = req.parameters.get("requestID", as: UUID.self),
            let q = try await InformationRequest.find(id, on: req.db)
        else { throw Abort(.notFound) }
        // An answered request has nothing to chase: a stale page must not put a reminder on the partner's queue.
        guard q.answeredAt == nil else {
            throw Abort(.conflict, reason: "This request has been answered; there is nothing to chase")
        }
        let now = req.now
        try await req.audit.write(on: req.db) { db in
            q.chasedAt = now
            try await q.update(on: db)
            return ((), [viewer.event(.change, "information-request", id.uuidString, reason: "chased", on: req)])
        }
        return req.redirect(to: SiteURL.referral(q.$referral.id).path, redirectType: .normal)
    }
}
