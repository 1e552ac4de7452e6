import Fluent
import SafeguardCore
import Vapor

extension ReferralsController {
    func check(req: Request) async throws -> Response {
        let (_, referral) = try await Self.draft(req)
        let subjects = try await referral.$subjects.query(on: req.db).all()
        return try Self.checkView(referral, subjects: subjects).render(on: req)
    }

    /// Pages not yet answered, so a draft cannot be sent half-written.
    static func missing(_ r: Referral, _ subjects: [ReferralSubject]) -> [SiteURL.ReferralStep] {
        var out: [SiteURL.ReferralStep] = []
        if subjects.isEmpty { out.append(.people) }
        if r.addressLine1.isEmpty { out.append(.address) }
        if r.concerns.isEmpty || r.whatHappened.isEmpty { out.append(.concerns) }
        if r.familyAwareness.isEmpty || r.lawfulBasis.isEmpty { out.append(.sharing) }
        if r.urgency.isEmpty || r.referrerPhone.isEmpty { out.append(.contact) }
        return out
    }

    func submit(req: Request) async throws -> Response {
        let (viewer, referral) = try await Self.draft(req)
        let subjects = try await referral.$subjects.query(on: req.db).all()
        let missing = Self.missing(referral, subjects)
        guard missing.isEmpty else {
            return try Self.checkView(referral, subjects: subjects).render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let today = req.today
        let calendar = req.safeguard.calendar
        let id = try referral.requireID()
        try await req.audit.write(on: req.db) { db in
            // The send button pressed twice: the second press finds it sent and goes to the same confirmation,
            // rather than taking a second reference.
            guard try await db.lockedForWrite(Referral.self, id).status == .draft else {
                throw Abort.redirect(to: SiteURL.referralSent(id).path)
            }
            try await ReferralSubmission.markSent(
                referral, subjects: subjects, now: now, today: today, calendar: calendar, on: db)
            try await referral.update(on: db)
            return ((), [viewer.event(.create, "referral", id.uuidString, on: req)])
        }
        return req.redirect(to: SiteURL.referralSent(id).path, redirectType: .normal)
    }

    func sent(req: Request) async throws -> Response {
        let viewer = try req.require(.submitReferral)
        guard let id = req.parameters.get("referralID", as: UUID.self), let r = try await Referral.find(id, on: req.db),
            r.$referrer.id == viewer.userID, r.status != .draft
        else { throw Abort(.notFound) }
        let urgency = try ReferralUrgency.stored(r.urgency, table: Referral.schema, column: "urgency", id: r.id)
        let outOfHours =
            r.submittedAt.map { urgency.needsOutOfHoursContact(sentAt: $0, calendar: req.safeguard.calendar) } ?? false
        let opens = r.submittedAt.map { req.safeguard.calendar.workingClockStart(for: $0) }
        return ReferralSentView(
            reference: r.reference, outOfHours: outOfHours, opens: opens.map(SiteFormat.dateTime),
            outOfHoursContact: req.safeguard.settings.rules.outOfHoursContact,
            decisionDue: r.decisionDueAt.map(SiteFormat.dateTime)
        ).render(on: req)
    }
}
