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
    try site.register(collection: KeptFormsController())
    try site.register(collection: PeopleController())
    try site.register(collection: InvolvementRequestsController())
    try site.register(collection: DuplicateHomesController())
    try site.register(collection: ProtectionController())
    try site.register(collection: AssessmentsController())
    try site.register(collection: AssessmentToolsController())
    try site.register(collection: CuckooingController())
    try site.register(collection: MissingEpisodesController())
    try site.register(collection: VulnerabilityDashboardController())
    try site.register(collection: ExploitationPanelController())
    try site.register(collection: IncidentAlertsController())
    try site.register(collection: HealthCheckController())
    try site.register(collection: ReferralsController())
    try site.register(collection: MASHController())
    try site.register(collection: StrategyDiscussionsController())
    try site.register(collection: StrategyDiscussionReportController())
    try site.register(collection: MyWorkController())
    try site.register(collection: InformationRequestsController())
    try site.register(collection: AdminController())
    try site.register(collection: AuditReviewController())
    try site.register(collection: RegistrationController())
    try site.register(collection: RegistrationKeysController())
    try site.register(collection: TrainingController())
    try site.register(collection: TrainingAttendanceController())
    try site.register(collection: TrainingManageController())
    try site.register(collection: TrainingReportsController())
    try site.register(collection: NotificationsController())
    try site.register(collection: LearningController())
    try site.register(collection: BriefingsController())
    try site.register(collection: ThematicAnalysisController())
    try site.register(collection: SeriousIncidentsController())
    try site.register(collection: RapidReviewController())
    try site.register(collection: PracticeReviewsController())
    try site.register(collection: DisagreementsController())
    try site.register(collection: ActionPlanController())
    try site.register(collection: SARController())
    try site.register(collection: AgencySummariesController())
    try site.register(collection: PlanActionsController())
    try app.register(collection: OperationsController())
    try app.register(collection: APIPeopleController())
    try app.register(collection: APIReferralsController())
    try app.register(collection: APIPoliceController())
    try app.register(collection: APILearningController())
    try app.register(collection: APIActionsController())
}
