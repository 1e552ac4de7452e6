import Vapor

/// Every route the site serves. Paths follow ``SiteURL``; `SiteURLTests` checks they agree.
///
/// The site's pages run behind the CSRF check and the session; the partner API (bearer tokens,
/// which a browser never sends by itself) and the operations endpoints do not. Neither runs for
/// a path that matches no route, so such a request is answered without its body being read.
func routes(_ app: Application) throws {
    let site = app.grouped(CSRFMiddleware(), SessionMiddleware())
    site.get { req async throws -> Response in
        guard let viewer = req.viewer else { return req.redirect(to: SiteURL.signIn.path) }
        // Case workers start on what is waiting for them; searching is one box away in the header.
        // The business unit too: its serious incident clocks are on My work.
        if viewer.role.worksCases || viewer.mayEver(.manageSeriousIncidents) { return req.redirect(to: SiteURL.myWork.path) }
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
    let signedIn = site.grouped(SignedInOnly())
    try signedIn.register(collection: KeptFormsController())
    try signedIn.register(collection: PeopleController())
    try signedIn.register(collection: InvolvementRequestsController())
    try signedIn.register(collection: DuplicateHomesController())
    try signedIn.register(collection: ProtectionController())
    try signedIn.register(collection: AssessmentsController())
    try signedIn.register(collection: AssessmentToolsController())
    try signedIn.register(collection: CuckooingController())
    try signedIn.register(collection: MissingEpisodesController())
    try signedIn.register(collection: VulnerabilityDashboardController())
    try signedIn.register(collection: ExploitationPanelController())
    try signedIn.register(collection: IncidentAlertsController())
    try signedIn.register(collection: HealthCheckController())
    try signedIn.register(collection: ReferralsController())
    try signedIn.register(collection: MASHController())
    try signedIn.register(collection: StrategyDiscussionsController())
    try signedIn.register(collection: StrategyDiscussionReportController())
    try signedIn.register(collection: MyWorkController())
    try signedIn.register(collection: InformationRequestsController())
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
    try signedIn.register(collection: SeriousIncidentsController())
    try signedIn.register(collection: RapidReviewController())
    try signedIn.register(collection: PracticeReviewsController())
    try signedIn.register(collection: DisagreementsController())
    try signedIn.register(collection: ActionPlanController())
    try signedIn.register(collection: SARController())
    try signedIn.register(collection: AgencySummariesController())
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
