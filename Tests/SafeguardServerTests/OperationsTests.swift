import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

final class OperationsTests: ServerTestCase {
    func testHealthReadyAndMetrics() async throws {
        // Typed, not SiteURL: monitoring, .ci/run and the README name these addresses, so moving one must fail here.
        let health = try await browser().get("/health")
        XCTAssertEqual(health.status, .ok)
        let ready = try await browser().get("/ready")
        XCTAssertEqual(ready.status, .ok)
        XCTAssertTrue(ready.text.contains("\"status\":\"ready\""))
        _ = try await browser().get(.person(fx.kayla))
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
            let tester = try app.testable(
                method: .running(hostname: "127.0.0.1", port: Int.random(in: 20_000...40_000)))
            // Typed, as a scraper is configured with it.
            try await tester.test(.GET, "/metrics") { res async in XCTAssertEqual(res.status, .ok) }
            var h = HTTPHeaders()
            h.bearerAuthorization = .init(token: token)
            h.replaceOrAdd(name: .xForwardedFor, value: "203.0.113.9")
            try await tester.test(.GET, SiteURL.api(.people).with(query: [("q", "smith")]), headers: h) { res async in
                XCTAssertEqual(res.status, .ok)
            }
            try await app.safeguard.audit.seal(on: app.db)
            let last = try await AuditEntry.query(on: app.db).sort(\.$sequence, .descending).first()
            XCTAssertEqual(
                last?.sourceAddress, trusted ? "203.0.113.9" : "127.0.0.1",
                trusted ? "behind a trusted proxy" : "a header anyone can write")
            await app.server.shutdown()
        }
    }

    /// Started from another folder, the site still serves its stylesheet and script.
    func testTheStylesheetIsServedWhateverTheWorkingFolder() async throws {
        let before = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(NSTemporaryDirectory()))
        defer { FileManager.default.changeCurrentDirectoryPath(before) }
        try await startApp()
        // Typed: files in the site's assets folder, found by the file middleware, not routes.
        for (path, type) in [
            ("/css/safeguard.css", "text/css"), ("/js/safeguard.js", "javascript"), ("/favicon.svg", "image/svg+xml"),
        ] {
            let res = try await browser().get(path)
            XCTAssertEqual(res.status, .ok, path)
            XCTAssertTrue(res.headers.first(name: .contentType)?.contains(type) ?? false, path)
        }
    }

    func testPagesAreNotCachedAndCannotBeFramed() async throws {
        let res = try await browser().get(.signIn)
        XCTAssertEqual(res.headers.first(name: .cacheControl), "no-store")
        XCTAssertEqual(res.headers.first(name: "X-Frame-Options"), "DENY")
        XCTAssertTrue(res.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") ?? false)
    }

    func testAnUnknownPageSaysSoInPlainWords() async throws {
        let b = try await signedIn(fx[.mashPractitioner])
        let res = try await b.get(.person(UUID()))
        XCTAssertEqual(res.status, .notFound)
        XCTAssertTrue(res.text.contains("Page not found"))
    }

    func testProductionRefusesToStartWithoutASecret() throws {
        XCTAssertThrowsError(try Settings(mode: .production, database: .sqliteMemory).validate())
        XCTAssertThrowsError(
            try Settings(mode: .production, database: .sqliteMemory, sessionSecret: "too-short").validate())
        XCTAssertThrowsError(
            try Settings(
                mode: .production, database: .sqliteMemory, sessionSecret: String(repeating: "k", count: 40),
                publicURL: "http://plain.example"
            ).validate())
        XCTAssertThrowsError(
            try Settings(
                mode: .production, database: .sqliteMemory, sessionSecret: String(repeating: "k", count: 40),
                demo: true
            ).validate())
        XCTAssertNoThrow(
            try Settings(
                mode: .production, database: .sqliteMemory, sessionSecret: String(repeating: "k", count: 40),
                publicURL: "https://safeguard.example"
            ).validate())
    }

    func testWithoutAConfiguredSecretEachStartMakesAFreshOne() {
        let s = Settings(mode: .development, database: .sqliteMemory)
        XCTAssertNotEqual(s.resolvedSecret(), s.resolvedSecret())
    }

    /// Issue 18, item 2: every route is registered from a ``SiteURL``, the same value links are built from, so a link
    /// and the route it names cannot be spelt two ways. A route registered with a path typed out fails here.
    func testEveryRouteIsRegisteredFromSiteURL() async throws {
        var fromSiteURL = 0
        for route in app.routes.all {
            let shown = "\(route.method) /\(route.path.map(\.description).joined(separator: "/"))"
            guard let url = route.siteURL else {
                XCTFail("\(shown) was registered from a typed path: register it from its SiteURL")
                continue
            }
            XCTAssertEqual(route.path, url.routePath, "\(shown) is not where its SiteURL points")
            fromSiteURL += 1
        }
        XCTAssertGreaterThan(fromSiteURL, 200, "the site's routes were walked")
        // A link to a record lands on the route registered for it: the path with a real id matches the pattern.
        let id = UUID()
        let patterns = Set(
            app.routes.all.map { $0.path.map { c -> String in if case .parameter = c { "*" } else { c.description } } })
        for url in [
            SiteURL.incidentAlert(id), .personMaleCarer(id, id), .api(.referral(id)), .referralStep(id, .concerns),
            .rapidReviewStep(id, "submit"),
        ] {
            XCTAssertTrue(
                patterns.contains(
                    url.path.split(separator: "/").map { UUID(uuidString: String($0)) != nil ? "*" : String($0) }),
                url.path)
        }
        // The report downloads are one route with the file name as its parameter.
        XCTAssertTrue(patterns.contains(["training", "reports", "*"]))
        for name in ["attendance-by-course", "attendance-by-agency", "no-shows"] {
            let res = try await signedIn(fx[.trainer]).get(SiteURL.trainingReportCSV(name).path)
            XCTAssertEqual(res.status, .ok, name)
        }
    }
}
