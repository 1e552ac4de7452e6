import XCTVapor
@testable import SafeguardCore
@testable import SafeguardServer

final class OperationsTests: ServerTestCase {
    func testHealthReadyAndMetrics() async throws {
        let health = try await browser().get("/health")
        XCTAssertEqual(health.status, .ok)
        let ready = try await browser().get("/ready")
        XCTAssertEqual(ready.status, .ok)
        XCTAssertTrue(ready.text.contains("\"status\":\"ready\""))
        _ = try await browser().get("/people/\(fx.kayla)")
        let refused = try await browser().get("/metrics")
        XCTAssertEqual(refused.status, .forbidden, "no address allowed and no token")
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: "wrong-token-wrong-token-wrong")
        assertEqual(try await browser().get("/metrics", headers: h).status, .forbidden)
        h.bearerAuthorization = .init(token: Self.metricsToken)
        let metrics = try await browser().get("/metrics", headers: h)
        XCTAssertEqual(metrics.status, .ok)
        XCTAssertTrue(metrics.text.contains("safeguard_http_requests_total"))
        XCTAssertTrue(metrics.text.contains("route=\"/people/:personID\""), "labels carry the route pattern")
        XCTAssertFalse(metrics.text.contains(fx.kayla.uuidString), "never a record's id")
    }

    /// Over a real connection from 127.0.0.1, the default loopback range may read the metrics; a
    /// forwarded address is believed only from a configured proxy.
    func testMetricsOverLoopbackAndForwardedAddressesOnlyFromTrustedProxies() async throws {
        for trusted in [false, true] {
            if trusted { try await startApp(trustedProxies: [NetworkRange("127.0.0.1")!]) }
            let token = try await APITests.issue(in: self, agency: fx.socialCare, permissions: ["people:read"])
            let tester = try app.testable(method: .running(hostname: "127.0.0.1", port: Int.random(in: 20_000...40_000)))
            try await tester.test(.GET, "/metrics") { res async in XCTAssertEqual(res.status, .ok) }
            var h = HTTPHeaders()
            h.bearerAuthorization = .init(token: token)
            h.replaceOrAdd(name: .xForwardedFor, value: "203.0.113.9")
            try await tester.test(.GET, "/api/v1/people?q=smith", headers: h) { res async in XCTAssertEqual(res.status, .ok) }
            try await app.safeguard.audit.seal(on: app.db)
            let last = try await AuditEntry.query(on: app.db).sort(\.$sequence, .descending).first()
            XCTAssertEqual(last?.sourceAddress, trusted ? "203.0.113.9" : "127.0.0.1", trusted ? "behind a trusted proxy" : "a header anyone can write")
            await app.server.shutdown()
        }
    }

    /// Started from another folder, the site still serves its stylesheet and script.
    func testTheStylesheetIsServedWhateverTheWorkingFolder() async throws {
        let before = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(NSTemporaryDirectory()))
        defer { FileManager.default.changeCurrentDirectoryPath(before) }
        try await startApp()
        for (path, type) in [("/css/safeguard.css", "text/css"), ("/js/safeguard.js", "javascript"), ("/favicon.svg", "image/svg+xml")] {
            let res = try await browser().get(path)
            XCTAssertEqual(res.status, .ok, path)
            XCTAssertTrue(res.headers.first(name: .contentType)?.contains(type) ?? false, path)
        }
    }

    func testPagesAreNotCachedAndCannotBeFramed() async throws {
        let res = try await browser().get("/sign-in")
        XCTAssertEqual(res.headers.first(name: .cacheControl), "no-store")
        XCTAssertEqual(res.headers.first(name: "X-Frame-Options"), "DENY")
        XCTAssertTrue(res.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") ?? false)
    }

    func testAnUnknownPageSaysSoInPlainWords() async throws {
        let b = try await signedIn(fx[.mashPractitioner])
        let res = try await b.get("/people/\(UUID())")
        XCTAssertEqual(res.status, .notFound)
        XCTAssertTrue(res.text.contains("Page not found"))
    }

    func testProductionRefusesToStartWithoutASecret() throws {
        XCTAssertThrowsError(try Settings(mode: .production, database: .sqliteMemory).validate())
        XCTAssertThrowsError(try Settings(mode: .production, database: .sqliteMemory, sessionSecret: "too-short").validate())
        XCTAssertThrowsError(try Settings(mode: .production, database: .sqliteMemory, sessionSecret: String(repeating: "k", count: 40),
                                          publicURL: "http://plain.example").validate())
        XCTAssertThrowsError(try Settings(mode: .production, database: .sqliteMemory, sessionSecret: String(repeating: "k", count: 40),
                                          demo: true).validate())
        XCTAssertNoThrow(try Settings(mode: .production, database: .sqliteMemory, sessionSecret: String(repeating: "k", count: 40),
                                      publicURL: "https://safeguard.example").validate())
    }

    func testWithoutAConfiguredSecretEachStartMakesAFreshOne() {
        let s = Settings(mode: .development, database: .sqliteMemory)
        XCTAssertNotEqual(s.resolvedSecret(), s.resolvedSecret())
    }

    func testEveryLinkTheSiteBuildsIsServed() async throws {
        let id = UUID()
        let urls: [SiteURL] = [.home, .signIn, .signOut, .people, .peopleSearch, .personNew, .person(id), .personEdit(id), .personBreakGlass(id),
                               .personAccessLog(id), .personAddresses(id), .personRelationships(id), .personOtherNames(id),
                               .personInvolvements(id), .personMerge(id), .personMergeUndo(id), .duplicateHomes, .homeMerge(id), .personChronology(id), .personChronologyCSV(id), .personMaleCarer(id, id), .personProtectionNew(id), .personProtection(id), .protection(id),
                               .protectionEnd(id), .protectionMarkers(id), .protectionMarkerEnd(id, id), .admin, .adminAgencies, .adminAgency(id), .adminDistricts, .adminTeams, .adminUsers, .adminUser(id),
                               .adminUserUnlock(id), .adminTokens, .adminTokenRevoke(id), .auditReview, .auditReviewGrant(id), .health,
                               .ready, .metrics, .api(.people), .api(.person(id)), .api(.openAPI),
                               .referrals, .referralNew, .referralCheck(id), .referralSubmit(id), .referralSent(id), .referral(id),
                               .referralOutcome(id), .mash, .strategyDiscussionReport, .referralTriage(id), .referralDecision(id), .referralSignOff(id), .referralAllocation(id),
                               .referralLink(id, id), .informationRequests, .informationRequest(id), .informationRequestChase(id),
                               .protectionStatusCheck, .protectionStatusCheckNoticeSeen(id), .incidentAlerts, .incidentAlert(id), .incidentAlertForward(id), .incidentAlertReject(id), .incidentAlertForSocialWorker(id), .incidentAlertDetails(id),
                               .personAssessmentNew(id), .personAssessments(id), .assessment(id), .assessmentCountersign(id),
                               .assessmentDiscard(id), .adminAssessmentTools, .adminAssessmentTool(id),
                               .cuckooing, .personCuckooingNew(id), .personCuckooing(id), .cuckooedHome(id), .cuckooedHomeEnd(id), .cuckooingNoticeSeen(id),
                               .personMissingNew(id), .personMissing(id), .missingEpisode(id), .missingEpisodeReturn(id), .missingEpisodeInterview(id),
                               .vulnerabilityDashboard, .exploitationPanel, .panelNetwork, .panelMeetings, .panelMeeting(id), .panelCase(id),
                               .panelCaseDecisions(id), .panelCaseActions(id), .panelCasePlaces(id), .panelCaseAssociates(id), .panelAction(id),
                               .personPanelReferralNew(id), .personPanelReferral(id),
                               .register, .notifications, .training, .trainingLog, .trainingEvent(id), .trainingEventBook(id), .trainingEventCancel(id),
                               .trainingEventComplete(id), .trainingEvaluation(id), .trainingCertificate(id), .trainingMaterial(id), .trainingManage,
                               .trainingCourseNew, .trainingCourses, .trainingCourse(id), .trainingCourseQuestions(id), .trainingCourseMaterials(id),
                               .trainingMaterialRemove(id), .trainingEventNew(id), .trainingCourseEvents(id), .trainingEventRegister(id),
                               .trainingEventCapacity(id), .trainingReports, .trainingCourseEvaluations(id), .trainingCourseEvaluationsCSV(id),
                               .trainingAgency, .trainingEventEdit(id), .trainingEventCallOff(id), .adminRegistrationKeys, .adminRegistrationKeyRevoke(id),
                               .personInvolvementRequest(id), .involvementRequests, .involvementRequest(id), .sessionKeepAlive,
                               .keptForm(id), .keptFormSend(id), .keptFormDiscard(id),
                               .learning, .learningBriefing(id), .learningBriefingRead(id), .learningBriefingNew, .learningBriefingEdit(id),
                               .learningBriefingPublish(id), .learningBriefingWithdraw(id), .learningBriefingReads(id), .learningBriefingReadsCSV(id),
                               .learningThemes, .learningThemesCSV, .learningThemeVocabulary, .learningReviews, .learningReviewsCSV,
                               .api(.learningThemes), .personSeriousIncidentNew(id), .seriousIncidents, .seriousIncident(id), .seriousIncidentJSON(id),
                               .seriousIncidentComplete(id), .seriousIncidentNotified(id), .seriousIncidentClose(id),
                               .disagreements, .disagreementNew, .disagreement(id), .disagreementOutcome(id), .disagreementFigures, .disagreementFiguresCSV,
                               .actionPlan, .actionPlanCSV, .recommendationNew, .recommendation(id), .recommendationActions(id), .recommendationClose(id),
                               .planAction(id), .planActionProgress(id), .planActionEvidence(id), .planActionComplete(id), .planActionSignOff(id),
                               .planActionChase(id), .evidenceFile(id), .api(.actions), .personSARReferral(id), .sars, .sar(id), .sarDecision(id),
                               .rapidReview(id), .practiceReviews, .practiceReview(id), .sarCommission(id),
                               .rapidReviewSummaries(id), .rapidReviewChronology(id), .rapidReviewChronologyCSV(id), .sarSummaries(id), .sarChronology(id),
                               .sarChronologyCSV(id), .agencySummaries, .agencySummary(id), .agencySummaryChase(id), .agencySummaryReturn(id), .agencySummaryContributor(id)]
            + ["sections", "decision", "agreement", "submit", "panel-response", "commission"].map { SiteURL.rapidReviewStep(id, $0) }
            + ["set-up", "milestone", "milestone-done", "draft", "board-response", "publish", "not-publishing", "themes"].map { SiteURL.practiceReviewStep(id, $0) }
            + SiteURL.ReferralStep.allCases.map { SiteURL.referralStep(id, $0) }
        let patterns = app.routes.all.map { r in r.path.map { c -> String in
            if case .parameter = c { return "*" }
            return c.description
        } }
        for url in urls {
            let parts = url.path.split(separator: "/").map { UUID(uuidString: String($0)) != nil ? "*" : String($0) }
            XCTAssertTrue(patterns.contains(parts), "\(url.path) has no route")
        }
        // The report downloads are one route with the file name as its parameter.
        XCTAssertTrue(patterns.contains(["training", "reports", "*"]))
        for name in ["attendance-by-course", "attendance-by-agency", "no-shows"] {
            let res = try await signedIn(fx[.trainer]).get(SiteURL.trainingReportCSV(name).path)
            XCTAssertEqual(res.status, .ok, name)
        }
    }
}
