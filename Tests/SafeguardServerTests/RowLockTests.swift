import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Decisions pressed at the same moment (a double click, two colleagues on one item, two servers) are made once:
/// each write holds the record it decides on and checks it again (see `Database.holdUnchanged`). On PostgreSQL these
/// requests really run side by side; on SQLite the single writer takes them in turn.
final class RowLockTests: ServerTestCase {
    /// One form post, ready to send from any task.
    struct Post: Sendable {
        let path: String
        let headers: HTTPHeaders
        let body: String
    }

    func post(_ b: Browser, _ path: String, _ fields: [(String, String)]) async throws -> Post {
        if b.cookies[CSRFMiddleware.cookieName] == nil { try await b.get(.signIn) }
        var h = HTTPHeaders()
        h.contentType = .urlEncodedForm
        h.replaceOrAdd(name: .cookie, value: b.cookieHeader)
        let token = SessionToken.csrf(for: b.cookies[CSRFMiddleware.cookieName]!, secret: app.safeguard.secret)
        return Post(path: path, headers: h, body: Browser.encode(fields + [(CSRFMiddleware.fieldName, token)]))
    }

    /// Sends every post at once; the statuses, in the order given.
    func together(_ posts: [Post]) async throws -> [UInt] {
        let app = self.app!
        return try await withThrowingTaskGroup(of: (Int, UInt).self) { group in
            for (i, p) in posts.enumerated() {
                group.addTask {
                    (
                        i,
                        try await app.sendRequest(.POST, p.path, headers: p.headers, body: ByteBuffer(string: p.body))
                            .status.code
                    )
                }
            }
            return try await group.reduce(into: [UInt](repeating: 0, count: posts.count)) { $0[$1.0] = $1.1 }
        }
    }

    func testSixPeopleTakingTwoPlacesAtOnceGetTwoPlaces() async throws {
        let trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer)
        let event = try await addEvent(trainer, course: course, on: SimpleDate(clock.now).adding(days: 7), capacity: 2)
        let roles: [Role] = [
            .socialWorker, .policeOfficer, .schoolDesignatedSafeguardingLead, .healthPractitioner, .mashPractitioner,
            .teamManager,
        ]
        var posts: [Post] = []
        for role in roles {
            posts.append(try await post(try await signedIn(fx[role]), SiteURL.trainingEventBook(event).path, []))
        }
        let statuses = try await together(posts)
        XCTAssertEqual(statuses, Array(repeating: 303, count: 6), "everyone gets a place or a place in the queue")
        let rows = try await TrainingBookingRecord.query(on: app.db).filter(\.$event.$id == event).all()
        let statusesStored = rows.map { $0.status }
        XCTAssertEqual(statusesStored.filter { $0 == .booked }.count, 2, "\(statusesStored)")
        XCTAssertEqual(statusesStored.filter { $0 == .waitingList }.count, 4, "\(statusesStored)")
    }

    func testADecisionPressedFourTimesAtOnceIsRecordedOnce() async throws {
        let id = try await refer().1
        try await linkSubjects(id)
        let practitioner = try await signedIn(fx[.mashPractitioner])
        let fields = [
            ("level", "4"), ("outcome", "child-in-need-assessment"),
            ("rationale", "Repeated neglect indicators from school and two police incidents: assessment needed."),
        ]
        var posts: [Post] = []
        for _ in 0..<4 { posts.append(try await post(practitioner, SiteURL.referralDecision(id).path, fields)) }
        let statuses = try await together(posts)
        XCTAssertEqual(statuses.filter { $0 == 303 }.count, 1, "\(statuses)")
        XCTAssertEqual(
            statuses.filter { $0 == 409 }.count, 3, "the others are told it was already decided: \(statuses)")
        assertEqual(try await ThresholdDecisionRecord.query(on: app.db).filter(\.$referral.$id == id).count(), 1)

        // The manager's approval, pressed three times: one outcome, one notice to the referrer.
        let manager = try await signedIn(fx[.mashManager])
        var approvals: [Post] = []
        for _ in 0..<3 {
            approvals.append(try await post(manager, SiteURL.referralSignOff(id).path, [("sign-off", "approve")]))
        }
        let signed = try await together(approvals)
        XCTAssertEqual(signed.filter { $0 == 303 }.count, 1, "\(signed)")
        XCTAssertEqual(signed.filter { $0 == 409 }.count, 2, "\(signed)")
        assertEqual(try await ChronologyEntry.query(on: app.db).filter(\.$category == "MASH decision").count(), 1)
        assertEqual(
            try await UserNotification.query(on: app.db).filter(\.$user.$id == fx[.schoolDesignatedSafeguardingLead].id)
                .count(), 1)
        let conflict = try await manager.post(.referralSignOff(id), [("sign-off", "approve")])
        XCTAssertEqual(conflict.status, .conflict)
        XCTAssertTrue(conflict.text.contains("Nothing was changed"), "a refusal says first that nothing changed")
    }

    func testTwoRecordsMergedIntoEachOtherAtOnceMakeOneMerge() async throws {
        let mash = try await signedIn(fx[.mashPractitioner])
        let dup = Person()
        dup.firstName = "Kayla"
        dup.middleNames = ""
        dup.lastName = "Smyth"
        dup.firstNameKey = "kayla"
        dup.lastNameKey = "smyth"
        dup.dateOfBirth = "2018-06-14"
        dup.gender = Gender.female.rawValue
        dup.ethnicity = "Not known"
        dup.language = "English"
        try await dup.create(on: app.db)
        let dupID = try dup.requireID()
        let reason = ("reason", "Same date of birth and address; surname misspelt by the hospital")
        let intoKayla = try await post(
            mash, SiteURL.personMerge(dupID).path,
            [("otherID", fx.kayla.uuidString), ("other", ""), ("keep", "other"), reason])
        let intoDup = try await post(
            mash, SiteURL.personMerge(fx.kayla).path,
            [("otherID", dupID.uuidString), ("other", ""), ("keep", "other"), reason])
        let statuses = try await together([intoKayla, intoDup, intoKayla, intoDup])
        // A press that arrives after the merge finds its record merged and is sent on to the one kept (303 too),
        // so the statuses alone do not count merges: the records do.
        XCTAssertEqual(statuses.filter { $0 >= 500 }.count, 0, "\(statuses)")
        let both = try await Person.query(on: app.db).filter(\.$id ~~ [dupID, fx.kayla]).all()
        let merged = both.filter { $0.$mergedInto.id != nil }
        XCTAssertEqual(merged.count, 1, "one record kept, never two merged into each other")
        assertEqual(try await PersonMerge.query(on: app.db).count(), 1)
    }

    func testAnInvolvementRequestApprovedAndDeclinedAtOnceIsDecidedOnce() async throws {
        let police = try await signedIn(fx[.policeOfficer])
        _ = try await police.post(
            .personBreakGlass(fx.kayla), [("reason", "Officer in the case for a new investigation")])
        let asked = try await police.post(
            .personInvolvementRequest(fx.kayla), [("reason", "Allocated to our child abuse investigation team today")])
        XCTAssertEqual(asked.status, .seeOther, asked.text)
        let found = try await InvolvementRequest.query(on: app.db).first()
        let request = try XCTUnwrap(found)
        let rid = try request.requireID()
        let manager = try await signedIn(fx[.mashManager])
        let approve = try await post(
            manager, SiteURL.involvementRequest(rid).path, [("decision", "approve"), ("note", "")])
        let decline = try await post(
            manager, SiteURL.involvementRequest(rid).path,
            [("decision", "decline"), ("note", "Not allocated to this team")])
        let statuses = try await together([approve, decline, approve, decline])
        XCTAssertEqual(statuses.filter { $0 == 303 }.count, 1, "\(statuses)")
        XCTAssertEqual(statuses.filter { $0 >= 500 }.count, 0, "\(statuses)")
        let stored = try await InvolvementRequest.find(rid, on: app.db)
        let decided = try XCTUnwrap(stored)
        let involved = try await AgencyInvolvement.query(on: app.db).filter(\.$person.$id == fx.kayla)
            .filter(\.$agency.$id == fx.police).count()
        XCTAssertEqual(
            involved, decided.status == InvolvementRequestStatus.approved ? 1 : 0,
            "access granted exactly when the request says approved (\(decided.status))")
    }
    func testAPlanStartedTwiceAtOnceIsOnePlanWithOneSetOfMarkers() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let fields: [(String, String)] = [
            ("kind", "child-protection-plan"), ("start-day", "1"), ("start-month", "3"), ("start-year", "2026"),
            ("social-worker", fx[.socialWorker].id.uuidString),
            ("strategy-day", "9"), ("strategy-month", "2"), ("strategy-year", "2026"),
            ("conference-day", "1"), ("conference-month", "3"), ("conference-year", "2026"),
            ("categories[]", "neglect"),
        ]
        var posts: [Post] = []
        for _ in 0..<3 { posts.append(try await post(sw, SiteURL.personProtection(fx.kayla).path, fields)) }
        let statuses = try await together(posts)
        XCTAssertEqual(statuses.filter { $0 == 303 }.count, 1, "\(statuses)")
        XCTAssertEqual(statuses.filter { $0 >= 500 }.count, 0, "\(statuses)")
        assertEqual(try await ProtectionRecord.query(on: app.db).filter(\.$person.$id == fx.kayla).count(), 1)
        let open = try await PlaceOfInterestMarker.query(on: app.db).filter(\.$endedAt == nil).all()
        XCTAssertEqual(
            open.count, Set(open.map { $0.$address.id }).count,
            "each address marked once, so an incident there alerts once")
    }
    func testARelationshipAddedThreeTimesAtOnceIsOneRelationshipAndNoFault() async throws {
        let mash = try await signedIn(fx[.mashPractitioner])
        let fields = [("other", fx.dean.uuidString), ("kind", "step-parent"), ("direction", "other-is")]
        var posts: [Post] = []
        for _ in 0..<3 { posts.append(try await post(mash, SiteURL.personRelationships(fx.kayla).path, fields)) }
        let statuses = try await together(posts)
        XCTAssertEqual(statuses.filter { $0 >= 500 }.count, 0, "a repeat is not a fault: \(statuses)")
        XCTAssertTrue(statuses.allSatisfy { $0 == 303 || $0 == 409 }, "\(statuses)")
        assertEqual(
            try await PersonRelationship.query(on: app.db).filter(\.$from.$id == fx.dean).filter(\.$to.$id == fx.kayla)
                .filter(\.$kind == "step-parent").count(), 1)
    }
}
