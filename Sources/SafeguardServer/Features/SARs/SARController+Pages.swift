import Fluent
import SafeguardCore
import Vapor

extension SARController {
    /// The referrals, newest first. Needs each record loaded with its raising agency.
    static func listView(_ records: [SARReferralRecord]) throws -> SARListView {
        SARListView(
            rows: try records.map {
                .init(
                    id: try $0.requireID(), reference: $0.reference, name: $0.snapshot?.name ?? "",
                    raisedAt: $0.raisedAt, agency: $0.raisedAgency.name, decision: $0.referral.decision)
            })
    }

    /// One referral's page: who referred it and who decided, the review commissioned from it, and the agencies'
    /// summaries once the panel has decided.
    static func page(
        _ r: SARReferralRecord, viewer: Viewer, on req: Request, fields: [String: String], errors: FormErrors
    ) async throws -> SARPage {
        let id = try r.requireID()
        let raiser = try await r.$raisedBy.get(on: req.db)
        let agency = try await r.$raisedAgency.get(on: req.db)
        let decider = try await r.$decidedBy.get(on: req.db)
        return SARPage(
            id: id, reference: r.reference, snapshot: r.snapshot, raisedBy: "\(raiser.displayName), \(agency.name)",
            raisedAt: r.raisedAt,
            referral: r.referral, decidedBy: decider?.displayName, mayDecide: viewer.may(.decideSAR),
            mayCommission: viewer.may(.manageSeriousIncidents),
            practiceReview: try await PracticeReviewsController.commissioned(sar: id, on: req.db),
            fields: fields, errors: errors,
            banner: banner((try? req.query.get(String.self, at: "done")) ?? ""),
            summaries: r.referral.decision == nil
                ? nil
                : try await AgencySummariesController.section(
                    ReviewSubject.load(.sar(id), on: req), viewer: viewer, on: req))
    }

    /// What the last step did, from the `done` the redirect after it carries.
    static func banner(_ done: String) -> String? {
        switch done {
        case "decided": "The panel's decision is recorded."
        case "asked": "The agencies are asked for their summaries; each contributor is told."
        case "chased": "The contributor is reminded."
        default: nil
        }
    }
}
