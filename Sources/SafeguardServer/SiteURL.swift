import Foundation

/// Every address in the site, used both to register routes and to build links, so a page can
/// never link somewhere that isn't served.
public enum SiteURL: Sendable, Equatable {
    case home, myWork
    case signIn, signOut, sessionKeepAlive
    case keptForm(UUID)
    case keptFormSend(UUID)
    case keptFormDiscard(UUID)
    case people, peopleSearch, personNew
    case person(UUID)
    case personEdit(UUID)
    case personBreakGlass(UUID)
    case personAccessLog(UUID)
    case personChronology(UUID)
    case personChronologyCSV(UUID)
    case personMaleCarer(UUID, UUID)
    case personAddresses(UUID)
    case personRelationships(UUID)
    case personOtherNames(UUID)
    case personInvolvements(UUID)
    case personInvolvementRequest(UUID)
    case involvementRequests
    case involvementRequest(UUID)
    case personMerge(UUID)
    case personMergeUndo(UUID)
    case duplicateHomes
    case homeMerge(UUID)
    case personAssessmentNew(UUID)
    case personAssessments(UUID)
    case assessment(UUID)
    case assessmentCountersign(UUID)
    case assessmentDiscard(UUID)
    case cuckooing
    case personCuckooingNew(UUID)
    case personCuckooing(UUID)
    case cuckooedHome(UUID)
    case cuckooedHomeEnd(UUID)
    case cuckooingNoticeSeen(UUID)
    case personMissingNew(UUID)
    case personMissing(UUID)
    case missingEpisode(UUID)
    case missingEpisodeReturn(UUID)
    case missingEpisodeInterview(UUID)
    case vulnerabilityDashboard
    case exploitationPanel, panelNetwork, panelMeetings
    case panelMeeting(UUID)
    case panelCase(UUID)
    case panelCaseDecisions(UUID)
    case panelCaseActions(UUID)
    case panelCasePlaces(UUID)
    case panelCaseAssociates(UUID)
    case panelAction(UUID)
    case personPanelReferralNew(UUID)
    case personPanelReferral(UUID)
    case personProtectionNew(UUID)
    case personProtection(UUID)
    case protection(UUID)
    case protectionEnd(UUID)
    case protectionMarkers(UUID)
    case protectionMarkerEnd(UUID, UUID)
    case admin, adminAgencies
    case adminAgency(UUID)
    case adminDistricts, adminTeams, adminUsers
    case adminUser(UUID)
    case adminUserUnlock(UUID)
    case adminTokens
    case adminTokenRevoke(UUID)
    case adminAssessmentTools
    case adminAssessmentTool(UUID)
    case auditReview
    case auditReviewGrant(UUID)
    case referrals, referralNew
    case referralStep(UUID, ReferralStep)
    case referralCheck(UUID)
    case referralSubmit(UUID)
    case referralSent(UUID)
    case referral(UUID)
    case referralOutcome(UUID)
    case mash, strategyDiscussionReport
    case referralStrategyDiscussion(UUID)
    case referralTriage(UUID)
    case referralDecision(UUID)
    case referralSignOff(UUID)
    case referralAllocation(UUID)
    case referralLink(UUID, UUID)
    case informationRequests
    case informationRequest(UUID)
    case informationRequestChase(UUID)
    case protectionStatusCheck
    case protectionStatusCheckNoticeSeen(UUID)
    case formerProtectionStatusCheck
    case incidentAlerts
    case incidentAlert(UUID)
    case incidentAlertForward(UUID)
    case incidentAlertReject(UUID)
    case incidentAlertForSocialWorker(UUID)
    case incidentAlertDetails(UUID)
    case register, notifications
    case training, trainingLog
    case trainingEvent(UUID)
    case trainingEventBook(UUID)
    case trainingEventCancel(UUID)
    case trainingEventComplete(UUID)
    case trainingEvaluation(UUID)
    case trainingCertificate(UUID)
    case trainingMaterial(UUID)
    case trainingManage, trainingCourseNew, trainingCourses
    case trainingCourse(UUID)
    case trainingCourseQuestions(UUID)
    case trainingCourseMaterials(UUID)
    case trainingEventEdit(UUID)
    case trainingEventCallOff(UUID)
    case trainingMaterialRemove(UUID)
    case trainingEventNew(UUID)
    case trainingCourseEvents(UUID)
    case trainingEventRegister(UUID)
    case trainingEventCapacity(UUID)
    case trainingReports
    case trainingReportCSV(String)
    case trainingCourseEvaluations(UUID)
    case trainingCourseEvaluationsCSV(UUID)
    case trainingAgency
    case adminRegistrationKeys
    case adminRegistrationKeyRevoke(UUID)
    case learning
    case learningBriefing(UUID)
    case learningBriefingRead(UUID)
    case learningBriefingNew
    case learningBriefingEdit(UUID)
    case learningBriefingPublish(UUID)
    case learningBriefingWithdraw(UUID)
    case learningBriefingReads(UUID)
    case learningBriefingReadsCSV(UUID)
    case learningThemes, learningThemesCSV, learningThemeVocabulary, learningReviews, learningReviewsCSV
    case personSeriousIncidentNew(UUID)
    case seriousIncidents
    case seriousIncident(UUID)
    case seriousIncidentJSON(UUID)
    case seriousIncidentComplete(UUID)
    case seriousIncidentNotified(UUID)
    case seriousIncidentClose(UUID)
    case disagreements, disagreementNew
    case disagreement(UUID)
    case disagreementOutcome(UUID)
    case disagreementFigures, disagreementFiguresCSV
    case actionPlan, actionPlanCSV, recommendationNew
    case recommendation(UUID)
    case recommendationActions(UUID)
    case recommendationClose(UUID)
    case planAction(UUID)
    case planActionProgress(UUID)
    case planActionEvidence(UUID)
    case planActionComplete(UUID)
    case planActionSignOff(UUID)
    case planActionChase(UUID)
    case evidenceFile(UUID)
    case personSARReferral(UUID)
    case sars
    case sar(UUID)
    case sarDecision(UUID)
    case rapidReview(UUID)
    case rapidReviewStep(UUID, String)
    case practiceReviews
    case practiceReview(UUID)
    case practiceReviewStep(UUID, String)
    case sarCommission(UUID)
    case rapidReviewSummaries(UUID)
    case rapidReviewChronology(UUID)
    case rapidReviewChronologyCSV(UUID)
    case sarSummaries(UUID)
    case sarChronology(UUID)
    case sarChronologyCSV(UUID)
    case agencySummaries
    case agencySummary(UUID)
    case agencySummaryChase(UUID)
    case agencySummaryReturn(UUID)
    case agencySummaryContributor(UUID)
    case health, ready, metrics
    case api(APIPath)
    case stylesheet, printStylesheet, favicon

    /// The questions of the referral form, one page each, in order.
    public enum ReferralStep: String, Sendable, Equatable, CaseIterable {
        case people, address, concerns, sharing, contact
    }

    public enum APIPath: Sendable, Equatable {
        case people, person(UUID), openAPI, learningThemes, actions, referrals, referral(UUID), incidents, markers,
            markersCSV
    }

    public var path: String {
        switch self {
        case .home: "/"
        case .myWork: "/my-work"
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .sessionKeepAlive: "/session/keep-alive"
        case .keptForm(let id): "/kept-forms/\(id)"
        case .keptFormSend(let id): "/kept-forms/\(id)/send"
        case .keptFormDiscard(let id): "/kept-forms/\(id)/discard"
        case .people: "/people"
        case .peopleSearch: "/people/search"
        case .personNew: "/people/new"
        case .person(let id): "/people/\(id)"
        case .personEdit(let id): "/people/\(id)/edit"
        case .personBreakGlass(let id): "/people/\(id)/break-glass"
        case .personAccessLog(let id): "/people/\(id)/access-log"
        case .personAddresses(let id): "/people/\(id)/addresses"
        case .personRelationships(let id): "/people/\(id)/relationships"
        case .personOtherNames(let id): "/people/\(id)/other-names"
        case .personInvolvements(let id): "/people/\(id)/involvements"
        case .personInvolvementRequest(let id): "/people/\(id)/involvement-request"
        case .involvementRequests: "/involvement-requests"
        case .involvementRequest(let id): "/involvement-requests/\(id)"
        case .personMerge(let id): "/people/\(id)/merge"
        case .personMergeUndo(let mergeID): "/people/merges/\(mergeID)/undo"
        case .personChronology(let id): "/people/\(id)/chronology"
        case .personMaleCarer(let child, let man): "/people/\(child)/men/\(man)"
        case .personChronologyCSV(let id): "/people/\(id)/chronology.csv"
        case .duplicateHomes: "/addresses/duplicates"
        case .homeMerge(let id): "/addresses/\(id)/merge"
        case .personAssessmentNew(let id): "/people/\(id)/assessments/new"
        case .personAssessments(let id): "/people/\(id)/assessments"
        case .assessment(let id): "/assessments/\(id)"
        case .assessmentCountersign(let id): "/assessments/\(id)/countersign"
        case .assessmentDiscard(let id): "/assessments/\(id)/discard"
        case .cuckooing: "/cuckooing"
        case .personCuckooingNew(let id): "/people/\(id)/cuckooing/new"
        case .personCuckooing(let id): "/people/\(id)/cuckooing"
        case .cuckooedHome(let id): "/cuckooing/\(id)"
        case .cuckooedHomeEnd(let id): "/cuckooing/\(id)/end"
        case .cuckooingNoticeSeen(let id): "/cuckooing/notices/\(id)/seen"
        case .personMissingNew(let id): "/people/\(id)/missing/new"
        case .personMissing(let id): "/people/\(id)/missing"
        case .missingEpisode(let id): "/missing/\(id)"
        case .missingEpisodeReturn(let id): "/missing/\(id)/return"
        case .missingEpisodeInterview(let id): "/missing/\(id)/interview"
        case .vulnerabilityDashboard: "/vulnerable-young-people"
        case .exploitationPanel: "/exploitation-panel"
        case .panelNetwork: "/exploitation-panel/network"
        case .panelMeetings: "/exploitation-panel/meetings"
        case .panelMeeting(let id): "/exploitation-panel/meetings/\(id)"
        case .panelCase(let id): "/exploitation-panel/cases/\(id)"
        case .panelCaseDecisions(let id): "/exploitation-panel/cases/\(id)/decisions"
        case .panelCaseActions(let id): "/exploitation-panel/cases/\(id)/actions"
        case .panelCasePlaces(let id): "/exploitation-panel/cases/\(id)/places"
        case .panelCaseAssociates(let id): "/exploitation-panel/cases/\(id)/associates"
        case .panelAction(let id): "/exploitation-panel/actions/\(id)"
        case .personPanelReferralNew(let id): "/people/\(id)/exploitation-panel/new"
        case .personPanelReferral(let id): "/people/\(id)/exploitation-panel"
        case .personProtectionNew(let id): "/people/\(id)/protection/new"
        case .personProtection(let id): "/people/\(id)/protection"
        case .protection(let id): "/protection/\(id)"
        case .protectionEnd(let id): "/protection/\(id)/end"
        case .protectionMarkers(let id): "/protection/\(id)/markers"
        case .protectionMarkerEnd(let id, let marker): "/protection/\(id)/markers/\(marker)/end"
        case .admin: "/admin"
        case .adminAgencies: "/admin/agencies"
        case .adminAgency(let id): "/admin/agencies/\(id)"
        case .adminDistricts: "/admin/districts"
        case .adminTeams: "/admin/teams"
        case .adminUsers: "/admin/users"
        case .adminUser(let id): "/admin/users/\(id)"
        case .adminUserUnlock(let id): "/admin/users/\(id)/unlock"
        case .adminTokens: "/admin/api-tokens"
        case .adminTokenRevoke(let id): "/admin/api-tokens/\(id)/revoke"
        case .adminAssessmentTools: "/admin/assessment-tools"
        case .adminAssessmentTool(let id): "/admin/assessment-tools/\(id)"
        case .auditReview: "/audit"
        case .auditReviewGrant(let id): "/audit/break-glass/\(id)"
        case .referrals: "/referrals"
        case .referralNew: "/referrals/new"
        case .referralStep(let id, let step): "/referrals/\(id)/\(step.rawValue)"
        case .referralCheck(let id): "/referrals/\(id)/check"
        case .referralSubmit(let id): "/referrals/\(id)/submit"
        case .referralSent(let id): "/referrals/\(id)/sent"
        case .referral(let id): "/referrals/\(id)"
        case .referralOutcome(let id): "/referrals/\(id)/outcome"
        case .mash: "/mash"
        case .strategyDiscussionReport: "/mash/strategy-discussions"
        case .referralStrategyDiscussion(let id): "/referrals/\(id)/strategy-discussions"
        case .referralTriage(let id): "/referrals/\(id)/triage"
        case .referralDecision(let id): "/referrals/\(id)/decision"
        case .referralSignOff(let id): "/referrals/\(id)/sign-off"
        case .referralAllocation(let id): "/referrals/\(id)/allocation"
        case .referralLink(let id, let subject): "/referrals/\(id)/subjects/\(subject)"
        case .incidentAlerts: "/incident-alerts"
        case .formerProtectionStatusCheck: "/health-check"
        case .protectionStatusCheck: "/protection-status-check"
        case .protectionStatusCheckNoticeSeen(let id): "/protection-status-check/notices/\(id)/seen"
        case .incidentAlert(let id): "/incident-alerts/\(id)"
        case .incidentAlertForward(let id): "/incident-alerts/\(id)/forward"
        case .incidentAlertReject(let id): "/incident-alerts/\(id)/reject"
        case .incidentAlertForSocialWorker(let id): "/alerts/\(id)"
        case .incidentAlertDetails(let id): "/alerts/\(id)/details"
        case .informationRequests: "/information-requests"
        case .informationRequest(let id): "/information-requests/\(id)"
        case .informationRequestChase(let id): "/information-requests/\(id)/chase"
        case .register: "/register"
        case .notifications: "/notifications"
        case .training: "/training"
        case .trainingLog: "/training/log"
        case .trainingEvent(let id): "/training/events/\(id)"
        case .trainingEventBook(let id): "/training/events/\(id)/book"
        case .trainingEventCancel(let id): "/training/events/\(id)/cancel"
        case .trainingEventComplete(let id): "/training/events/\(id)/complete"
        case .trainingEvaluation(let id): "/training/bookings/\(id)/evaluation"
        case .trainingCertificate(let id): "/training/bookings/\(id)/certificate"
        case .trainingMaterial(let id): "/training/materials/\(id)"
        case .trainingManage: "/training/manage"
        case .trainingCourseNew: "/training/courses/new"
        case .trainingCourses: "/training/courses"
        case .trainingCourse(let id): "/training/courses/\(id)"
        case .trainingCourseQuestions(let id): "/training/courses/\(id)/questions"
        case .trainingCourseMaterials(let id): "/training/courses/\(id)/materials"
        case .trainingMaterialRemove(let id): "/training/materials/\(id)/remove"
        case .trainingEventNew(let id): "/training/courses/\(id)/events/new"
        case .trainingCourseEvents(let id): "/training/courses/\(id)/events"
        case .trainingEventRegister(let id): "/training/events/\(id)/register"
        case .trainingEventEdit(let id): "/training/events/\(id)/edit"
        case .trainingEventCallOff(let id): "/training/events/\(id)/call-off"
        case .trainingEventCapacity(let id): "/training/events/\(id)/capacity"
        case .trainingReports: "/training/reports"
        case .trainingReportCSV(let name): "/training/reports/\(name).csv"
        case .trainingCourseEvaluations(let id): "/training/courses/\(id)/evaluations"
        case .trainingCourseEvaluationsCSV(let id): "/training/courses/\(id)/evaluations.csv"
        case .trainingAgency: "/training/agency"
        case .adminRegistrationKeys: "/admin/registration-keys"
        case .adminRegistrationKeyRevoke(let id): "/admin/registration-keys/\(id)/revoke"
        case .learning: "/learning"
        case .learningBriefing(let id): "/learning/briefings/\(id)"
        case .learningBriefingRead(let id): "/learning/briefings/\(id)/read"
        case .learningBriefingNew: "/learning/briefings/new"
        case .learningBriefingEdit(let id): "/learning/briefings/\(id)/edit"
        case .learningBriefingPublish(let id): "/learning/briefings/\(id)/publish"
        case .learningBriefingWithdraw(let id): "/learning/briefings/\(id)/withdraw"
        case .learningBriefingReads(let id): "/learning/briefings/\(id)/reads"
        case .learningBriefingReadsCSV(let id): "/learning/briefings/\(id)/reads.csv"
        case .learningThemes: "/learning/themes"
        case .learningThemesCSV: "/learning/themes.csv"
        case .learningThemeVocabulary: "/learning/themes/vocabulary"
        case .learningReviews: "/learning/reviews"
        case .learningReviewsCSV: "/learning/reviews.csv"
        case .personSeriousIncidentNew(let id): "/people/\(id)/serious-incident"
        case .seriousIncidents: "/serious-incidents"
        case .seriousIncident(let id): "/serious-incidents/\(id)"
        case .seriousIncidentJSON(let id): "/serious-incidents/\(id)/notification.json"
        case .seriousIncidentComplete(let id): "/serious-incidents/\(id)/complete"
        case .seriousIncidentNotified(let id): "/serious-incidents/\(id)/notified"
        case .seriousIncidentClose(let id): "/serious-incidents/\(id)/close"
        case .disagreements: "/disagreements"
        case .disagreementNew: "/disagreements/new"
        case .disagreement(let id): "/disagreements/\(id)"
        case .disagreementOutcome(let id): "/disagreements/\(id)/outcome"
        case .disagreementFigures: "/disagreements/figures"
        case .disagreementFiguresCSV: "/disagreements/figures.csv"
        case .actionPlan: "/action-plan"
        case .actionPlanCSV: "/action-plan.csv"
        case .recommendationNew: "/action-plan/recommendations/new"
        case .recommendation(let id): "/action-plan/recommendations/\(id)"
        case .recommendationActions(let id): "/action-plan/recommendations/\(id)/actions"
        case .recommendationClose(let id): "/action-plan/recommendations/\(id)/close"
        case .planAction(let id): "/action-plan/actions/\(id)"
        case .planActionProgress(let id): "/action-plan/actions/\(id)/progress"
        case .planActionEvidence(let id): "/action-plan/actions/\(id)/evidence"
        case .planActionComplete(let id): "/action-plan/actions/\(id)/complete"
        case .planActionSignOff(let id): "/action-plan/actions/\(id)/sign-off"
        case .planActionChase(let id): "/action-plan/actions/\(id)/chase"
        case .evidenceFile(let id): "/action-plan/evidence/\(id)"
        case .personSARReferral(let id): "/people/\(id)/sar-referral"
        case .sars: "/sars"
        case .sar(let id): "/sars/\(id)"
        case .sarDecision(let id): "/sars/\(id)/decision"
        case .rapidReview(let id): "/serious-incidents/\(id)/rapid-review"
        case .rapidReviewStep(let id, let step): "/serious-incidents/\(id)/rapid-review/\(step)"
        case .practiceReviews: "/practice-reviews"
        case .practiceReview(let id): "/practice-reviews/\(id)"
        case .practiceReviewStep(let id, let step): "/practice-reviews/\(id)/\(step)"
        case .sarCommission(let id): "/sars/\(id)/commission"
        case .rapidReviewSummaries(let id): "/serious-incidents/\(id)/rapid-review/summaries"
        case .rapidReviewChronology(let id): "/serious-incidents/\(id)/rapid-review/chronology"
        case .rapidReviewChronologyCSV(let id): "/serious-incidents/\(id)/rapid-review/chronology.csv"
        case .sarSummaries(let id): "/sars/\(id)/summaries"
        case .sarChronology(let id): "/sars/\(id)/chronology"
        case .sarChronologyCSV(let id): "/sars/\(id)/chronology.csv"
        case .agencySummaries: "/agency-summaries"
        case .agencySummary(let id): "/agency-summaries/\(id)"
        case .agencySummaryChase(let id): "/agency-summaries/\(id)/chase"
        case .agencySummaryReturn(let id): "/agency-summaries/\(id)/return"
        case .agencySummaryContributor(let id): "/agency-summaries/\(id)/contributor"
        case .health: "/health"
        case .ready: "/ready"
        case .metrics: "/metrics"
        case .api(.people): "/api/v1/people"
        case .api(.person(let id)): "/api/v1/people/\(id)"
        case .api(.openAPI): "/api/v1/openapi.json"
        case .api(.learningThemes): "/api/v1/learning/themes"
        case .api(.actions): "/api/v1/actions"
        case .api(.referrals): "/api/v1/referrals"
        case .api(.referral(let id)): "/api/v1/referrals/\(id)"
        case .api(.incidents): "/api/v1/incidents"
        case .api(.markers): "/api/v1/markers"
        case .api(.markersCSV): "/api/v1/markers.csv"
        case .stylesheet: "/css/safeguard.css"
        case .printStylesheet: "/css/print.css"
        case .favicon: "/favicon.svg"
        }
    }

    /// With a query string, for search pages and redirects that carry a message.
    public func with(query: [(String, String)]) -> String {
        guard !query.isEmpty else { return path }
        var c = URLComponents()
        c.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        return path + "?" + (c.percentEncodedQuery ?? "")
    }
}
