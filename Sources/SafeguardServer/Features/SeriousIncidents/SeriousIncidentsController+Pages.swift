import Fluent
import SafeguardCore
import Vapor

extension SeriousIncidentsController {
    /// One notification's page: who raised it and who told the national panel, by name, and what is due next.
    /// With no `fields`, the business unit's form shows what the notification already says.
    static func page(
        _ record: SeriousIncidentRecord, viewer: Viewer, on req: Request, fields: [String: String]?, errors: FormErrors
    ) async throws -> SeriousIncidentPage {
        let n = record.notification
        let raiser = try await record.$raisedBy.get(on: req.db)
        let agency = try await record.$raisedAgency.get(on: req.db)
        let notifier = try await record.$notifiedBy.get(on: req.db)
        let (next, rag) = SeriousIncidentListing.next(n, today: req.today, calendar: req.safeguard.calendar)
        let banner: String? =
            switch (try? req.query.get(String.self, at: "done")) ?? "" {
            case "saved": "The notification is saved."
            case "notified":
                "Recorded: the national panel has been notified. The rapid review's 15 working days have started."
            case "closed": "The notification is closed. The case worker who raised it has been told why."
            default: nil
            }
        return SeriousIncidentPage(
            id: try record.requireID(), reference: record.reference, notification: n,
            raisedBy: "\(raiser.displayName), \(agency.name)",
            raisedAt: record.raisedAt, nextStep: next, rag: rag, notifier: notifier?.displayName,
            mayManage: viewer.may(.manageSeriousIncidents), fields: fields ?? SeriousIncidentPage.fields(n),
            errors: errors, banner: banner)
    }
}
