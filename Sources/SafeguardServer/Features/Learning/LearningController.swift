import Fluent
import SafeguardCore
import Vapor

/// The Learning page every signed-in user has: published 7-minute briefings to read and mark read, and for
/// those who plan the partnership's work, the themes across reviews. The business unit also sees its drafts.
struct LearningController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.learning, for: [.readLearning], use: index)
        routes.get(.learningBriefing(.param("briefingID")), for: [.readLearning], use: show)
        routes.post(.learningBriefingRead(.param("briefingID")), for: [.readLearning], use: markRead)
    }

    func index(req: Request) async throws -> Response {
        let viewer = try req.require(.readLearning)
        let mayManage = viewer.may(.manageLearning)
        let sources = try await LearningSources.load(on: req.db)
        var query = BriefingRecord.query(on: req.db).sort(\.$publishedOn, .descending).sort(\.$updatedAt, .descending)
        if !mayManage { query = query.filter(\.$status == BriefingStatus.published) }
        let records = try await query.all()
        let reads = try await Self.readsBy(viewer.userID, on: req.db)
        let listings = records.map { BriefingListing($0, sources: sources, readAt: reads[$0.id!]) }
        var analysis: ThematicAnalysis?
        if viewer.may(.viewThematicAnalysis) {
            analysis = ThematicAnalysis(
                reviews: try await CodedReviewRecord.rows(on: req.db).map(\.review), vocabulary: sources.vocabulary)
        }
        return LearningIndexView(
            published: listings.filter { $0.briefing.status == .published },
            unpublished: listings.filter { $0.briefing.status != .published },
            mayManage: mayManage, analysis: analysis, mayViewDisagreementFigures: viewer.may(.viewDisagreementFigures),
            banner: LearningFlash(req)
        ).render(on: req)
    }

    func show(req: Request) async throws -> Response {
        let viewer = try req.require(.readLearning)
        let (record, listing) = try await Self.load(try req.briefingID(), viewer: viewer, on: req)
        try await req.audit.record(viewer.event(.view, "briefing", record.id!.uuidString, on: req), on: req.db)
        return BriefingView(listing: listing, mayManage: viewer.may(.manageLearning), banner: LearningFlash(req))
            .render(on: req)
    }

    func markRead(req: Request) async throws -> Response {
        let viewer = try req.require(.readLearning)
        let id = try req.briefingID()
        let now = req.now
        let (record, _) = try await Self.load(id, viewer: viewer, on: req)
        guard record.briefing.status == .published else {
            throw Abort(.conflict, reason: "Only a published briefing can be marked read")
        }
        try await req.audit.write(on: req.db) { db in
            // Marking twice keeps the first reading: the unique index would refuse a second row anyway.
            let already = try await BriefingReadRecord.query(on: db).filter(\.$briefing.$id == id).filter(
                \.$user.$id == viewer.userID
            ).first()
            guard already == nil else { return ((), []) }
            let read = BriefingReadRecord()
            read.$briefing.id = id
            read.$user.id = viewer.userID
            read.$agency.id = viewer.agencyID
            read.readAt = now
            try await read.create(on: db)
            return ((), [viewer.event(.change, "briefing", id.uuidString, reason: "marked read", on: req)])
        }
        return LearningFlash.redirect(req, to: .learningBriefing(id), .read)
    }

    /// The briefing, if the viewer may see it: everyone sees a published one, only the business unit the rest.
    static func load(_ id: UUID, viewer: Viewer, on req: Request) async throws -> (BriefingRecord, BriefingListing) {
        guard let record = try await BriefingRecord.find(id, on: req.db) else { throw Abort(.notFound) }
        guard record.status == BriefingStatus.published || viewer.may(.manageLearning) else {
            throw Abort(.notFound)
        }
        let reads = try await readsBy(viewer.userID, on: req.db)
        return (record, BriefingListing(record, sources: try await LearningSources.load(on: req.db), readAt: reads[id]))
    }

    static func readsBy(_ user: UUID, on db: Database) async throws -> [UUID: Date] {
        let rows = try await BriefingReadRecord.query(on: db).filter(\.$user.$id == user).all()
        return Dictionary(rows.map { ($0.$briefing.id, $0.readAt) }, uniquingKeysWith: { a, _ in a })
    }
}
