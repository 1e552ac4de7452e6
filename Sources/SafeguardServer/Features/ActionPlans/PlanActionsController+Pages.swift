import Fluent
import SafeguardCore
import Vapor

extension PlanActionsController {
    /// One action's page, with its evidence files named and the forms this viewer may use. Needs the record loaded
    /// as `load` does.
    static func page(
        _ r: PlanActionRecord, viewer: Viewer, on req: Request, fields: [String: String], errors: FormErrors
    ) async throws -> PlanActionView {
        let id = try r.requireID()
        // The files' names and sizes only: their bytes are read when one is downloaded.
        let files = try await EvidenceFileRecord.query(on: req.db).filter(\.$action.$id == id).field(\.$id).field(
            \.$filename
        ).field(\.$size).all()
        let isOwner = r.$owner.id == viewer.userID
        let banner: String? =
            switch (try? req.query.get(String.self, at: "done")) ?? "" {
            case "progress": "Progress saved."
            case "evidence": "Evidence added."
            case "completed": "Marked completed. The case review sub-group will check the evidence and sign it off."
            case "signed-off": "Recorded."
            case "chased": "The owner has been reminded."
            default: nil
            }
        return PlanActionView(
            id: id, entry: r.entry(), recommendationID: r.$recommendation.id,
            files: Dictionary(
                uniqueKeysWithValues: try files.map { (try $0.requireID(), .init(name: $0.filename, size: $0.size)) }),
            chasedAt: r.chasedAt,
            mayUpdate: viewer.may(.updatePlanAction) && PlanAction.mayUpdate(isOwner: isOwner, role: viewer.role),
            maySignOff: viewer.may(.signOffPlanAction)
                && PlanAction.maySignOff(memberships: viewer.memberships, isOwner: isOwner),
            mayChase: viewer.may(.manageActionPlan),
            wholePlan: ActionPlanScope.of(role: viewer.role, memberships: viewer.memberships) == .all,
            today: req.today, calendar: req.safeguard.calendar, fields: fields, errors: errors, banner: banner)
    }
}
