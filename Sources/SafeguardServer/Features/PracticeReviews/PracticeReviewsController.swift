import Fluent
import SafeguardCore
import Vapor

/// Practice reviews: commissioned by the business unit from a rapid review that decided a local review, or a SAR
/// the panel decided to hold; run to publication (or a recorded reason not to publish). ``PracticeReview`` decides.
struct PracticeReviewsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.post(
            .rapidReviewStep(.param("incidentID"), "commission"), for: [.manageSeriousIncidents], use: commissionLCSPR)
        routes.post(.sarCommission(.param("sarID")), for: [.manageSeriousIncidents], use: commissionSAR)
        routes.get(
            .practiceReviews, for: [.manageSeriousIncidents, .viewSeriousIncidents, .viewSARs, .viewThematicAnalysis],
            use: list)
        routes.get(
            .practiceReview(.param("reviewID")), for: [.viewSeriousIncidents, .viewSARs, .viewThematicAnalysis],
            use: show)
        routes.post(.practiceReviewStep(.param("reviewID"), "set-up"), for: [.manageSeriousIncidents], use: setUp)
        routes.post(
            .practiceReviewStep(.param("reviewID"), "milestone"), for: [.manageSeriousIncidents], use: milestone)
        routes.post(
            .practiceReviewStep(.param("reviewID"), "milestone-done"), for: [.manageSeriousIncidents],
            use: milestoneDone)
        routes.post(.practiceReviewStep(.param("reviewID"), "draft"), for: [.manageSeriousIncidents], use: draft)
        routes.post(
            .practiceReviewStep(.param("reviewID"), "board-response"), for: [.manageSeriousIncidents],
            use: boardResponse)
        routes.post(.practiceReviewStep(.param("reviewID"), "publish"), for: [.manageSeriousIncidents], use: publish)
        routes.post(
            .practiceReviewStep(.param("reviewID"), "not-publishing"), for: [.manageSeriousIncidents],
            use: notPublishing)
        routes.post(.practiceReviewStep(.param("reviewID"), "themes"), for: [.manageSeriousIncidents], use: codeThemes)
    }

    // MARK: Commissioning

    func commissionLCSPR(req: Request) async throws -> Response {
        let viewer = try req.require(.manageSeriousIncidents)
        let (incident, record, _) = try await RapidReviewController.load(req)
        let review = record.review
        guard review.decision == .localReview, let decided = review.submittedOn else {
            throw Abort(
                .conflict, reason: "A local review is commissioned once the rapid review deciding it has been submitted"
            )
        }
        let fields = try FormBody.fields(req)
        if let problem = Self.titleProblem(fields["title"]) {
            var errors = FormErrors()
            errors.add("title", problem)
            let (_, _, due) = try await RapidReviewController.load(req)
            return RapidReviewPage(
                incident: incident, review: review, due: due, viewer: viewer, today: req.today,
                calendar: req.safeguard.calendar,
                fields: fields, errors: errors
            ).render(on: req, status: .unprocessableEntity)
        }
        return try await commission(
            req, viewer: viewer, kind: .lcspr, decidedOn: decided, incident: incident.id, sar: nil)
    }

    func commissionSAR(req: Request) async throws -> Response {
        let viewer = try req.require(.manageSeriousIncidents)
        let sar = try await SARController.record(req)
        let referral = sar.referral
        guard let decision = referral.decision, decision != .noReview, let decided = referral.decidedOn else {
            throw Abort(.conflict, reason: "A SAR is commissioned once the panel has decided to hold one")
        }
        let fields = try FormBody.fields(req)
        if let problem = Self.titleProblem(fields["title"]) {
            var errors = FormErrors()
            errors.add("title", problem)
            return try await SARController.page(sar, viewer: viewer, on: req, fields: fields, errors: errors).render(
                on: req, status: .unprocessableEntity)
        }
        return try await commission(req, viewer: viewer, kind: .sar, decidedOn: decided, incident: nil, sar: sar.id)
    }

    static func titleProblem(_ text: String?) -> String? {
        let title = TypedText.cleaned(text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return (3...80).contains(title.count)
            ? nil
            : "Give the review the name it will be published under, such as “Baby M”: 3 to 80 characters, never the real name"
    }

    /// The practice review already commissioned from a rapid review or a SAR, if any: its page links to it.
    static func commissioned(incident: UUID? = nil, sar: UUID? = nil, on db: Database) async throws -> UUID? {
        if let incident {
            return try await PracticeReviewRecord.query(on: db).filter(\.$incident.$id == incident).first()?.id
        }
        if let sar { return try await PracticeReviewRecord.query(on: db).filter(\.$sar.$id == sar).first()?.id }
        return nil
    }

    private func commission(
        _ req: Request, viewer: Viewer, kind: PracticeReviewKind, decidedOn: SimpleDate, incident: UUID?, sar: UUID?
    ) async throws -> Response {
        let title = TypedText.cleaned((try FormBody.fields(req))["title"] ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        let months = req.safeguard.settings.rules.practiceReviewPublicationMonths
        let now = req.now
        let year = req.today.year
        let id = try await req.audit.write(on: req.db) { db in
            // The incident or SAR is held and only then counted, so a commission pressed twice makes one review, not
            // two references.
            let existing = PracticeReviewRecord.query(on: db)
            if let incident {
                _ = try await db.lockedForWrite(SeriousIncidentRecord.self, incident)
                existing.filter(\.$incident.$id == incident)
            } else if let sar {
                _ = try await db.lockedForWrite(SARReferralRecord.self, sar)
                existing.filter(\.$sar.$id == sar)
            }
            if incident != nil || sar != nil, try await existing.count() > 0 {
                throw Abort(.conflict, reason: "This review has already been commissioned")
            }
            let r = PracticeReviewRecord()
            r.reference = try await YearlyReference.practiceReview.next(
                PracticeReviewRecord.self, \.$reference, year: year, on: db)
            r.title = title
            r.$incident.id = incident
            r.$sar.id = sar
            r.set(PracticeReview(kind: kind, decidedOn: decidedOn, publicationMonths: months), at: now)
            try await r.create(on: db)
            return (
                r.id!,
                [
                    viewer.event(
                        .create, "practice-review", r.id!.uuidString, reason: "\(kind.rawValue) commissioned", on: req)
                ]
            )
        }
        return req.redirect(
            to: SiteURL.practiceReview(id).with(query: [("done", "commissioned")]), redirectType: .normal)
    }

    // MARK: Reading

    func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let all = try await PracticeReviewRecord.query(on: req.db).sort(\.$decidedOn, .descending).all().filter {
            $0.mayOpen(viewer)
        }
        guard
            !all.isEmpty || viewer.may(.manageSeriousIncidents) || viewer.may(.viewSeriousIncidents)
                || viewer.may(.viewSARs)
                || viewer.may(.viewThematicAnalysis)
        else { throw AccessDenied(decision: .deny(.roleHasNoAccess)) }
        try await req.audit.record(viewer.event(.view, "practice-reviews", "list", on: req), on: req.db)
        return PracticeReviewListView(rows: all.map { ($0.id!, $0.reference, $0.title, $0.review) }, today: req.today)
            .render(on: req)
    }

    func show(req: Request) async throws -> Response {
        let (viewer, record) = try await Self.load(req)
        try await req.audit.record(viewer.event(.view, "practice-review", record.id!.uuidString, on: req), on: req.db)
        return PracticeReviewPage(
            id: record.id!, reference: record.reference, title: record.title, review: record.review,
            mayManage: viewer.may(.manageSeriousIncidents), today: req.today, fields: [:], errors: FormErrors(),
            coding: try await Self.coding(record, on: req.db)
        ).render(on: req)
    }

    /// The themes the review is coded with, and the vocabulary to code it from.
    static func coding(_ record: PracticeReviewRecord, on db: Database) async throws -> PracticeReviewPage.Coding {
        let coded =
            try await CodedReviewRecord.query(on: db).filter(\.$reference == record.reference).first()?.row?.review
            .themes ?? []
        return .init(vocabulary: try await ReviewThemeRecord.vocabulary(on: db), themes: coded)
    }

    /// The business unit codes a concluded review with its themes; the thematic analysis counts it from then on.
    /// Coding it again replaces its themes: the analysis always counts each review once.
    func codeThemes(req: Request) async throws -> Response {
        let viewer = try req.require(.manageSeriousIncidents)
        let (_, record) = try await Self.load(req)
        let chosen = Set(try FormBody.list(req, "themes"))
        var coding = try await Self.coding(record, on: req.db)
        let review = record.review
        let coded: CodedReview
        do throws(FieldProblem) {
            coded = try review.coded(reference: record.reference, themes: chosen, vocabulary: coding.vocabulary)
        } catch {
            var errors = FormErrors()
            errors.add(error.field, error.message)
            coding.themes = chosen
            return PracticeReviewPage(
                id: record.id!, reference: record.reference, title: record.title, review: review, mayManage: true,
                today: req.today, fields: [:], errors: errors, coding: coding
            ).render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let title = record.title
        try await req.audit.write(on: req.db) { db in
            let row =
                try await CodedReviewRecord.query(on: db).filter(\.$reference == coded.reference).first()
                ?? CodedReviewRecord()
            row.set(ReviewImport.Row(review: coded, title: title), source: "platform", at: now)
            try await row.save(on: db)
            return (
                (),
                [
                    viewer.event(
                        .change, "practice-review", record.id!.uuidString,
                        reason: "coded with \(coded.themes.count) themes", on: req)
                ]
            )
        }
        return req.redirect(
            to: SiteURL.practiceReview(record.id!).with(query: [("done", "coded")]), redirectType: .normal)
    }

    static func load(_ req: Request) async throws -> (Viewer, PracticeReviewRecord) {
        let viewer = try req.requireViewer()
        guard let id = req.parameters.get("reviewID", as: UUID.self),
            let r = try await PracticeReviewRecord.find(id, on: req.db)
        else { throw Abort(.notFound) }
        guard r.mayOpen(viewer) else { throw AccessDenied(decision: .deny(.roleHasNoAccess)) }
        return (viewer, r)
    }

    // MARK: Steps, the business unit's

    private func step(
        _ req: Request, audit: String,
        _ change: (inout PracticeReview, [String: String], SimpleDate) throws(FieldProblem) -> Void
    ) async throws -> Response {
        let viewer = try req.require(.manageSeriousIncidents)
        let (_, record) = try await Self.load(req)
        let fields = try FormBody.fields(req)
        var review = record.review
        do throws(FieldProblem) { try change(&review, fields, req.today) } catch {
            var errors = FormErrors()
            errors.add(error.field, error.message)
            return PracticeReviewPage(
                id: record.id!, reference: record.reference, title: record.title, review: record.review,
                mayManage: true,
                today: req.today, fields: fields, errors: errors, coding: try await Self.coding(record, on: req.db)
            )
            .render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let id = record.id!
        let changed = review
        let readAs = record.review
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(record) { $0.review == readAs }
            record.set(changed, at: now)
            try await record.update(on: db)
            return ((), [viewer.event(.change, "practice-review", id.uuidString, reason: audit, on: req)])
        }
        return req.redirect(to: SiteURL.practiceReview(id).with(query: [("done", "saved")]), redirectType: .normal)
    }

    static func date(_ f: [String: String], _ prefix: String) -> SimpleDate? {
        SimpleDate(day: f["\(prefix)-day"] ?? "", month: f["\(prefix)-month"] ?? "", year: f["\(prefix)-year"] ?? "")
    }

    func setUp(req: Request) async throws -> Response {
        try await step(req, audit: "set up") { r, f, _ throws(FieldProblem) in
            try r.setUp(
                terms: TypedText.cleaned(f["terms"] ?? ""), reviewer: TypedText.cleaned(f["reviewer"] ?? ""),
                family: TypedText.cleaned(f["family"] ?? ""))
        }
    }

    func milestone(req: Request) async throws -> Response {
        try await step(req, audit: "milestone added") { r, f, _ throws(FieldProblem) in
            try r.addMilestone(TypedText.cleaned(f["milestone"] ?? ""), due: Self.date(f, "milestone-due"))
        }
    }

    func milestoneDone(req: Request) async throws -> Response {
        try await step(req, audit: "milestone done") { r, f, today throws(FieldProblem) in
            try r.completeMilestone(Int(f["index"] ?? "") ?? -1, on: today)
        }
    }

    func draft(req: Request) async throws -> Response {
        try await step(req, audit: "draft shared") { r, f, today throws(FieldProblem) in
            try r.addDraft(
                sharedOn: Self.date(f, "shared") ?? today,
                seenBy: TypedText.cleaned(f["seen-by"] ?? "").split(separator: "\n").map(String.init))
        }
    }

    func boardResponse(req: Request) async throws -> Response {
        try await step(req, audit: "board's response") { r, f, today throws(FieldProblem) in
            try r.recordBoardResponse(TypedText.cleaned(f["board-response"] ?? ""), on: today)
        }
    }

    func publish(req: Request) async throws -> Response {
        try await step(req, audit: "published") { r, f, _ throws(FieldProblem) in
            guard let day = Self.date(f, "published") else {
                throw FieldProblem(field: "published-day", message: "Enter the day it was published, like 30 9 2026")
            }
            try r.publish(on: day, lateReason: TypedText.cleaned(f["publish-late-reason"] ?? ""))
        }
    }

    func notPublishing(req: Request) async throws -> Response {
        try await step(req, audit: "not to be published") { r, f, _ throws(FieldProblem) in
            try r.decideNotToPublish(TypedText.cleaned(f["not-publishing-reason"] ?? ""))
        }
    }
}
