import SafeguardCore
import Vapor

/// Every route the site serves, each registered from its ``SiteURL`` (`OperationsTests` fails for a path typed out).
///
/// The site's pages run behind the CSRF check and the session; the partner API (bearer tokens,
/// which a browser never sends by itself) and the operations endpoints do not. Neither runs for
/// a path that matches no route, so such a request is answered without its body being read.
func routes(_ app: Application) throws {
    let site = app.grouped(CSRFMiddleware(), SessionMiddleware())
    site.get(.home, for: .anyoneSignedIn) { req async throws -> Response in
        guard let viewer = req.viewer else { return req.redirect(to: SiteURL.signIn.path) }
        // Case workers start on what is waiting for them; searching is one box away in the header.
        // The business unit too: its serious incident clocks are on My work.
        if viewer.role.worksCases || viewer.mayEver(.manageSeriousIncidents) {
            return req.redirect(to: SiteURL.myWork.path)
        }
        if viewer.mayEver(.searchPeople) { return req.redirect(to: SiteURL.people.path) }
        if viewer.mayEver(.manageUsers) { return req.redirect(to: SiteURL.admin.path) }
        if viewer.mayEver(.manageTraining) { return req.redirect(to: SiteURL.trainingManage.path) }
        if viewer.role == .learner { return req.redirect(to: SiteURL.training.path) }
        if viewer.role == .agencyManager { return req.redirect(to: SiteURL.trainingAgency.path) }
        // The business unit and the board start on the learning: briefings, drafts and the themes across reviews.
        if viewer.mayEver(.viewThematicAnalysis) { return req.redirect(to: SiteURL.learning.path) }
        return HomeView(viewer: viewer).render(on: req)
    }
    try site.register(collection: SignInController())
    // Training self-registration, with an agency's key: for people who have no account yet.
    try site.register(collection: RegistrationController())
    // Everything else asks who is there before anything else: a route that looked its record up first would tell a
    // stranger "not found" or not, and would run its queries for them. `EveryRouteSignedOutTests` walks every route.
    // Where a controller's records belong to a few roles, a role that may never do any of its actions is refused
    // before the route looks its record up, so it is told "you cannot see this", never "not found" or not.
    let signedIn = site.grouped(SignedInOnly())
    try signedIn.register(collection: KeptFormsController())
    try signedIn.grouped(MayEver(.searchPeople, .viewPerson, .createPerson)).register(collection: PeopleController())
    try signedIn.grouped(MayEver(.viewPerson, .requestInvolvement, .decideInvolvementRequest)).register(
        collection: InvolvementRequestsController())
    try signedIn.register(collection: DuplicateHomesController())
    try signedIn.grouped(MayEver(.viewPerson, .recordProtection, .viewProtectionDetails)).register(
        collection: ProtectionController())
    try signedIn.grouped(MayEver(.viewPerson, .recordAssessment, .countersignAssessment)).register(
        collection: AssessmentsController())
    try signedIn.register(collection: AssessmentToolsController())
    try signedIn.grouped(MayEver(.viewPerson, .recordCuckooing)).register(collection: CuckooingController())
    try signedIn.grouped(MayEver(.viewPerson, .recordMissingEpisode, .viewVulnerabilityDashboard)).register(
        collection: MissingEpisodesController())
    try signedIn.register(collection: VulnerabilityDashboardController())
    try signedIn.grouped(MayEver(.viewPerson, .referToExploitationPanel, .manageExploitationPanel)).register(
        collection: ExploitationPanelController())
    try signedIn.grouped(MayEver(.reviewIncidentAlert, .decideIncidentAlert)).register(
        collection: IncidentAlertsController())
    try signedIn.grouped(MayEver(.checkProtectionStatus, .viewPerson)).register(
        collection: ProtectionStatusCheckController())
    try signedIn.grouped(MayEver(.submitReferral, .viewReferral, .viewReferralOutcome)).register(
        collection: ReferralsController())
    try signedIn.register(collection: MASHController())
    try signedIn.register(collection: StrategyDiscussionsController())
    try signedIn.register(collection: StrategyDiscussionReportController())
    try signedIn.register(collection: MyWorkController())
    try signedIn.grouped(MayEver(.answerInformationRequest, .viewReferral)).register(
        collection: InformationRequestsController())
    try signedIn.register(collection: AdminController())
    try signedIn.register(collection: AuditReviewController())
    try signedIn.register(collection: RegistrationKeysController())
    try signedIn.register(collection: TrainingController())
    try signedIn.register(collection: TrainingAttendanceController())
    try signedIn.register(collection: TrainingManageController())
    try signedIn.register(collection: TrainingReportsController())
    try signedIn.register(collection: NotificationsController())
    try signedIn.register(collection: LearningController())
    try signedIn.register(collection: BriefingsController())
    try signedIn.register(collection: ThematicAnalysisController())
    try signedIn.grouped(MayEver(.manageSeriousIncidents, .raiseSeriousIncident, .viewSeriousIncidents)).register(
        collection: SeriousIncidentsController())
    try signedIn.grouped(MayEver(.manageSeriousIncidents, .viewSeriousIncidents)).register(
        collection: RapidReviewController())
    try signedIn.grouped(MayEver(.manageSeriousIncidents, .viewSeriousIncidents, .viewSARs, .viewThematicAnalysis))
        .register(collection: PracticeReviewsController())
    try signedIn.grouped(MayEver(.raiseDisagreement, .handleDisagreement, .viewDisagreementFigures)).register(
        collection: DisagreementsController())
    try signedIn.register(collection: ActionPlanController())
    try signedIn.grouped(MayEver(.referForSAR, .decideSAR, .viewSARs)).register(collection: SARController())
    try signedIn.grouped(MayEver(.writeAgencySummary, .manageAgencySummaries)).register(
        collection: AgencySummariesController())
    try signedIn.register(collection: PlanActionsController())
    try app.register(collection: OperationsController())
    try app.register(collection: APIPeopleController())
    try app.register(collection: APIReferralsController())
    try app.register(collection: APIPoliceController())
    try app.register(collection: APILearningController())
    try app.register(collection: APIActionsController())
}

/// Sends someone not signed in to sign in, before a route's handler runs. (A form posted after a session ran out is
/// kept before this, by ``SessionMiddleware``.)
struct SignedInOnly: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        _ = try req.requireViewer()
        return try await next.respond(to: req)
    }
}

/// Refuses, before a route's handler runs, a signed-in user whose role may never do any of `actions` (``Viewer/mayEver(_:)``,
/// which counts review groups too). The handler still decides for the record in hand; this only stops a role with no
/// business there from learning which records exist.
struct MayEver: AsyncMiddleware {
    let actions: [Action]
    init(_ actions: Action...) { self.actions = actions }

    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        try req.requireEver(anyOf: actions)
        return try await next.respond(to: req)
    }
}
