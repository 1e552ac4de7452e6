import Fluent
import SQLKit
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 17: two Safeguard servers on one PostgreSQL, as behind a load balancer with no stickiness. Both are
/// whole applications (their own connection pools, audit trail writers, sealers and in-memory state); only the
/// database and the session secret are shared. PostgreSQL only: SQLite is one server's database.
final class TwoServerTests: ServerTestCase {
    var other: Application!

    override func settings(
        publicURL: String? = nil, rules: PartnershipRules = .standard, smtp: SMTPSettings? = nil,
        trustedProxies: [NetworkRange] = []
    ) -> Settings {
        var s = super.settings(publicURL: publicURL, rules: rules, smtp: smtp, trustedProxies: trustedProxies)
        s.sessionSecret = "two-servers-share-this-secret-0123456789"
        return s
    }

    override func setUp() async throws {
        guard Self.postgresURL != nil else {
            throw XCTSkip("two servers share a PostgreSQL database; set SAFEGUARD_TEST_DATABASE_URL")
        }
        try await super.setUp()
        other = try await Application.make(.testing)
        try await configure(other, settings: settings())
    }

    override func tearDown() async throws {
        try await other?.asyncShutdown()
        other = nil
        try await super.tearDown()
    }

    /// A browser whose every request goes to the other server from the one before.
    final class Alternating {
        let browsers: [Browser]
        private var turn = 0
        init(_ apps: [Application]) { browsers = apps.map(Browser.init(app:)) }

        private func next() -> Browser {
            let b = browsers[turn % browsers.count]
            let last = browsers[(turn + browsers.count - 1) % browsers.count]
            b.cookies = last.cookies
            turn += 1
            return b
        }
        func get(_ url: SiteURL) async throws -> XCTHTTPResponse { try await next().get(url) }
        func post(_ url: SiteURL, _ fields: [(String, String)]) async throws -> XCTHTTPResponse {
            try await next().post(url, fields)
        }
    }

    func testASignedInUserStaysSignedInWhenRequestsAlternateBetweenServers() async throws {
        let b = Alternating([app, other])
        assertEqual(
            try await b.post(.signIn, [("email", fx[.socialWorker].email), ("password", Fixtures.password)]).status,
            .seeOther)
        for _ in 0..<4 {
            assertEqual(try await b.get(.person(fx.kayla)).status, .ok)
        }
        // A form whose CSRF token came from one server is accepted by the other.
        let found = try await b.post(.peopleSearch, [("q", "smith"), ("address", "")])
        XCTAssertEqual(found.status, .ok, "the CSRF token one server set is accepted by the other")
        // Signed out through one server, the session is gone on both.
        _ = try await b.post(.signOut, [])
        for _ in 0..<2 {
            let res = try await b.get(.person(fx.kayla))
            XCTAssertEqual(res.status, .seeOther)
            XCTAssertTrue(res.location?.hasPrefix(SiteURL.signIn.path) == true)
        }
    }

    func testFiveFailuresAcrossTwoServersLockTheAddress() async throws {
        let b = Alternating([app, other])
        for i in 0..<SignInPolicy.maximumFailures {
            assertEqual(
                try await b.post(.signIn, [("email", fx[.teamManager].email), ("password", "wrong-\(i)")]).status,
                .unauthorized)
        }
        for _ in 0..<2 {
            assertEqual(
                try await b.post(.signIn, [("email", fx[.teamManager].email), ("password", Fixtures.password)])
                    .status,
                .tooManyRequests, "locked on both servers, even for the right password")
        }
    }

    /// Issue 17, item 4: guessing registration keys through both servers counts as one run of guesses.
    func testRegistrationKeyGuessesAcrossTwoServersAreThrottledTogether() async throws {
        let admin = try await signedIn(fx[.partnershipAdmin])
        let issued = try await admin.post(.adminRegistrationKeys, [("agency", fx.school.uuidString)])
        XCTAssertEqual(issued.location, SiteURL.adminRegistrationKeys.done("key-issued"))
        let key = try await RegistrationKeyRecord.query(on: app.db).filter(\.$agency.$id == fx.school).first()!
        func register(_ b: Alternating, _ code: String) async throws -> XCTHTTPResponse {
            try await b.post(
                .register,
                [
                    ("key", code), ("name", "Jo Reed"), ("email", "jo.reed@school.example"),
                    ("password", "Lantern-Orchard-Swift-27"), ("confirm-password", "Lantern-Orchard-Swift-27"),
                ])
        }
        let b = Alternating([app, other])
        for n in 0..<SignInPolicy.maximumRegistrationTries {
            assertEqual(try await register(b, "GUES-S000-00\(n)").status, .unprocessableEntity)
        }
        for _ in 0..<2 {
            assertEqual(
                try await register(b, key.code).status, .tooManyRequests,
                "locked on both servers, even for the right key")
        }
    }

    /// Issue 17, item 3: an edit through one server reaches the other's in-memory person index through the sealed
    /// audit trail, in place (no rebuild), with both servers' background work running as in production.
    func testAnEditOnOneServerIsMatchedOnTheOtherWithinTwoSeconds() async throws {
        let query = PersonRecordForMatching(
            id: "q", firstName: "Blessing", lastName: "Okonkwo", dateOfBirth: SimpleDate(iso: "2018-06-14"))
        let onB = try await other.safeguard.personIndex.index(on: other.db)
        func kaylasScore() -> Double {
            PersonMatcher(index: onB).candidates(for: query).first { $0.id == fx.kayla.uuidString }?.score ?? -100
        }
        let before = kaylasScore()
        func found() -> Bool { kaylasScore() > before + 10 }
        BackgroundJobs.schedule(on: app)
        BackgroundJobs.schedule(on: other)
        let sw = try await signedIn(fx[.socialWorker])
        let res = try await sw.post(.personOtherNames(fx.kayla), [("kind", "alias"), ("name", "Blessing Okonkwo")])
        XCTAssertEqual(res.status, .seeOther, res.text)
        let edited = Date()
        while !found(), Date().timeIntervalSince(edited) < 10 { try await Task.sleep(for: .milliseconds(20)) }
        let took = Date().timeIntervalSince(edited)
        XCTAssertTrue(found(), "server B's index never saw the other name")
        XCTAssertLessThan(took, 2, "seen after \(took) s")
        print("index-freshness: edit on A matched on B after \(Int(took * 1000)) ms")
        let still = try await other.safeguard.personIndex.index(on: other.db)
        XCTAssertTrue(still === onB, "updated in place, not rebuilt")
    }

    /// Issue 17, item 7: a plan started through one server marks its home for incidents received by the other,
    /// through the other's marker index, within the same bound.
    func testAPlanStartedOnOneServerMarksTheHomeForIncidentsOnTheOther() async throws {
        let token = try await APITests.issue(in: self, agency: fx.police, permissions: ["incidents:write"])
        func post(_ reference: String) async throws -> String {
            let res = try await Self.sendIncident(reference, at: "14 mill lane, calder vale", token: token, to: other)
            XCTAssertLessThan(res.status.code, 300, res.body.string)
            return try await PoliceIncident.query(on: app.db).filter(\.$reference == reference).first()?.matchOutcome
                .rawValue ?? "missing"
        }
        assertEqual(
            try await post("MK-0"), IncidentMatch.none.rawValue, "no plan yet: server B's marker index is built now")
        BackgroundJobs.schedule(on: app)
        BackgroundJobs.schedule(on: other)
        let sw = try await signedIn(fx[.socialWorker])
        let res = try await sw.post(
            .personProtection(fx.kayla),
            [
                ("kind", "child-protection-plan"), ("categories[]", "neglect"), ("start-day", "1"),
                ("start-month", "3"), ("start-year", "2026"),
                ("social-worker", fx[.socialWorker].id.uuidString), ("conference-day", "1"), ("conference-month", "3"),
                ("conference-year", "2026"),
            ])
        XCTAssertEqual(res.status, .seeOther, res.text)
        let started = Date()
        var n = 1
        var outcome = ""
        repeat {
            try await Task.sleep(for: .milliseconds(50))
            outcome = try await post("MK-\(n)")
            n += 1
        } while outcome != IncidentMatch.match.rawValue && Date().timeIntervalSince(started) < 10
        let took = Date().timeIntervalSince(started)
        XCTAssertEqual(outcome, IncidentMatch.match.rawValue)
        XCTAssertLessThan(took, 2)
        print("marker-freshness: plan on A matched by an incident on B after \(Int(took * 1000)) ms")
    }

    /// Referrals, police incidents and new people through both servers at once, with both servers sealing the
    /// audit trail as they go: every write lands, every reference is different, and the trail verifies whole.
    func testConcurrentWritesThroughBothServersAllLandAndTheTrailVerifies() async throws {
        let token = try await APITests.issue(in: self, agency: fx.police, permissions: ["incidents:write"])
        let school = fx[.schoolDesignatedSafeguardingLead].email
        let worker = fx[.socialWorker].email
        let apps: [Application] = [app, other]
        let writing = ManagedAtomicFlag()
        let started = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<4 {
                group.addTask { try await Self.referTwice(on: apps[i % 2], as: school, child: i) }
            }
            for i in 0..<2 {
                group.addTask { try await Self.postIncidents(on: apps[i % 2], token: token, batch: i, count: 20) }
            }
            for i in 0..<2 {
                group.addTask { try await Self.addPeople(on: apps[i % 2], as: worker, batch: i, count: 4) }
            }
            // Both servers' sealers run throughout, as in production, until the writers finish.
            let sealers = Task {
                while !writing.isDone {
                    for a in apps { try await a.safeguard.audit.seal(on: a.db) }
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            try await group.waitForAll()
            writing.finish()
            try await sealers.value
        }
        let seconds = Date().timeIntervalSince(started)
        XCTAssertLessThan(seconds, 120, "bounded in time")

        let referrals = try await Referral.query(on: app.db).filter(\.$status == ReferralStatus.submitted).all()
        XCTAssertEqual(referrals.count, 8)
        XCTAssertEqual(Set(referrals.map(\.reference)).count, 8, "no reference given twice")
        assertEqual(
            try await PoliceIncident.query(on: app.db).filter(\.$reference ~~ (0..<40).map { "NP-2S-\($0)" }).count(),
            40)
        assertEqual(try await Person.query(on: app.db).filter(\.$lastName == "Twoserver").count(), 8)

        try await other.safeguard.audit.seal(on: other.db)
        let outcome = try await AuditVerification.run(on: app.db)
        XCTAssertEqual(outcome.failures, [])
        XCTAssertEqual(outcome.unsealed, 0)
        assertEqual(Int(outcome.checked), try await AuditEntry.query(on: app.db).count())
        let sealedBy = Set(try await AuditSealRecord.query(on: app.db).all().map(\.sealedBy))
        XCTAssertFalse(sealedBy.isEmpty)
        let created = try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.create.rawValue)
            .filter(\.$recordType == "person").count()
        XCTAssertGreaterThanOrEqual(created, 8, "each new person's creation is in the trail")
    }

    private static func signIn(_ email: String, on app: Application) async throws -> Browser {
        let b = Browser(app: app)
        let res = try await b.signIn(email, Fixtures.password)
        guard res.status == .seeOther else { throw Failed("sign-in as \(email): \(res.status)") }
        return b
    }

    private static func referTwice(on app: Application, as email: String, child: Int) async throws {
        let b = try await signIn(email, on: app)
        for n in 0..<2 {
            let start = try await b.post(.referralNew, [])
            guard let people = start.location, let id = try? recordID(in: people)
            else { throw Failed("no referral started") }
            let steps: [(String, [(String, String)])] = [
                (
                    people,
                    [
                        ("action", "continue"), ("subject-first-name", "Child\(child)x\(n)"),
                        ("subject-last-name", "Twoserver"),
                        ("subject-dob-day", "14"), ("subject-dob-month", "6"), ("subject-dob-year", "2018"),
                        ("subject-gender", "female"),
                        ("subject-nhs-number", ""),
                    ]
                ),
                (
                    SiteURL.referralStep(id, .address).path,
                    [
                        ("address-line1", "14 Mill Lane"), ("address-town", "Calder Vale"),
                        ("address-postcode", "nm42ab"),
                    ]
                ),
                (
                    SiteURL.referralStep(id, .concerns).path,
                    [
                        ("concerns[]", "neglect"),
                        ("what-happened", "Arrived hungry again and said there was no food at home."),
                    ]
                ),
                (
                    SiteURL.referralStep(id, .sharing).path,
                    [("family-awareness", "not-told-would-increase-risk"), ("lawful-basis", "public-task")]
                ),
                (SiteURL.referralStep(id, .contact).path, [("urgency", "today"), ("referrer-phone", "01632 960 001")]),
                (SiteURL.referralSubmit(id).path, []),
            ]
            for (path, fields) in steps {
                let res = try await b.post(path, fields)
                guard res.status == .seeOther else { throw Failed("\(path): \(res.status) \(res.text.prefix(300))") }
            }
        }
    }

    private static func postIncidents(on app: Application, token: String, batch: Int, count: Int) async throws {
        for n in 0..<count {
            let res = try await sendIncident(
                "NP-2S-\(batch * count + n)", at: "\(n) Station Road, Calder Vale", token: token, to: app)
            guard res.status.code < 300 else { throw Failed("incident: \(res.status) \(res.body.string.prefix(300))") }
        }
    }

    /// A police system posting one incident through the API of `app`.
    static func sendIncident(
        _ reference: String, at address: String, token: String, to app: Application
    ) async throws -> XCTHTTPResponse {
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        h.contentType = .json
        let json = """
            {"reference": "\(reference)", "occurredAt": "2026-03-02T08:40:00Z", "type": "Domestic",
             "address": "\(address)", "summary": "Neighbours report shouting; officers attended."}
            """
        return try await app.sendRequest(
            .POST, SiteURL.api(.incidents).path, headers: h, body: ByteBuffer(string: json))
    }

    private static func addPeople(on app: Application, as email: String, batch: Int, count: Int) async throws {
        let b = try await signIn(email, on: app)
        for n in 0..<count {
            let fields: [(String, String)] = [
                ("first-name", "Person\(batch)x\(n)"), ("middle-names", ""), ("last-name", "Twoserver"),
                ("unborn", "no"),
                ("dob-day", "3"), ("dob-month", "3"), ("dob-year", "2015"), ("gender", "female"),
                ("ethnicity", "Not known"),
                ("nhs-number", ""), ("language", "English"), ("disability", ""),
                ("address-line1", "\(n + 1) Station Road"),
                ("address-line2", ""), ("address-town", "Calder Vale"), ("address-postcode", "nm4 2ab"),
            ]
            let res = try await b.post(.people, fields)
            guard res.status == .seeOther else { throw Failed("new person: \(res.status) \(res.text.prefix(300))") }
        }
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    /// Set once, read from another task.
    final class ManagedAtomicFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var done = false
        var isDone: Bool { lock.withLock { done } }
        func finish() { lock.withLock { done = true } }
    }
}
