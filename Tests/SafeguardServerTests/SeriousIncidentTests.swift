import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 16, item 1: a case worker raises a need-to-know from the child's record; the business unit completes
/// the notification from what the platform holds and tells the national panel within 5 working days.
/// The test clock starts on Monday 2 March 2026.
final class SeriousIncidentTests: ServerTestCase {
    func startPlan() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let res = try await sw.post(
            .personProtection(fx.kayla),
            [
                ("kind", "child-protection-plan"), ("categories[]", "neglect"), ("start-day", "1"),
                ("start-month", "3"), ("start-year", "2026"),
                ("social-worker", fx[.socialWorker].id.uuidString), ("conference-day", "1"), ("conference-month", "3"),
                ("conference-year", "2026"),
            ])
        XCTAssertNotNil(res.location, res.text)
    }

    let good: [(String, String)] = [
        ("reason", "serious-harm"), ("incident-day", "28"), ("incident-month", "2"), ("incident-year", "2026"),
        ("what-happened", "Admitted with a skull fracture that the explanation does not fit"),
        ("abuse-or-neglect[]", "yes"),
    ]

    @discardableResult
    func raise() async throws -> SeriousIncidentRecord {
        let sw = try await signedIn(fx[.socialWorker])
        let res = try await sw.post(.personSeriousIncidentNew(fx.kayla), good)
        XCTAssertEqual(res.location, SiteURL.person(fx.kayla).done("serious-incident"), res.text)
        return try await SeriousIncidentRecord.query(on: app.db).first()!
    }

    func joinCaseReviewSubGroup(_ role: Role) async throws {
        let user = try await User.find(fx[role].id, on: app.db)!
        user.reviewGroups = ReviewGroup.text([.caseReviewSubGroup])
        try await user.save(on: app.db)
    }

    func testACaseWorkerRaisesItFromTheChildsRecordPrefilledAndTheBusinessUnitIsTold() async throws {
        try await startPlan()
        let sw = try await signedIn(fx[.socialWorker])
        assertTrue(try await sw.get(.person(fx.kayla)).text.contains("Raise a serious incident notification"))
        assertFalse(
            try await sw.get(.person(fx.shannon)).text.contains("Raise a serious incident notification"),
            "not from an adult's record")
        let form = try await sw.get(.personSeriousIncidentNew(fx.kayla))
        XCTAssertEqual(form.status, .ok)
        XCTAssertTrue(form.text.contains("Child protection plan"), "legal status from the protection records")
        XCTAssertTrue(form.text.contains("Calder Vale Primary School"), "agencies involved")
        XCTAssertFalse(form.html.contains("checked"), "nothing is chosen for the case worker")

        let empty = try await sw.post(.personSeriousIncidentNew(fx.kayla), [("what-happened", "fell")])
        XCTAssertEqual(empty.status, .unprocessableEntity)
        for message in [
            "Say whether the child died or was seriously harmed", "Enter the day it happened",
            "Say briefly what happened",
            "A notification is for when abuse or neglect is known or suspected",
        ] {
            XCTAssertTrue(empty.text.contains(message), message)
        }
        XCTAssertTrue(empty.text.contains(">fell</textarea>"), "what was typed is kept")
        assertEqual(try await SeriousIncidentRecord.query(on: app.db).count(), 0)

        let record = try await raise()
        XCTAssertEqual(record.reference, "SIN-2026-0001")
        XCTAssertEqual(record.snapshot.legalStatus, [.childProtectionPlan])
        XCTAssertEqual(record.snapshot.dateOfBirth, SimpleDate(year: 2018, month: 6, day: 14))
        XCTAssertEqual(record.snapshot.address, "14 Mill Lane, Calder Vale, NM4 2AB")
        let told = try await UserNotification.query(on: app.db).filter(\.$user.$id == fx[.businessUnitOfficer].id).all()
        XCTAssertEqual(told.map(\.subject), ["Serious incident notification SIN-2026-0001 raised"])
        XCTAssertFalse(told[0].body.contains("Kayla"), "no child's name in a message that may be e-mailed")
        assertTrue(try await auditEntries().contains { $0.recordType == "serious-incident" && $0.action == "create" })
    }

    func testTheBusinessUnitCompletesItAndNotifiesThePanelOnTheWorkingDayClock() async throws {
        try await startPlan()
        let record = try await raise()
        let id = record.id!
        let unit = try await signedIn(fx[.businessUnitOfficer])
        assertEqual(try await unit.get(.home).location, SiteURL.myWork.path)
        let work = try await unit.get(.myWork)
        XCTAssertTrue(work.text.contains("Notify the national panel: SIN-2026-0001 (Kayla Smith)"), work.text)
        XCTAssertTrue(work.text.contains("Record the day the local authority became aware"))

        let wrong = try await unit.post(
            .seriousIncidentComplete(id),
            [
                ("place", "At home"), ("police", "yes"), ("police-details", ""),
                ("aware-day", "27"), ("aware-month", "2"), ("aware-year", "2026"),
            ])
        XCTAssertEqual(wrong.status, .unprocessableEntity)
        XCTAssertTrue(wrong.text.contains("Give the police contact or reference"))
        XCTAssertTrue(wrong.text.contains("cannot have become aware before it happened"))
        let saved = try await unit.post(
            .seriousIncidentComplete(id),
            [
                ("place", "At home"), ("police", "yes"), ("police-details", "DS Lindqvist"),
                ("aware-day", "2"), ("aware-month", "3"), ("aware-year", "2026"),
            ])
        XCTAssertEqual(saved.location, SiteURL.seriousIncident(id).done("saved"))
        assertTrue(
            try await unit.get(.seriousIncident(id)).text.contains(
                "Notify the national panel by 9 March 2026 (5 working days left)"))

        // A week later, Tuesday 10 March: a working day late, so the reason is asked for.
        clock.advance(minutes: 8 * 24 * 60)
        let unitLater = try await signedIn(fx[.businessUnitOfficer])
        assertTrue(try await unitLater.get(.seriousIncidents).text.contains("overdue by 1 working day"))
        let late = try await unitLater.post(
            .seriousIncidentNotified(id), [("notified-day", "10"), ("notified-month", "3"), ("notified-year", "2026")])
        XCTAssertEqual(late.status, .unprocessableEntity)
        XCTAssertTrue(late.text.contains("after the due date of 9 March 2026: say why it was late"))
        let sent = try await unitLater.post(
            .seriousIncidentNotified(id),
            [
                ("notified-day", "10"), ("notified-month", "3"), ("notified-year", "2026"),
                ("late-reason", "The hospital's report reached us on 9 March"),
            ])
        XCTAssertEqual(sent.location, SiteURL.seriousIncident(id).done("notified"))
        let page = try await unitLater.get(.seriousIncident(id))
        XCTAssertTrue(page.text.contains("Rapid review due by 31 March 2026 (15 working days left)"), page.text)
        XCTAssertFalse(
            page.text.contains("Record that the national panel was notified"), "a sent notification is not sent again")

        let json = try await unitLater.get(.seriousIncidentJSON(id))
        let dto = try JSONDecoder().decode(SeriousIncidentDTO.self, from: Data(json.body.string.utf8))
        XCTAssertEqual(dto.child.legalStatus, ["child-protection-plan"])
        XCTAssertEqual(dto.notifier?.name, "Test Partnership business unit officer")
        XCTAssertEqual(dto.notificationDue, "2026-03-09")
        XCTAssertEqual(dto.lateReason, "The hospital's report reached us on 9 March")
        assertTrue(
            try await auditEntries().contains { $0.reason.hasPrefix("national panel notified on 2026-03-10 (late:") })
    }

    func testClosingAsNotNotifiableTellsTheCaseWorkerWhy() async throws {
        let record = try await raise()
        let id = record.id!
        let unit = try await signedIn(fx[.businessUnitOfficer])
        let short = try await unit.post(.seriousIncidentClose(id), [("close-reason", "accident")])
        XCTAssertEqual(short.status, .unprocessableEntity)
        assertEqual(
            try await unit.post(
                .seriousIncidentClose(id), [("close-reason", "The medical found the injury accidental and consistent")]
            ).location,
            SiteURL.seriousIncident(id).done("closed"))
        let told = try await UserNotification.query(on: app.db).filter(\.$user.$id == fx[.socialWorker].id).all()
        XCTAssertTrue(told.contains { $0.body.contains("The medical found the injury accidental") })
    }

    func testOnlyTheBusinessUnitAndTheReviewGroupsOpenIt() async throws {
        let record = try await raise()
        let id = record.id!
        let views = [
            SiteURL.seriousIncidents.path, SiteURL.seriousIncident(id).path, SiteURL.seriousIncidentJSON(id).path,
        ]
        let posts = [
            SiteURL.seriousIncidentComplete(id).path, SiteURL.seriousIncidentNotified(id).path,
            SiteURL.seriousIncidentClose(id).path,
        ]
        for role in [Role.socialWorker, .teamManager, .boardMember, .auditor, .mashManager, .partnershipAdmin] {
            let b = try await signedIn(fx[role])
            for path in views { assertEqual(try await b.get(path).status, .forbidden, "\(role) GET \(path)") }
            for path in posts {
                assertEqual(
                    try await b.post(path, [("close-reason", "The medical found the injury accidental")]).status,
                    .forbidden, "\(role) POST \(path)")
            }
        }
        // A team manager on the case review sub-group opens it, but does not run it.
        try await joinCaseReviewSubGroup(.teamManager)
        let member = try await signedIn(fx[.teamManager])
        for path in views { assertEqual(try await member.get(path).status, .ok, "member GET \(path)") }
        assertFalse(try await member.get(.seriousIncident(id)).text.contains("Complete the notification"))
        for path in posts {
            assertEqual(
                try await member.post(path, [("close-reason", "The medical found the injury accidental")]).status,
                .forbidden, path)
        }

        // Raising: not the board, the trainer or the auditor; a police officer not involved must break the glass first.
        for role in [Role.boardMember, .trainer, .businessUnitOfficer] {
            assertEqual(
                try await signedIn(fx[role]).post(.personSeriousIncidentNew(fx.kayla), good).status, .forbidden,
                "\(role) raises")
        }
        assertEqual(try await signedIn(fx[.auditor]).get(.personSeriousIncidentNew(fx.kayla)).status, .forbidden)
        assertEqual(
            try await signedIn(fx[.policeOfficer]).get(.personSeriousIncidentNew(fx.kayla)).location,
            SiteURL.personBreakGlass(fx.kayla).path)

        let anonymous = browser()
        for path in views + [SiteURL.personSeriousIncidentNew(fx.kayla).path] {
            assertEqual(try await anonymous.get(path).location, SiteURL.signIn.path, path)
        }
        for path in posts + [SiteURL.personSeriousIncidentNew(fx.kayla).path] {
            assertEqual(try await anonymous.post(path, []).location, SiteURL.signIn.path, path)
        }
        let unit = try await signedIn(fx[.businessUnitOfficer])
        assertEqual(
            try await unit.post(
                .seriousIncidentClose(id), [("close-reason", "The medical found the injury accidental")], csrf: false
            ).status,
            .forbidden)
        assertEqual(
            try await SeriousIncidentRecord.find(id, on: app.db)?.status.rawValue, "raised",
            "nothing was changed by the refused posts")
        assertEqual(try await SeriousIncidentRecord.query(on: app.db).count(), 1)
    }

    func testTheAdministratorPutsAUserOnTheCaseReviewSubGroup() async throws {
        let admin = try await signedIn(fx[.partnershipAdmin])
        let res = try await admin.post(
            .adminUser(fx[.policePublicProtection].id),
            [
                ("display-name", "Test Police public protection"), ("role", "police-public-protection"),
                ("agency", fx.police.uuidString),
                ("active", "yes"), ("password", ""), ("review-groups[]", "case-review-sub-group"),
                ("review-groups[]", "statutory-partner-lead"),
            ])
        XCTAssertEqual(res.location, SiteURL.adminUsers.path, res.text)
        assertEqual(
            try await User.find(fx[.policePublicProtection].id, on: app.db)?.memberships,
            [.caseReviewSubGroup, .statutoryPartnerLead])
        assertTrue(
            try await admin.get(.adminUser(fx[.policePublicProtection].id)).html.contains(
                #"value="case-review-sub-group" checked"#))
        assertEqual(try await signedIn(fx[.policePublicProtection]).get(.seriousIncidents).status, .ok)
    }
}
