import Fluent
import SafeguardCore
import Vapor

/// The rapid review of a notified serious incident: the business unit writes it and records the decision, the
/// three statutory partners' leads agree it, the business unit submits it and records the national panel's
/// response. ``RapidReview`` decides each step; the clock is ``SeriousIncidentClock``'s 15 working days.
struct RapidReviewController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.rapidReview(.param("incidentID")), for: [.viewSeriousIncidents], use: show)
        routes.post(.rapidReviewStep(.param("incidentID"), "sections"), for: [.manageSeriousIncidents], use: sections)
        routes.post(.rapidReviewStep(.param("incidentID"), "decision"), for: [.manageSeriousIncidents], use: decision)
        routes.post(.rapidReviewStep(.param("incidentID"), "agreement"), for: [.viewSeriousIncidents], use: agreement)
        routes.post(.rapidReviewStep(.param("incidentID"), "submit"), for: [.manageSeriousIncidents], use: submit)
        routes.post(
            .rapidReviewStep(.param("incidentID"), "panel-response"), for: [.manageSeriousIncidents],
            use: panelResponse)
    }

    /// The incident (it must have been notified: the rapid review's clock starts then) and its review, made on first use.
    static func load(_ req: Request) async throws -> (SeriousIncidentRecord, RapidReviewRecord, SimpleDate) {
        let incident = try await SeriousIncidentsController.record(req)
        let n = incident.notification
        guard n.status == .notified, let due = n.clock(calendar: req.safeguard.calendar)?.rapidReviewDue else {
            throw Abort(.conflict, reason: "The rapid review starts once the national panel has been notified")
        }
        if let existing = try await RapidReviewRecord.query(on: req.db).filter(\.$incident.$id == incident.id!).first()
        {
            return (incident, existing, due)
        }
        let record = RapidReviewRecord()
        record.$incident.id = incident.id!
        record.set(RapidReview(), at: req.now)
        return (incident, record, due)
    }

    func show(req: Request) async throws -> Response {
        let viewer = try req.require(.viewSeriousIncidents)
        let (incident, record, due) = try await Self.load(req)
        try await req.audit.record(viewer.event(.view, "rapid-review", incident.id!.uuidString, on: req), on: req.db)
        return RapidReviewPage(
            incident: incident, review: record.review, due: due, viewer: viewer, today: req.today,
            calendar: req.safeguard.calendar,
            fields: [:], errors: FormErrors(),
            practiceReview: try await PracticeReviewsController.commissioned(incident: incident.id, on: req.db),
            summaries: try await AgencySummariesController.section(
                ReviewSubject.load(.rapidReview(incident.id!), on: req), viewer: viewer, on: req),
            banner: Self.banner(req)
        )
        .render(on: req)
    }

    /// One step: the rule is ``RapidReview``'s; a refusal shows the page with the problem beside its field.
    private func step(
        _ req: Request, _ action: Action, audit: String, done: String,
        _ change: (inout RapidReview, [String: String], Viewer, SimpleDate) throws(FieldProblem) -> Void
    ) async throws -> Response {
        let viewer = try req.require(action)
        let (incident, record, due) = try await Self.load(req)
        let fields = try FormBody.fields(req)
        var review = record.review
        do throws(FieldProblem) { try change(&review, fields, viewer, due) } catch {
            var errors = FormErrors()
            errors.add(error.field, error.message)
            return RapidReviewPage(
                incident: incident, review: record.review, due: due, viewer: viewer, today: req.today,
                calendar: req.safeguard.calendar,
                fields: fields, errors: errors,
                summaries: try await AgencySummariesController.section(
                    ReviewSubject.load(.rapidReview(incident.id!), on: req), viewer: viewer, on: req),
                banner: Self.banner(req)
            )
            .render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let id = incident.id!
        let changed = review
        let readAs: RapidReview? = record.id == nil ? nil : record.review
        try await req.audit.write(on: req.db) { db in
            // The incident is held, so partners answering at once take turns; each change was made on the review as
            // it was read, and is refused if another landed meanwhile (an agreement would otherwise be lost).
            _ = try await db.lockedForWrite(SeriousIncidentRecord.self, id)
            let current = try await RapidReviewRecord.query(on: db).filter(\.$incident.$id == id).first()
            guard current?.review == readAs else { throw RowLock.changedMeanwhile }
            record.set(changed, at: now)
            try await record.save(on: db)
            return ((), [viewer.event(.change, "rapid-review", id.uuidString, reason: audit, on: req)])
        }
        return req.redirect(to: SiteURL.rapidReview(id).with(query: [("done", done)]), redirectType: .normal)
    }

    func sections(req: Request) async throws -> Response {
        try await step(req, .manageSeriousIncidents, audit: "sections saved", done: "saved") {
            r, f, _, _ throws(FieldProblem) in
            try r.saveSections(
                Dictionary(
                    uniqueKeysWithValues: RapidReviewSection.allCases.map {
                        ($0, TypedText.cleaned(f[$0.rawValue] ?? ""))
                    }))
        }
    }

    func decision(req: Request) async throws -> Response {
        try await step(req, .manageSeriousIncidents, audit: "decision recorded", done: "decided") {
            r, f, _, _ throws(FieldProblem) in
            // The page sends the sections with the decision: they are saved first, so nothing typed is lost.
            if RapidReviewSection.allCases.contains(where: { f[$0.rawValue] != nil }) {
                try r.saveSections(
                    Dictionary(
                        uniqueKeysWithValues: RapidReviewSection.allCases.map {
                            ($0, TypedText.cleaned(f[$0.rawValue] ?? ""))
                        }))
            }
            guard let d = RapidReviewDecision(rawValue: f["decision"] ?? "") else {
                throw FieldProblem(field: "decision", message: "Choose the decision")
            }
            try r.decide(d, rationale: TypedText.cleaned(f["rationale"] ?? ""))
        }
    }

    func agreement(req: Request) async throws -> Response {
        let today = req.today
        return try await step(req, .viewSeriousIncidents, audit: "partner's answer", done: "answered") {
            r, f, v, _ throws(FieldProblem) in
            guard let partner = RapidReview.partner(role: v.role, agencyKind: v.agencyKind, memberships: v.memberships)
            else {
                throw FieldProblem(
                    field: "agreed", message: "Only a statutory partner's lead answers for their partner")
            }
            guard let answer = f["agreed"], answer == "yes" || answer == "no" else {
                throw FieldProblem(field: "agreed", message: "Say whether you agree")
            }
            try r.answer(
                for: partner, agreed: answer == "yes", note: TypedText.cleaned(f["agreement-note"] ?? ""),
                by: v.displayName, on: today)
        }
    }

    func submit(req: Request) async throws -> Response {
        try await step(req, .manageSeriousIncidents, audit: "submitted to the national panel", done: "submitted") {
            r, f, _, due throws(FieldProblem) in
            guard
                let day = SimpleDate(
                    day: f["submitted-day"] ?? "", month: f["submitted-month"] ?? "", year: f["submitted-year"] ?? "")
            else {
                throw FieldProblem(field: "submitted-day", message: "Enter the day it was submitted, like 2 11 2026")
            }
            try r.submit(on: day, lateReason: TypedText.cleaned(f["late-reason"] ?? ""), due: due)
        }
    }

    func panelResponse(req: Request) async throws -> Response {
        let today = req.today
        return try await step(req, .manageSeriousIncidents, audit: "national panel's response", done: "responded") {
            r, f, _, _ throws(FieldProblem) in
            guard let response = PanelResponse(rawValue: f["response"] ?? "") else {
                throw FieldProblem(field: "response", message: "Choose the panel's response")
            }
            try r.recordPanelResponse(response, on: today, comment: TypedText.cleaned(f["panel-comment"] ?? ""))
        }
    }

    /// For My work: the business unit's rapid reviews still to submit, with their clock; a statutory partner's
    /// lead's decisions still to agree.
    static func myWork(_ viewer: Viewer, on req: Request) async throws -> [MyWorkController.Item] {
        let partner = RapidReview.partner(
            role: viewer.role, agencyKind: viewer.agencyKind, memberships: viewer.memberships)
        guard viewer.may(.manageSeriousIncidents) || (partner != nil && viewer.may(.viewSeriousIncidents)) else {
            return []
        }
        let notified = try await SeriousIncidentRecord.query(on: req.db).filter(
            \.$status == SeriousIncidentStatus.notified
        ).sort(\.$raisedAt).all()
        let ids = notified.compactMap(\.id)
        let reviews =
            ids.isEmpty
            ? [:]
            : Dictionary(
                try await RapidReviewRecord.query(on: req.db).filter(\.$incident.$id ~~ ids).all().map {
                    ($0.$incident.id, $0.review)
                },
                uniquingKeysWith: { a, _ in a })
        return notified.compactMap { i in
            let review = reviews[i.id!] ?? RapidReview()
            guard review.mayEdit, let due = i.notification.clock(calendar: req.safeguard.calendar)?.rapidReviewDue
            else { return nil }
            let standing = SeriousIncidentClock.standing(
                due: due, doneOn: nil, today: req.today, calendar: req.safeguard.calendar)
            if viewer.may(.manageSeriousIncidents) {
                return .init(
                    title: "Rapid review: \(i.reference) (\(i.notification.child.name))", url: .rapidReview(i.id!),
                    detail: "Due by \(due.longText) (\(SeriousIncidentListing.words(standing)))",
                    urgent: standing.rag != .green)
            }
            guard let partner, review.decision != nil, review.agreements[partner] == nil else { return nil }
            return .init(
                title: "Agree the rapid review decision: \(i.reference)", url: .rapidReview(i.id!),
                detail: "For the \(partner.displayName.lowercased()); due by \(due.longText)",
                urgent: standing.rag != .green)
        }
    }
}
