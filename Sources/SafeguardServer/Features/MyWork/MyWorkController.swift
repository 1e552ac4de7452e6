import Fluent
import SafeguardCore
import Vapor

/// "My work": what is waiting for this user, from every feature, in one list.
struct MyWorkController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.myWork, for: [.submitReferral, .manageSeriousIncidents], use: show)
    }

    struct Item: Sendable {
        var title: String
        var url: SiteURL
        var detail: String
        var urgent: Bool
        /// A notice the user can mark as seen (a health look-up).
        var seen: UUID? = nil
    }

    func show(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard viewer.role.worksCases || viewer.mayEver(.manageSeriousIncidents) else {
            throw AccessDenied(decision: .deny(.roleHasNoAccess))
        }
        let now = req.now
        var items: [Item] = []

        let scope = MyWorkScope.resolve(try? req.query.get(String.self, at: "scope"), role: viewer.role)
        if viewer.may(.viewReferral) { items += try await Self.mashItems(viewer, scope: scope, on: req) }
        items += try await Self.strategyDiscussionItems(viewer, on: req)
        for q in try await InformationRequest.query(on: req.db).filter(\.$agency.$id == viewer.agencyID).filter(
            \.$answeredAt == nil
        )
        .with(\.$referral).sort(\.$dueAt).all() {
            items.append(
                Item(
                    title: "Answer the MASH about \(q.referral.reference)", url: .informationRequest(q.id!),
                    detail: (q.isOverdue(at: now) ? "Overdue since " : "Due by ") + SiteFormat.dateTime(q.dueAt),
                    urgent: q.isOverdue(at: now)))
        }
        if viewer.may(.reviewIncidentAlert) {
            for i in try await PoliceIncident.query(on: req.db).filter(\.$reviewStatus == .waiting).sort(\.$receivedAt)
                .all()
            {
                items.append(
                    Item(
                        title: "Check police incident \(i.reference)", url: .incidentAlert(i.id!),
                        detail: "Received \(SiteFormat.dateTime(i.receivedAt))", urgent: true))
            }
        }
        for a in try await IncidentAlert.query(on: req.db).filter(\.$socialWorker.$id == viewer.userID).filter(
            \.$decision == nil
        )
        .with(\.$incident).with(\.$person).sort(\.$forwardedAt).all() {
            items.append(
                Item(
                    title: "Police incident \(a.incident.reference) about \(a.person.fullName)",
                    url: .incidentAlertForSocialWorker(a.id!),
                    detail: "Forwarded \(SiteFormat.dateTime(a.forwardedAt))", urgent: true))
        }
        for c in try await ProtectionStatusCheck.query(on: req.db).filter(\.$socialWorker.$id == viewer.userID).filter(
            \.$seenAt == nil
        )
        .with(\.$person).with(\.$agency).sort(\.$checkedAt).all() {
            items.append(
                Item(
                    title: "Health look-up: \(c.person.fullName) seen at \(c.agency.name)", url: .person(c.$person.id),
                    detail:
                        "\(CareSetting(rawValue: c.setting)?.displayName ?? c.setting), \(SiteFormat.dateTime(c.checkedAt))",
                    urgent: false,
                    seen: c.id))
        }
        for d in try await Referral.query(on: req.db).filter(\.$referrer.$id == viewer.userID).filter(
            \.$status == ReferralStatus.draft
        ).all() {
            items.append(
                Item(
                    title: "Finish your draft referral", url: .referralStep(d.id!, .people),
                    detail: "Started \(d.createdAt.map(SiteFormat.dateTime) ?? "")", urgent: false))
        }
        items += try await SeriousIncidentsController.myWork(viewer, on: req)
        items += try await RapidReviewController.myWork(viewer, on: req)
        items += try await DisagreementsController.myWork(viewer, on: req)
        items += try await PlanActionsController.myWork(viewer, on: req)
        items += try await SARController.myWork(viewer, on: req)
        items += try await AgencySummariesController.myWork(viewer, on: req)
        items += try await AssessmentsController.myWork(viewer, on: req)
        items += try await CuckooingController.myWork(viewer, on: req)
        items += try await MissingEpisodesController.myWork(viewer, on: req)
        items += try await InvolvementRequestsController.myWork(viewer, on: req.db)
        // Unread messages (an outcome for a referrer, a decision on a request) until they are read.
        for n in try await UserNotification.query(on: req.db).filter(\.$user.$id == viewer.userID).filter(
            \.$readAt == nil
        )
        .sort(\.$createdAt, .descending).limit(20).all() {
            items.append(
                Item(
                    title: "Read: \(n.subject)", url: .notifications,
                    detail: "Sent \(SiteFormat.dateTime(n.createdAt))", urgent: false))
        }
        try await req.audit.record(viewer.event(.view, "my-work", viewer.userID.uuidString, on: req), on: req.db)
        let sorted = items.filter(\.urgent) + items.filter { !$0.urgent }
        return MyWorkView(items: sorted, scope: scope, scopes: MyWorkScope.choices(for: viewer.role)).render(on: req)
    }
}
