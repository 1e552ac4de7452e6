import Vapor

/// Every route the site serves. Paths follow ``SiteURL``; `SiteURLTests` checks they agree.
func routes(_ app: Application) throws {
    app.get { req async throws -> Response in
        guard let viewer = req.viewer else { return req.redirect(to: SiteURL.signIn.path) }
        if viewer.mayEver(.searchPeople) { return req.redirect(to: SiteURL.people.path) }
        if viewer.mayEver(.manageUsers) { return req.redirect(to: SiteURL.admin.path) }
        if viewer.mayEver(.manageTraining) { return req.redirect(to: SiteURL.trainingManage.path) }
        if viewer.role == .learner { return req.redirect(to: SiteURL.training.path) }
        if viewer.role == .agencyManager { return req.redirect(to: SiteURL.trainingAgency.path) }
        return HomeView(viewer: viewer).render(on: req)
    }
    try app.register(collection: SignInController())
    try app.register(collection: PeopleController())
    try app.register(collection: ProtectionController())
    try app.register(collection: AssessmentsController())
    try app.register(collection: AssessmentToolsController())
    try app.register(collection: CuckooingController())
    try app.register(collection: MissingEpisodesController())
    try app.register(collection: VulnerabilityDashboardController())
    try app.register(collection: ExploitationPanelController())
    try app.register(collection: IncidentAlertsController())
    try app.register(collection: HealthCheckController())
    try app.register(collection: ReferralsController())
    try app.register(collection: MASHController())
    try app.register(collection: StrategyDiscussionsController())
    try app.register(collection: StrategyDiscussionReportController())
    try app.register(collection: MyWorkController())
    try app.register(collection: InformationRequestsController())
    try app.register(collection: AdminController())
    try app.register(collection: AuditReviewController())
    try app.register(collection: RegistrationController())
    try app.register(collection: RegistrationKeysController())
    try app.register(collection: TrainingController())
    try app.register(collection: TrainingAttendanceController())
    try app.register(collection: TrainingManageController())
    try app.register(collection: TrainingReportsController())
    try app.register(collection: NotificationsController())
    try app.register(collection: OperationsController())
    try app.register(collection: APIPeopleController())
    try app.register(collection: APIReferralsController())
    try app.register(collection: APIPoliceController())
}
