import Fluent
import SafeguardCore
import Vapor

/// The themes across reviews for a chosen period and kinds of review (``ThematicAnalysis`` counts them), the
/// reviews behind the figures, and the vocabulary the business unit extends.
struct ThematicAnalysisController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.learningThemes, for: [.viewThematicAnalysis], use: themes)
        routes.get(.learningThemesCSV, for: [.viewThematicAnalysis], use: themesCSV)
        routes.get(.learningThemeVocabulary, for: [.viewThematicAnalysis], use: vocabulary)
        routes.post(.learningThemeVocabulary, for: [.manageLearning], use: addTheme)
        routes.get(.learningReviews, for: [.viewThematicAnalysis], use: reviews)
        routes.get(.learningReviewsCSV, for: [.viewThematicAnalysis], use: reviewsCSV)
    }

    /// The question the page's GET form asks: a period (all reviews held, by default) and kinds (all, by default).
    struct Scope {
        var period: ClosedRange<SimpleDate>
        var kinds: Set<ReviewKind>
        var errors = FormErrors()

        static func read(_ req: Request, reviews: [ReviewImport.Row]) -> Scope {
            let dates = reviews.map(\.review.completedOn)
            let whole = (dates.min() ?? req.today)...max(dates.max() ?? req.today, req.today)
            var errors = FormErrors()
            let period = ReportPeriod.read(req, default: whole, errors: &errors)
            let pairs = URLComponents(string: req.url.string)?.queryItems ?? []
            var kinds = Set<ReviewKind>()
            for item in pairs where item.name == "kind" || item.name == "kind[]" {
                if let k = ReviewKind(rawValue: item.value ?? "") {
                    kinds.insert(k)
                } else {
                    errors.add("kind", "Choose kinds of review from the list")
                }
            }
            return Scope(period: period, kinds: kinds, errors: errors)
        }

        var query: [(String, String)] {
            [("from", period.lowerBound.iso), ("to", period.upperBound.iso)]
                + kinds.sorted { $0.rawValue < $1.rawValue }.map { ("kind", $0.rawValue) }
        }
    }

    func themes(req: Request) async throws -> Response {
        let viewer = try req.require(.viewThematicAnalysis)
        let (analysis, scope) = try await Self.analyse(req)
        try await req.audit.record(
            viewer.event(.view, "thematic-analysis", "\(scope.period.lowerBound)..\(scope.period.upperBound)", on: req),
            on: req.db)
        return ThematicAnalysisView(analysis: analysis, scope: scope, mayManage: viewer.may(.manageLearning))
            .render(on: req, status: scope.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func themesCSV(req: Request) async throws -> Response {
        let viewer = try req.require(.viewThematicAnalysis)
        let (analysis, scope) = try await Self.analyse(req)
        guard scope.errors.isEmpty else {
            throw Abort(.badRequest, reason: scope.errors.all.map(\.message).joined(separator: "; "))
        }
        try await req.audit.record(
            viewer.event(
                .export, "thematic-analysis", "\(scope.period.lowerBound)..\(scope.period.upperBound)", on: req),
            on: req.db)
        return try CSVDownload.response(
            analysis.csvLines, filename: "themes-\(scope.period.lowerBound)-to-\(scope.period.upperBound).csv")
    }

    static func analyse(_ req: Request) async throws -> (ThematicAnalysis, Scope) {
        let rows = try await CodedReviewRecord.rows(on: req.db)
        let scope = Scope.read(req, reviews: rows)
        let vocabulary = try await ReviewThemeRecord.vocabulary(on: req.db)
        return (
            ThematicAnalysis(
                reviews: rows.map(\.review), vocabulary: vocabulary, period: scope.period, kinds: scope.kinds), scope
        )
    }

    func reviews(req: Request) async throws -> Response {
        let viewer = try req.require(.viewThematicAnalysis)
        let rows = try await CodedReviewRecord.rows(on: req.db)
        try await req.audit.record(viewer.event(.view, "coded-reviews", "all", on: req), on: req.db)
        return CodedReviewsView(rows: rows.reversed(), vocabulary: try await ReviewThemeRecord.vocabulary(on: req.db))
            .render(on: req)
    }

    func reviewsCSV(req: Request) async throws -> Response {
        let viewer = try req.require(.viewThematicAnalysis)
        let rows = try await CodedReviewRecord.rows(on: req.db)
        try await req.audit.record(viewer.event(.export, "coded-reviews", "all", on: req), on: req.db)
        return try CSVDownload.response(
            ReviewImport.csvLines(rows, vocabulary: try await ReviewThemeRecord.vocabulary(on: req.db)),
            filename: "coded-reviews.csv")
    }

    func vocabulary(req: Request) async throws -> Response {
        let viewer = try req.require(.viewThematicAnalysis)
        return ThemeVocabularyView(
            vocabulary: try await ReviewThemeRecord.vocabulary(on: req.db), mayManage: viewer.may(.manageLearning),
            fields: [:], errors: FormErrors(), banner: LearningFlash(req)
        ).render(on: req)
    }

    func addTheme(req: Request) async throws -> Response {
        let viewer = try req.require(.manageLearning)
        let fields = try FormBody.fields(req)
        var vocabulary = try await ReviewThemeRecord.vocabulary(on: req.db)
        var errors = FormErrors()
        let group = ReviewThemeGroup(rawValue: fields["group"] ?? "")
        if group == nil { errors.add("group", "Choose the group the theme belongs to") }
        var added: ReviewTheme?
        do throws(ReviewThemeVocabulary.Problem) {
            added = try vocabulary.add(name: TypedText.cleaned(fields["name"] ?? ""), group: group ?? .practitioner)
        } catch { errors.add("name", error.message) }
        if (fields["name"] ?? "").count > 80 { errors.add("name", "Keep the theme's name to 80 characters") }
        guard let added, errors.isEmpty else {
            return ThemeVocabularyView(
                vocabulary: vocabulary, mayManage: true, fields: fields, errors: errors, banner: nil
            )
            .render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        try await req.audit.write(on: req.db) { db in
            let record = ReviewThemeRecord()
            record.key = added.key
            record.name = added.name
            record.group = added.group.rawValue
            record.$addedBy.id = viewer.userID
            record.addedAt = now
            try await record.create(on: db)
            return (
                (),
                [viewer.event(.administer, "review-theme", added.key, reason: "theme added: \(added.name)", on: req)]
            )
        }
        return LearningFlash.redirect(req, to: .learningThemeVocabulary, .themeAdded)
    }
}
