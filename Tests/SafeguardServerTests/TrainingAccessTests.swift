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
            (SiteURL.trainingManage.path, false), (SiteURL.trainingCourseNew.path, false),
            (SiteURL.trainingCourses.path, true), (SiteURL.trainingCourse(course).path, false),
            (SiteURL.trainingCourse(course).path, true), (SiteURL.trainingCourseQuestions(course).path, false),
            (SiteURL.trainingCourseQuestions(course).path, true),
            (SiteURL.trainingMaterialRemove(id).path, true), (SiteURL.trainingEventNew(course).path, false),
            (SiteURL.trainingCourseEvents(course).path, true),
            (SiteURL.trainingEventRegister(event).path, false), (SiteURL.trainingEventRegister(event).path, true),
            (SiteURL.trainingEventCapacity(event).path, true),
            (SiteURL.trainingEventEdit(event).path, false), (SiteURL.trainingEvent(event).path, true),
            (SiteURL.trainingEventCallOff(event).path, true),
            (SiteURL.trainingCourseMaterials(course).path, true),
        ]
        let reports = [
            SiteURL.trainingReports.path, SiteURL.trainingReportCSV("no-shows").path,
            SiteURL.trainingCourseEvaluations(course).path,
            SiteURL.trainingCourseEvaluationsCSV(course).path,
        ]
        let learner = try await signedIn(fx[.learner])
        for (path, post) in trainerOnly {
            let res = post ? try await learner.post(path, []) : try await learner.get(path)
            XCTAssertEqual(res.status, .forbidden, "learner \(post ? "POST" : "GET") \(path)")
        }
        for path in reports + [SiteURL.trainingAgency.path] {
            assertEqual(try await learner.get(path).status, .forbidden, "learner GET \(path)")
        }
        let manager = try await signedIn(fx[.agencyManager])
        for path in reports {
            assertEqual(try await manager.get(path).status, .forbidden, "agency manager GET \(path)")
        }
        let board = try await signedIn(fx[.boardMember])
        assertEqual(try await board.get(.trainingReports).status, .ok)
        assertEqual(try await board.get(.trainingCourseQuestions(course)).status, .forbidden)

        let anonymous = browser()
        for path in [
            SiteURL.training.path, SiteURL.trainingLog.path, SiteURL.trainingEvent(event).path,
            SiteURL.trainingManage.path, SiteURL.trainingReports.path, SiteURL.trainingAgency.path,
            SiteURL.notifications.path, SiteURL.trainingCertificate(id).path, SiteURL.trainingMaterial(id).path,
        ] {
            assertEqual(try await anonymous.get(path).location, SiteURL.signIn.path, path)
        }
        for path in [
            SiteURL.trainingEventBook(event).path, SiteURL.trainingEventCancel(event).path,
            SiteURL.trainingEventComplete(event).path, SiteURL.trainingCourses.path,
            SiteURL.trainingEvaluation(id).path, SiteURL.trainingEvent(event).path, SiteURL.adminRegistrationKeys.path,
        ] {
            assertEqual(try await anonymous.post(path, []).location, SiteURL.signIn.path, path)
        }
        // A form from another site has no token.
        assertEqual(try await learner.post(.trainingEventBook(event), [], csrf: false).status, .forbidden)
        assertEqual(try await TrainingBookingRecord.query(on: app.db).count(), 0)
        assertEqual(
            try await TrainingEventRecord.find(event, on: app.db)?.venue, "County Hall",
            "nothing was changed by the refused posts")
    }

    func testAnAgencyManagerSeesTheirOwnAgencysBookingsOnly() async throws {
        let trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer)
        let event = try await addEvent(trainer, course: course, on: SimpleDate(clock.now).adding(days: 3), capacity: 4)
        for role in [Role.socialWorker, .policeOfficer] {
            let b = try await signedIn(fx[role])
            _ = try await b.post(.trainingEventBook(event), [])
        }
        // The team manager and the social worker are both in children's social care; the officer is police.
        let manager = try await signedIn(fx[.teamManager])
        let page = try await manager.get(.trainingAgency)
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.text.contains("Test Social worker"), page.text)
        XCTAssertFalse(page.text.contains("Test Police officer"))
        let entries = try await auditEntries()
        XCTAssertTrue(
            entries.contains { $0.recordType == "agency-training" && $0.userID == fx[.teamManager].id.uuidString })
    }

    func testTextTypedIntoCoursesIsEscapedEverywhere() async throws {
        let trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer, title: "<script>alert(1)</script> course")
        let event = try await addEvent(trainer, course: course, on: SimpleDate(clock.now).adding(days: 3), capacity: 4)
        let sw = try await signedIn(fx[.socialWorker])
        for path in [SiteURL.training.path, SiteURL.trainingEvent(event).path] {
            let text = try await sw.get(path).text
            XCTAssertFalse(text.contains("<script>alert(1)"), path)
            XCTAssertTrue(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; course"), path)
        }
        let csv = try await trainer.get(.trainingCourseEvaluationsCSV(course))
        XCTAssertEqual(csv.status, .ok)
        XCTAssertEqual(CSVDownload.safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")")
        XCTAssertEqual(CSVDownload.safe("-3"), "-3")
    }
}
