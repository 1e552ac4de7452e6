import Fluent
import SafeguardCore
import Vapor

/// Safeguarding Adults Review referrals: a case worker refers from an adult's record; the SAR panel (police,
/// ICB, local authority, mental health trust) answers the s44 test question by question and decides. ``SARReferral``
/// decides what the answers make of it; this loads, saves, tells the panel and audits.
struct SARController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.personSARReferral(.param("personID")), for: [.referForSAR], use: referForm)
        routes.post(.personSARReferral(.param("personID")), for: [.referForSAR], use: refer)
        routes.get(.sars, for: [.viewSARs], use: list)
        routes.get(.sar(.param("sarID")), for: [.viewSARs], use: show)
        routes.post(.sarDecision(.param("sarID")), for: [.decideSAR], use: decide)
    }

    func referForm(req: Request) async throws -> Response {
        let (_, person, _) = try await PersonAccess.authorise(
            .referForSAR, personID: req.personID(), on: req, offerBreakGlass: true)
        let snapshot = try await PersonSnapshotLoader.load(person, on: req.db, today: req.today)
        return SARReferralFormView(personID: person.id!, snapshot: snapshot, fields: [:], errors: FormErrors()).render(
            on: req)
    }

    func refer(req: Request) async throws -> Response {
        let (viewer, person, _) = try await PersonAccess.authorise(
            .referForSAR, personID: req.personID(), on: req, offerBreakGlass: true)
        let fields = try FormBody.fields(req)
        let today = req.today
        let now = req.now
        let personID = person.id!
        let snapshot = try await PersonSnapshotLoader.load(person, on: req.db, today: today)
        let whatHappened = TypedText.cleaned(fields["what-happened"] ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        var errors = FormErrors()
        let isAdult = person.category(on: today) == .adult
        for p in SARReferral.raiseProblems(whatHappened: whatHappened, isAdult: isAdult) {
            errors.add(p.field, p.message)
        }
        guard errors.isEmpty else {
            return SARReferralFormView(personID: personID, snapshot: snapshot, fields: fields, errors: errors).render(
                on: req, status: .unprocessableEntity)
        }
        let emailConfigured = req.notifications.isConfigured
        try await req.audit.write(on: req.db) { db in
            let r = SARReferralRecord()
            r.reference = try await YearlyReference.sarReferral.next(
                SARReferralRecord.self, \.$reference, year: today.year, on: db)
            r.$person.id = personID
            r.$raisedBy.id = viewer.userID
            r.$raisedAgency.id = viewer.agencyID
            r.raisedAt = now
            r.setSnapshot(snapshot)
            r.set(SARReferral(whatHappened: whatHappened), at: now)
            try await r.create(on: db)
            // The business unit and the panel are told; the message names nobody, as e-mail copies leave the platform.
            let users = try await User.query(on: db).filter(\.$active == true).all()
                .filter { u in
                    u.userRole.map { SARReferral.isToldOfReferrals(role: $0, memberships: u.memberships) } ?? false
                }
            try await UserNotification.tell(
                users.compactMap(\.id), subject: "Safeguarding Adults Review referral \(r.reference)",
                body:
                    "\(viewer.displayName) (\(viewer.agencyName)) has referred an adult for a Safeguarding Adults Review. The panel tests it against s44.",
                link: .sar(r.id!), at: now, emailConfigured: emailConfigured, on: db)
            return (
                (),
                [
                    viewer.event(
                        .create, "sar-referral", r.id!.uuidString, reason: "referred for person \(personID)", on: req)
                ]
            )
        }
        req.notifications.sendPending(app: req.application)
        return req.redirect(
            to: SiteURL.person(personID).with(query: [("done", PersonRecordView.Flash.sarReferral.rawValue)]),
            redirectType: .normal)
    }

    func list(req: Request) async throws -> Response {
        let viewer = try req.require(.viewSARs)
        let rows = try await SARReferralRecord.query(on: req.db).with(\.$raisedAgency).sort(\.$raisedAt, .descending)
            .all()
        try await req.audit.record(viewer.event(.view, "sar-referrals", "list", on: req), on: req.db)
        return try Self.listView(rows).render(on: req)
    }

    func show(req: Request) async throws -> Response {
        let viewer = try req.require(.viewSARs)
        let r = try await Self.record(req)
        try await req.audit.record(viewer.event(.view, "sar-referral", r.id!.uuidString, on: req), on: req.db)
        return try await Self.page(r, viewer: viewer, on: req, fields: [:], errors: FormErrors()).render(on: req)
    }

    func decide(req: Request) async throws -> Response {
        let viewer = try req.require(.decideSAR)
        let r = try await Self.record(req)
        let id = r.id!
        let fields = try FormBody.fields(req)
        var answers: [S44Criterion: S44Answer] = [:]
        for c in S44Criterion.allCases {
            if let met = fields[c.rawValue], met == "yes" || met == "no" {
                answers[c] = S44Answer(met: met == "yes", note: TypedText.cleaned(fields["\(c.rawValue)-note"] ?? ""))
            }
        }
        var referral = r.referral
        var errors = FormErrors()
        if let decision = SARDecision(rawValue: fields["decision"] ?? "") {
            do throws(FieldProblem) {
                try referral.decide(
                    answers: answers, decision: decision, reasons: TypedText.cleaned(fields["reasons"] ?? ""),
                    on: req.today)
            } catch { errors.add(error.field, error.message) }
        } else {
            errors.add("decision", "Choose the panel's decision")
        }
        guard errors.isEmpty else {
            return try await Self.page(r, viewer: viewer, on: req, fields: fields, errors: errors).render(
                on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let decided = referral
        let readAs = r.referral
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(r) { $0.referral == readAs }
            r.set(decided, at: now)
            r.$decidedBy.id = viewer.userID
            try await r.update(on: db)
            return (
                (),
                [
                    viewer.event(
                        .change, "sar-referral", id.uuidString, reason: "decided: \(decided.decision!.rawValue)",
                        on: req)
                ]
            )
        }
        return req.redirect(to: SiteURL.sar(id).with(query: [("done", "decided")]), redirectType: .normal)
    }

    static func record(_ req: Request) async throws -> SARReferralRecord {
        guard let id = req.parameters.get("sarID", as: UUID.self),
            let r = try await SARReferralRecord.find(id, on: req.db)
        else { throw Abort(.notFound) }
        return r
    }

    /// For My work: referrals the panel has still to test.
    static func myWork(_ viewer: Viewer, on req: Request) async throws -> [MyWorkController.Item] {
        guard viewer.may(.decideSAR) else { return [] }
        return try await SARReferralRecord.query(on: req.db).filter(\.$decision == nil).sort(\.$raisedAt).all().map {
            r in
            MyWorkController.Item(
                title: "Test SAR referral \(r.reference) against s44", url: .sar(r.id!),
                detail: "Referred \(SiteFormat.dateTime(r.raisedAt))", urgent: false)
        }
    }
}
