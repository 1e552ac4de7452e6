import Fluent
import SafeguardCore
import Vapor

/// The business unit writes briefings, checks and publishes them, withdraws one that is out of date, and sees
/// who has read each, by agency. ``SevenMinuteBriefing`` decides each step; this loads, saves and audits.
struct BriefingsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.learningBriefingNew, for: [.manageLearning], use: new)
        routes.post(.learningBriefingNew, for: [.manageLearning], use: create)
        routes.get(.learningBriefingEdit(.param("briefingID")), for: [.manageLearning], use: edit)
        routes.post(.learningBriefingEdit(.param("briefingID")), for: [.manageLearning], use: update)
        routes.get(.learningBriefingPublish(.param("briefingID")), for: [.manageLearning], use: check)
        routes.post(.learningBriefingPublish(.param("briefingID")), for: [.manageLearning], use: publish)
        routes.get(.learningBriefingWithdraw(.param("briefingID")), for: [.manageLearning], use: withdrawForm)
        routes.post(.learningBriefingWithdraw(.param("briefingID")), for: [.manageLearning], use: withdraw)
        routes.get(.learningBriefingReads(.param("briefingID")), for: [.manageLearning], use: reads)
        routes.get(.learningBriefingReadsCSV(.param("briefingID")), for: [.manageLearning], use: readsCSV)
    }

    func new(req: Request) async throws -> Response {
        try req.require(.manageLearning)
        return BriefingFormView(
            editing: nil, fields: [:], errors: FormErrors(), sources: try await LearningSources.load(on: req.db)
        ).render(on: req)
    }

    func create(req: Request) async throws -> Response {
        let viewer = try req.require(.manageLearning)
        let sources = try await LearningSources.load(on: req.db)
        let fields = try FormBody.fields(req)
        let (briefing, course, errors) = BriefingForm.read(fields, existing: nil, sources: sources)
        guard errors.isEmpty else {
            return BriefingFormView(editing: nil, fields: fields, errors: errors, sources: sources).render(
                on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let id = try await req.audit.write(on: req.db) { db in
            let record = BriefingRecord()
            record.set(briefing, at: now)
            record.$course.id = course
            record.$createdBy.id = viewer.userID
            try await record.create(on: db)
            return (
                record.id!, [viewer.event(.create, "briefing", record.id!.uuidString, reason: briefing.title, on: req)]
            )
        }
        return LearningFlash.redirect(req, to: .learningBriefing(id), .saved)
    }

    func edit(req: Request) async throws -> Response {
        try req.require(.manageLearning)
        let record = try await Self.record(req)
        guard record.briefing.mayEdit else {
            return req.redirect(to: SiteURL.learningBriefingWithdraw(record.id!).path, redirectType: .normal)
        }
        var fields = BriefingForm.fields(of: record)
        fields["opened-as"] = BriefingForm.openedAs(record).stamp
        return BriefingFormView(
            editing: record.id, fields: fields, errors: FormErrors(),
            sources: try await LearningSources.load(on: req.db)
        ).render(on: req)
    }

    /// Saves the briefing unless it was published meanwhile, or a colleague saved it after this form was opened
    /// (``OpenedAs``): both are checked on the briefing as stored, held for the write. Then nothing is saved and the
    /// form comes back with what was typed.
    func update(req: Request) async throws -> Response {
        let viewer = try req.require(.manageLearning)
        let record = try await Self.record(req)
        let id = record.id!
        let sources = try await LearningSources.load(on: req.db)
        var fields = try FormBody.fields(req)
        let (_, _, formErrors) = BriefingForm.read(fields, existing: record.briefing, sources: sources)
        var errors = formErrors
        if !record.briefing.mayEdit { errors.add("title", Self.publishedProblem) }
        guard errors.isEmpty else {
            return BriefingFormView(editing: id, fields: fields, errors: errors, sources: sources).render(
                on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let typed = fields
        let outcome = try await req.audit.write(on: req.db) { db -> (BriefingEditOutcome, [AuditEvent]) in
            let stored = try await db.lockedForWrite(BriefingRecord.self, id)
            guard stored.briefing.mayEdit else { return (.published, []) }
            if case .changedMeanwhile(let stamp) = OpenedAs.decide(
                sent: typed["opened-as"], storedNow: BriefingForm.openedAs(stored))
            {
                return (.changedMeanwhile(BriefingForm.fields(of: stored), stamp), [])
            }
            let (briefing, course, _) = BriefingForm.read(typed, existing: stored.briefing, sources: sources)
            stored.set(briefing, at: now)
            stored.$course.id = course
            try await stored.update(on: db)
            return (.saved, [viewer.event(.change, "briefing", id.uuidString, reason: "text changed", on: req)])
        }
        switch outcome {
        case .saved:
            return LearningFlash.redirect(req, to: .learningBriefing(id), .saved)
        case .published:
            errors.add("title", Self.publishedProblem)
            return BriefingFormView(editing: id, fields: fields, errors: errors, sources: sources).render(
                on: req, status: .conflict)
        case .changedMeanwhile(let saved, let stamp):
            fields["opened-as"] = stamp.stamp
            let differences = BriefingForm.differences(saved: saved, typed: typed, sources: sources)
            return BriefingFormView(
                editing: id, fields: fields, errors: errors, sources: sources, meanwhile: differences
            )
            .render(on: req, status: .conflict)
        }
    }

    static let publishedProblem =
        "This briefing is published: withdraw it before changing it, so readers are not shown a different text"

    /// The whole briefing as readers will see it, with anything missing listed, before the one button that publishes.
    func check(req: Request) async throws -> Response {
        let viewer = try req.require(.manageLearning)
        let (record, listing) = try await LearningController.load(try req.briefingID(), viewer: viewer, on: req)
        let sources = try await LearningSources.load(on: req.db)
        let problems = record.briefing.publishProblems(
            vocabulary: sources.vocabulary, knownReviews: sources.knownReviews)
        return BriefingPublishView(listing: listing, problems: problems).render(on: req)
    }

    func publish(req: Request) async throws -> Response {
        let viewer = try req.require(.manageLearning)
        let id = try req.briefingID()
        let today = req.today
        let now = req.now
        let sources = try await LearningSources.load(on: req.db)
        let refusal: FieldProblem? = try await req.audit.write(on: req.db) { db in
            guard let record = try await BriefingRecord.find(id, on: db) else { throw Abort(.notFound) }
            var b = record.briefing
            do throws(FieldProblem) {
                try b.publish(on: today, vocabulary: sources.vocabulary, knownReviews: sources.knownReviews)
            } catch { return (error, []) }
            record.set(b, at: now)
            try await record.update(on: db)
            return (nil, [viewer.event(.change, "briefing", id.uuidString, reason: "published", on: req)])
        }
        if refusal != nil {
            let (record, listing) = try await LearningController.load(id, viewer: viewer, on: req)
            return BriefingPublishView(
                listing: listing,
                problems: record.briefing.publishProblems(
                    vocabulary: sources.vocabulary, knownReviews: sources.knownReviews)
                    + (record.briefing.status == .published ? [refusal!] : [])
            )
            .render(on: req, status: .unprocessableEntity)
        }
        return LearningFlash.redirect(req, to: .learningBriefing(id), .published)
    }

    func withdrawForm(req: Request) async throws -> Response {
        let viewer = try req.require(.manageLearning)
        let (_, listing) = try await LearningController.load(try req.briefingID(), viewer: viewer, on: req)
        return BriefingWithdrawView(listing: listing, reason: "", errors: FormErrors()).render(on: req)
    }

    func withdraw(req: Request) async throws -> Response {
        let viewer = try req.require(.manageLearning)
        let id = try req.briefingID()
        let now = req.now
        let reason = TypedText.cleaned((try FormBody.fields(req))["reason"] ?? "")
        let refusal: FieldProblem? = try await req.audit.write(on: req.db) { db in
            guard let record = try await BriefingRecord.find(id, on: db) else { throw Abort(.notFound) }
            var b = record.briefing
            do throws(FieldProblem) { try b.withdraw(reason: reason) } catch { return (error, []) }
            record.set(b, at: now)
            try await record.update(on: db)
            return (nil, [viewer.event(.change, "briefing", id.uuidString, reason: "withdrawn: \(reason)", on: req)])
        }
        if let refusal {
            let (_, listing) = try await LearningController.load(id, viewer: viewer, on: req)
            var errors = FormErrors()
            errors.add("reason", refusal.message)
            return BriefingWithdrawView(listing: listing, reason: reason, errors: errors).render(
                on: req, status: .unprocessableEntity)
        }
        return LearningFlash.redirect(req, to: .learningBriefing(id), .withdrawn)
    }

    func reads(req: Request) async throws -> Response {
        let viewer = try req.require(.manageLearning)
        let (record, listing) = try await LearningController.load(try req.briefingID(), viewer: viewer, on: req)
        let readership = try await Self.readership(record.id!, on: req.db)
        try await req.audit.record(viewer.event(.view, "briefing-reads", record.id!.uuidString, on: req), on: req.db)
        return BriefingReadsView(listing: listing, readership: readership).render(on: req)
    }

    func readsCSV(req: Request) async throws -> Response {
        let viewer = try req.require(.manageLearning)
        let (record, _) = try await LearningController.load(try req.briefingID(), viewer: viewer, on: req)
        let readership = try await Self.readership(record.id!, on: req.db)
        try await req.audit.record(viewer.event(.export, "briefing-reads", record.id!.uuidString, on: req), on: req.db)
        return try CSVDownload.response(readership.csvLines, filename: "briefing-reads-\(record.id!).csv")
    }

    /// Each agency's active users against those of its users who marked the briefing read.
    static func readership(_ id: UUID, on db: Database) async throws -> BriefingReadership {
        let agencies = try await Agency.query(on: db).all()
        let names = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.name) })
        var staff: [String: Int] = [:]
        var reads: [String: Int] = [:]
        for u in try await User.query(on: db).filter(\.$active == true).all() {
            staff[names[u.$agency.id] ?? "Unknown agency", default: 0] += 1
        }
        for r in try await BriefingReadRecord.query(on: db).filter(\.$briefing.$id == id).all() {
            reads[names[r.$agency.id] ?? "Unknown agency", default: 0] += 1
        }
        return BriefingReadership(staff: staff, reads: reads)
    }

    static func record(_ req: Request) async throws -> BriefingRecord {
        guard let record = try await BriefingRecord.find(try req.briefingID(), on: req.db) else {
            throw Abort(.notFound)
        }
        return record
    }
}

private enum BriefingEditOutcome: Sendable {
    case saved
    /// Published between the form's read and the write.
    case published
    /// The briefing's fields as saved now, and their stamp.
    case changedMeanwhile([String: String], OpenedAs)
}
