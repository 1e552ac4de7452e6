import Fluent
import SafeguardCore
import Vapor

extension ActionPlanController {
    /// A recommendation's page: its actions, soonest due first, and for the business unit whom a new action can be
    /// given to.
    static func recommendationView(
        _ r: RecommendationRecord, viewer: Viewer, on req: Request, fields: [String: String], errors: FormErrors
    ) async throws -> RecommendationView {
        let id = try r.requireID()
        let actions = try await PlanActionRecord.query(on: req.db).filter(\.$recommendation.$id == id).with(
            \.$recommendation
        ).with(\.$agency).with(\.$owner)
            .sort(\.$dueOn).all().map { $0.entry() }
        let owners =
            viewer.may(.manageActionPlan)
            ? try await Self.owners(on: req.db).map {
                RecommendationView.Owner(id: try $0.requireID(), label: "\($0.displayName) – \($0.agency.name)")
            } : []
        let banner: String? =
            switch (try? req.query.get(String.self, at: "done")) ?? "" {
            case "added": "The recommendation is added. Now add the actions agencies will take."
            case "action-added": "The action is added. Its owner has been told and sees it on My work."
            case "closed": "The recommendation is closed."
            default: nil
            }
        return RecommendationView(
            id: id, source: r.sourceLine, recommendation: r.recommendation, actions: actions, owners: owners,
            mayManage: viewer.may(.manageActionPlan), today: req.today, calendar: req.safeguard.calendar,
            fields: fields, errors: errors, banner: banner)
    }
}
