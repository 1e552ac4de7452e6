import Fluent
import SafeguardCore
import Vapor

/// `/api/v1/actions`: a partner's own actions from the partnership's reviews, read-only, so its own tracker can
/// follow them. No other agency's actions, and no case details (actions are about practice).
struct APIActionsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.grouped(APITokenMiddleware()).get(
            .api(.actions), for: .partnerToken(APIPrincipal.actionsRead), use: list)
    }

    struct ActionDTO: Content {
        var id: String
        var source: String
        var sourceReference: String
        var recommendation: String
        var action: String
        var owner: String
        var dueOn: String
        var status: String
        var rag: String?
        var overdue: Bool
        var impactMeasure: String
        var evidenceItems: Int
        var signedOffOn: String?
    }

    struct ActionListDTO: Content {
        var agency: String
        var actions: [ActionDTO]
    }

    func list(req: Request) async throws -> ActionListDTO {
        let p = try req.requirePrincipal(APIPrincipal.actionsRead)
        let records = try await PlanActionRecord.query(on: req.db).filter(\.$agency.$id == p.agencyID).with(
            \.$recommendation
        ).with(\.$agency).with(\.$owner)
            .sort(\.$dueOn).all()
        try await req.audit.record(p.event(.view, "action-plan", "api", on: req), on: req.db)
        let today = req.today
        let calendar = req.safeguard.calendar
        let agency = try await Agency.find(p.agencyID, on: req.db)?.name ?? ""
        return ActionListDTO(
            agency: agency,
            actions: records.map { r in
                let e = r.entry()
                let a = e.action
                return ActionDTO(
                    id: e.id, source: e.source, sourceReference: e.sourceReference, recommendation: e.recommendation,
                    action: a.description,
                    owner: e.owner, dueOn: a.dueOn.iso, status: a.status.rawValue,
                    rag: a.rag(today: today, calendar: calendar)?.rawValue,
                    overdue: a.isOverdue(today: today), impactMeasure: a.impactMeasure, evidenceItems: a.evidence.count,
                    signedOffOn: a.signedOffOn?.iso)
            })
    }
}
