import Fluent
import SafeguardCore
import Vapor

/// What a briefing's page needs besides the briefing: the themes and reviews it can link to, and the courses.
struct LearningSources: Sendable {
    var vocabulary: ReviewThemeVocabulary
    /// Reference → title, for every review the platform holds.
    var reviews: [(reference: String, title: String)]
    var courses: [(id: UUID, title: String)]

    static func load(on db: Database) async throws -> LearningSources {
        let reviews = try await ReviewCatalogue.all(on: db)
        let courses = try await TrainingCourseRecord.query(on: db).filter(\.$withdrawnAt == nil).sort(\.$title).all()
            .map { ($0.id!, $0.title) }
        return LearningSources(
            vocabulary: try await ReviewThemeRecord.vocabulary(on: db), reviews: reviews, courses: courses)
    }

    var knownReviews: Set<String> { Set(reviews.map(\.reference)) }

    /// "Serious case review: Child Z (NM-SCR-2019-1)" or "Theme: Engagement of fathers".
    func source(of b: SevenMinuteBriefing) -> String {
        var parts: [String] = []
        if let r = b.reviewReference {
            parts.append(reviews.first { $0.reference == r }.map { "\($0.title) (\(r))" } ?? r)
        }
        if let k = b.themeKey { parts.append("Theme: " + (vocabulary.theme(k)?.name ?? k)) }
        return parts.joined(separator: "; ")
    }

    func course(_ id: UUID?) -> (id: UUID, title: String)? { id.flatMap { id in courses.first { $0.id == id } } }
}

/// A briefing as a page shows it: the view model built from the stored row and ``LearningSources``.
struct BriefingListing: Sendable {
    var id: UUID
    var briefing: SevenMinuteBriefing
    var source: String
    var course: (id: UUID, title: String)?
    /// When the viewer marked it read, if they have.
    var readAt: Date?

    init(_ record: BriefingRecord, sources: LearningSources, readAt: Date?) {
        id = record.id!
        briefing = record.briefing
        source = sources.source(of: briefing)
        course = sources.course(record.$course.id)
        self.readAt = readAt
    }
}

/// The message after a learning action, carried as `?done=` on the redirect so a reload repeats nothing.
enum LearningFlash: String {
    case saved, published, withdrawn, read
    case themeAdded = "theme-added"

    init?(_ req: Request) {
        guard let raw = try? req.query.get(String.self, at: "done") else { return nil }
        self.init(rawValue: raw)
    }

    var message: String {
        switch self {
        case .saved: "The briefing is saved. Nobody else sees it until it is published."
        case .published: "The briefing is published. Everyone who signs in can read it on the Learning page."
        case .withdrawn: "The briefing is withdrawn. Readers no longer see it; you can correct it and publish it again."
        case .read: "Thank you: your reading is recorded."
        case .themeAdded: "The theme is added. Reviews can now be coded with it."
        }
    }

    static func redirect(_ req: Request, to url: SiteURL, _ flash: LearningFlash) -> Response {
        req.redirect(to: url.with(query: [("done", flash.rawValue)]), redirectType: .normal)
    }
}

extension Request {
    func briefingID() throws -> UUID {
        guard let id = parameters.get("briefingID", as: UUID.self) else { throw Abort(.notFound) }
        return id
    }
}
