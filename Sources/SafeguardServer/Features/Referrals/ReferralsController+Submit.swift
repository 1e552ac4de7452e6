import Fluent
import SafeguardCore
import Vapor

extension ReferralsController {
    func check(req: Request) async throws -> Response {
        let (_, referral) = try await Self.draft(req)
        let subjects = try await referral.$subjects.query(on: req.db).all()
        return CheckAnswersView(referral: referral, subjects: subjects, missing: Self.missing(referral, subjects))
            .render(on: req)
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
            return CheckAnswersView(referral: referral, subjects: subjects, missing: missing).render(
                on: req, status: .unprocessableEntity)
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
        let urgency = ReferralUrgency(rawValue: r.urgency) ?? .standard
        let outOfHours =
            r.submittedAt.map { urgency.needsOutOfHoursContact(sentAt: $0, calendar: req.safeguard.calendar) } ?? false
        let opens = r.submittedAt.map { req.safeguard.calendar.workingClockStart(for: $0) }
        let contact = req.safeguard.settings.rules.outOfHoursContact
        return req.page("Referral sent", section: .referrals) {
            el("div", .class("sg-grid-row")) {
                el("div", .class("sg-grid-column-two-thirds")) {
                    el("div", .class("sg-panel sg-panel--confirmation")) {
                        el("h1", .class("sg-panel__title")) { "Referral sent" }
                        el("div", .class("sg-panel__body")) {
                            "Your reference is"
                            el("br")
                            el("strong", .id("reference")) { r.reference }
                        }
                    }
                    if outOfHours {
                        el("div", .class("sg-warning-text"), .id("out-of-hours")) {
                            el("strong", .class("sg-warning-text__text")) {
                                "The MASH is closed until \(opens.map(SiteFormat.dateTime) ?? "it next opens"). "
                                if let contact {
                                    "If someone needs to act before then, call \(contact) now and quote \(r.reference). "
                                } else {
                                    "If someone needs to act before then, call your area's out-of-hours children's social care team now (the partnership has not yet set its number here: your safeguarding lead has it). "
                                }
                                "If a child is in immediate danger, call 999."
                            }
                        }
                    }
                    el("h2", .class("sg-heading-m")) { "What happens next" }
                    el("p", .class("sg-body")) {
                        r.decisionDueAt.map { "The MASH will decide how to respond by \(SiteFormat.dateTime($0)). " }
                            ?? ""
                        "They may call you. You can see the outcome on your referrals page once it is decided."
                    }
                    el("p", .class("sg-body")) { el("a", .href(.referrals), .class("sg-link")) { "Your referrals" } }
                }
            }
        }
    }
}
