import Fluent
import Vapor
import SafeguardCore

/// The business unit writes briefings, checks and publishes them, withdraws one that is out of date, and sees
/// who has read each, by agency. ``SevenMinuteBriefing`` decides each step; this loads, saves and audits.
struct BriefingsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get("learning", "briefings", "new", use: new)
        routes.post("learning", "briefings", "new", use: create)
        routes.get("learning", "briefings", ":briefingID", "edit", use: edit)
        routes.post("learning", "briefings", ":briefingID", "edit", use: update)
        routes.get("learning", "briefings", ":briefingID", "publish", use: check)
        routes.post("learning", "briefings", ":briefingID", "publish", use: publish)
        routes.get("learning", "briefings", ":briefingID", "withdraw", use: withdrawForm)
        routes.post("learning", "briefings", ":briefingID", "withdraw", use: withdraw)
        routes.get("learning", "briefings", ":briefingID", "reads", use: reads)
        routes.get("learning", "briefings", ":briefingID", "reads.csv", use: readsCSV)
    }

    func new(req: Request) async throws -> Response {
        try req.require(.manageLearning)
        return BriefingFormView(editing: nil, fields: [:], errors: FormErrors(), sources: try await LearningSources.load(on: req.db)).render(on: req)
    }

    func create(req: Request) async throws -> Response {
        let viewer = try req.require(.manageLearning)
        let sources = try await LearningSources.load(on: req.db)
        let fields = try ReferralsController.fields(req)
        let (briefing, course, errors) = BriefingForm.read(fields, existing: nil, sources: sources)
        guard errors.isEmpty else {
            return BriefingFormView(editing: nil, fields: fields, errors: errors, sources: sources).render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let id = try await req.audit.write(on: req.db) { db in
            let record = BriefingRecord()
            record.set(briefing, at: now)
            record.$course.id = course
            record.$createdBy.id = viewer.userID
            try await record.create(on: db)
            return (record.id!, [viewer.event(.create, "briefing", record.id!.uuidString, reason: briefing.title, on: req)])
        }
        return LearningFlash.redirect(req, to: .learningBriefing(id), .saved)
    }

    func edit(req: Request) async throws -> Response {
        try req.require(.manageLearning)
        let record = try await Self.record(req)
        guard record.briefing.mayEdit else { return req.redirect(to: SiteURL.learningBriefingWithdraw(record.id!).path, redirectType: .normal) }
        return BriefingFormView(editing: record.id, fields: BriefingForm.fields(of: record), errors: FormErrors(),
                                sources: try await LearningSources.load(on: req.db)).render(on: req)
    }

    func update(req: Request) async throws -> Response {
        let viewer = try req.require(.manageLearning)
        let record = try await Self.record(req), id = record.id!
        let sources = try await LearningSources.load(on: req.db)
        let fields = try ReferralsController.fields(req)
        let (briefing, course, formErrors) = BriefingForm.read(fields, existing: record.briefing, sources: sources)
        var errors = formErrors
        if !record.briefing.mayEdit { errors.add("title", "This briefing is published: withdraw it before changing it, so readers are not shown a different text") }
        guard errors.isEmpty else {
            return BriefingFormView(editing: id, fields: fields, errors: errors, sources: sources).render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        try await req.audit.write(on: req.db) { db in
            record.set(briefing, at: now)
            record.$course.id = course
            try await record.update(on: db)
            return ((), [viewer.event(.change, "briefing", id.uuidString, reason: "text changed", on: req)])
        }
        return LearningFlash.redirect(req, to: .learningBriefing(id), .saved)
    }

    /// The whole briefing as readers will see it, with anything missing listed, before the one button that publishes.
    func check(req: Request) async throws -> Response {
        let viewer = try req.require(.manageLearning)
        let (record, listing) = try await LearningController.load(try req.briefingID(), viewer: viewer, on: req)
        let sources = try await LearningSources.load(on: req.db)
        let problems = record.briefing.publishProblems(vocabulary: sources.vocabulary, knownReviews: sources.knownReviews)
        return BriefingPublishView(listing: listing, problems: problems).render(on: req)
    }

    func publish(req: Request) async throws -> Response {
        let viewer = try req.require(.manageLearning)
        let id = try req.briefingID(), today = req.today, now = req.now
        let sources = try await LearningSources.load(on: req.db)
        let refusal: FieldProblem? = try await req.audit.write(on: req.db) { db in
            guard let record = try await BriefingRecord.find(id, on: db) else { throw Abort(.notFound) }
            var b = record.briefing
            do throws(FieldProblem) { try b.publish(on: today, vocabulary: sources.vocabulary, knownReviews: sources.knownReviews) }
            catch { return (error, []) }
            record.set(b, at: now)
            try await record.update(on: db)
            return (nil, [viewer.event(.change, "briefing", id.uuidString, reason: "published", on: req)])
        }
        if refusal != nil {
            let (record, listing) = try await LearningController.load(id, viewer: viewer, on: req)
            return BriefingPublishView(listing: listing, problems: record.briefing.publishProblems(vocabulary: sources.vocabulary, knownReviews: sources.knownReviews)
                                       + (record.briefing.status == .published ? [refusal!] : []))
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
        let id = try req.briefingID(), now = req.now
        let reason = TypedText.cleaned((try ReferralsController.fields(req))["reason"] ?? "")
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
            return BriefingWithdrawView(listing: listing, reason: reason, errors: errors).render(on: req, status: .unprocessableEntity)
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
        var staff: [String: Int] = [:], reads: [String: Int] = [:]
        for u in try await User.query(on: db).filter(\.$active == true).all() { staff[names[u.$agency.id] ?? "Unknown agency", default: 0] += 1 }
        for r in try await BriefingReadRecord.query(on: db).filter(\.$briefing.$id == id).all() { reads[names[r.$agency.id] ?? "Unknown agency", default: 0] += 1 }
        return BriefingReadership(staff: staff, reads: reads)
    }

    static func record(_ req: Request) async throws -> BriefingRecord {
        guard let record = try await BriefingRecord.find(try req.briefingID(), on: req.db) else { throw Abort(.notFound) }
        return record
    }
}
