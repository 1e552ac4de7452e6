import Fluent
import SQLKit
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// A fresh application and database for every test: in-memory SQLite by default, or the
/// PostgreSQL database named by SAFEGUARD_TEST_DATABASE_URL (CI runs both).
class ServerTestCase: XCTestCase {
    var app: Application!
    var clock: TestClock!
    var fx: Fixtures!

    static var postgresURL: String? {
        let url = ProcessInfo.processInfo.environment["SAFEGUARD_TEST_DATABASE_URL"]
        return url?.isEmpty == false ? url : nil
    }

    func settings(
        publicURL: String? = nil, rules: PartnershipRules = .standard, smtp: SMTPSettings? = nil,
        trustedProxies: [NetworkRange] = []
    ) -> Settings {
        var s = Settings(
            mode: .testing, database: Self.postgresURL.map { .postgres($0) } ?? .sqliteMemory,
            publicURL: publicURL, clock: clock.clock)
        s.rules = rules
        s.smtp = smtp
        s.metricsToken = Self.metricsToken
        s.trustedProxies = trustedProxies
        return s
    }

    static let metricsToken = "test-metrics-token-0123456789"

    override func setUp() async throws {
        try await super.setUp()
        clock = TestClock()
        try await startApp()
    }

    /// Starts (or restarts, with other settings) the application on an empty database.
    func startApp(
        publicURL: String? = nil, rules: PartnershipRules = .standard, smtp: SMTPSettings? = nil,
        trustedProxies: [NetworkRange] = []
    ) async throws {
        if let app { try await app.asyncShutdown() }
        app = try await Application.make(.testing)
        try await configure(
            app, settings: settings(publicURL: publicURL, rules: rules, smtp: smtp, trustedProxies: trustedProxies))
        if Self.postgresURL != nil { try await resetPostgres() }
        try await app.autoMigrate()
        try await AssessmentToolCatalogue.registerShipped(on: app.db, now: app.safeguard.settings.clock.now())
        fx = try await Fixtures.make(on: app)
    }

    override func tearDown() async throws {
        try await app?.asyncShutdown()
        app = nil
        try await super.tearDown()
    }

    /// Drops everything left by an earlier test, so each starts from an empty schema.
    private func resetPostgres() async throws {
        guard let sql = app.db as? SQLDatabase else { return }
        try await sql.raw("DROP SCHEMA public CASCADE").run()
        try await sql.raw("CREATE SCHEMA public").run()
    }

    func browser() -> Browser { Browser(app: app) }

    /// A browser already signed in as the fixture user for `role` (or the named user).
    func signedIn(_ user: Fixtures.Account) async throws -> Browser {
        let b = browser()
        let res = try await b.signIn(user.email, Fixtures.password)
        XCTAssertEqual(res.status, .seeOther, "sign-in as \(user.email) failed: \(res.body.string.prefix(300))")
        return b
    }

    /// The trail as a running server would have it a moment later: everything written so far, sealed.
    func auditEntries() async throws -> [AuditEntry] {
        try await app.safeguard.audit.seal(on: app.db)
        return try await AuditEntry.query(on: app.db).sort(\.$sequence).all()
    }
}
