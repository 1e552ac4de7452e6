import Fluent
import SafeguardCore
import Vapor

/// `/api/v1/learning/themes`: the thematic figures for a partner's own reporting, read-only. Aggregate
/// figures only: counts of reviews and the share with each theme, never a review's details.
struct APILearningController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.grouped(APITokenMiddleware()).get(
            .api(.learningThemes), for: .partnerToken(APIPrincipal.learningRead), use: themes)
    }

    struct ThemeShareDTO: Content {
        var key: String
        var name: String
        var group: String
        var reviews: Int
        var percent: Int
    }

    struct OverlapDTO: Content {
        var themes: [String]
        var has: [Bool]
        var reviews: Int
    }

    struct ThematicFiguresDTO: Content {
        var from: String
        var to: String
        var kinds: [String]
        var reviews: Int
        var themes: [ThemeShareDTO]
        var overlaps: [OverlapDTO]
    }

    func themes(req: Request) async throws -> ThematicFiguresDTO {
        let p = try req.requirePrincipal(APIPrincipal.learningRead)
        let (analysis, scope) = try await ThematicAnalysisController.analyse(req)
        guard scope.errors.isEmpty else {
            throw Problem(
                status: .badRequest, title: "Bad request",
                detail: scope.errors.all.map(\.message).joined(separator: "; ") + " (dates as YYYY-MM-DD).")
        }
        try await req.audit.record(
            p.event(.view, "thematic-analysis", "\(scope.period.lowerBound)..\(scope.period.upperBound)", on: req),
            on: req.db)
        let top = analysis.overlap?.themes.map(\.key) ?? []
        return ThematicFiguresDTO(
            from: scope.period.lowerBound.iso, to: scope.period.upperBound.iso,
            kinds: scope.kinds.map(\.rawValue).sorted(),
            reviews: analysis.reviews,
            themes: analysis.shares.map {
                ThemeShareDTO(
                    key: $0.theme.key, name: $0.theme.name, group: $0.theme.group.rawValue,
                    reviews: $0.reviews, percent: $0.percent)
            },
            overlaps: analysis.overlapRows.map { OverlapDTO(themes: top, has: $0.has, reviews: $0.reviews) })
    }
}
