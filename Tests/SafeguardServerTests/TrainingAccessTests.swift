import Fluent
import XCTVapor
@testable import SafeguardCore
@testable import SafeguardServer

/// Who may do what in training: every route refuses the wrong role and asks for a session; agency
/// managers see their own agency's people and no one else's.
final class TrainingAccessTests: ServerTestCase {
    func testEveryTrainingRouteRefusesTheWrongRoleAndNoSession() async throws {
        let trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer)
        let event = try await addEvent(trainer, course: course, on: SimpleDate(clock.now).adding(days: 3), capacity: 4)
        let id = UUID()
        let trainerOnly: [(String, Bool)] = [
            ("/training/manage", false), ("/training/courses/new", false), ("/training/courses", true), ("/training/courses/\(course)", false),
            ("/training/courses/\(course)", true), ("/training/courses/\(course)/questions", false), ("/training/courses/\(course)/questions", true),
            ("/training/materials/\(id)/remove", true), ("/training/courses/\(course)/events/new", false), ("/training/courses/\(course)/events", true),
            ("/training/events/\(event)/register", false), ("/training/events/\(event)/register", true), ("/training/events/\(event)/capacity", true),
            ("/training/events/\(event)/edit", false), ("/training/events/\(event)", true), ("/training/events/\(event)/call-off", true),
            ("/training/courses/\(course)/materials", true),
        ]
        let reports = ["/training/reports", "/training/reports/no-shows.csv", "/training/courses/\(course)/evaluations",
                       "/training/courses/\(course)/evaluations.csv"]
        let learner = try await signedIn(fx[.learner])
        for (path, post) in trainerOnly {
            let res = post ? try await learner.post(path, []) : try await learner.get(path)
            XCTAssertEqual(res.status, .forbidden, "learner \(post ? "POST" : "GET") \(path)")
        }
        for path in reports + ["/training/agency"] { assertEqual(try await learner.get(path).status, .forbidden, "learner GET \(path)") }
        let manager = try await signedIn(fx[.agencyManager])
        for path in reports { assertEqual(try await manager.get(path).status, .forbidden, "agency manager GET \(path)") }
        let board = try await signedIn(fx[.boardMember])
        assertEqual(try await board.get("/training/reports").status, .ok)
        assertEqual(try await board.get("/training/courses/\(course)/questions").status, .forbidden)

        let anonymous = browser()
        for path in ["/training", "/training/log", "/training/events/\(event)", "/training/manage", "/training/reports", "/training/agency",
                     "/notifications", "/training/bookings/\(id)/certificate", "/training/materials/\(id)"] {
            assertEqual(try await anonymous.get(path).location, "/sign-in", path)
        }
        for path in ["/training/events/\(event)/book", "/training/events/\(event)/cancel", "/training/events/\(event)/complete", "/training/courses",
                     "/training/bookings/\(id)/evaluation", "/training/events/\(event)", "/admin/registration-keys"] {
            assertEqual(try await anonymous.post(path, []).location, "/sign-in", path)
        }
        // A form from another site has no token.
        assertEqual(try await learner.post("/training/events/\(event)/book", [], csrf: false).status, .forbidden)
        assertEqual(try await TrainingBookingRecord.query(on: app.db).count(), 0)
        assertEqual(try await TrainingEventRecord.find(event, on: app.db)?.venue, "County Hall", "nothing was changed by the refused posts")
    }

    func testAnAgencyManagerSeesTheirOwnAgencysBookingsOnly() async throws {
        let trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer)
        let event = try await addEvent(trainer, course: course, on: SimpleDate(clock.now).adding(days: 3), capacity: 4)
        for role in [Role.socialWorker, .policeOfficer] {
            let b = try await signedIn(fx[role])
            _ = try await b.post("/training/events/\(event)/book", [])
        }
        // The team manager and the social worker are both in children's social care; the officer is police.
        let manager = try await signedIn(fx[.teamManager])
        let page = try await manager.get("/training/agency")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.text.contains("Test Social worker"), page.text)
        XCTAssertFalse(page.text.contains("Test Police officer"))
        let entries = try await auditEntries()
        XCTAssertTrue(entries.contains { $0.recordType == "agency-training" && $0.userID == fx[.teamManager].id.uuidString })
    }

    func testTextTypedIntoCoursesIsEscapedEverywhere() async throws {
        let trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer, title: "<script>alert(1)</script> course")
        let event = try await addEvent(trainer, course: course, on: SimpleDate(clock.now).adding(days: 3), capacity: 4)
        let sw = try await signedIn(fx[.socialWorker])
        for path in ["/training", "/training/events/\(event)"] {
            let text = try await sw.get(path).text
            XCTAssertFalse(text.contains("<script>alert(1)"), path)
            XCTAssertTrue(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; course"), path)
        }
        let csv = try await trainer.get("/training/courses/\(course)/evaluations.csv")
        XCTAssertEqual(csv.status, .ok)
        XCTAssertEqual(CSVDownload.safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")")
        XCTAssertEqual(CSVDownload.safe("-3"), "-3")
    }
}
