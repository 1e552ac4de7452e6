import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 16, item 5: recommendations → actions → evidence, tracked to impact and signed off by the case review
/// sub-group. The test clock starts on Monday 2 March 2026.
final class ActionPlanTests: ServerTestCase {
    func recommendation(_ unit: Browser) async throws -> UUID {
        _ = try await ReviewsImport.load(
            [
                ReviewImport.Row(
                    review: CodedReview(
                        reference: "NM-LCSPR-2025-1", kind: .localChildSafeguardingPracticeReview,
                        completedOn: SimpleDate(year: 2025, month: 11, day: 1)!, themes: ["engagement-of-fathers"]),
                    title: "LCSPR: Baby M")
            ], source: "test", now: clock.now, on: app.db)
        let res = try await unit.post(
            .recommendationNew,
            [
                ("source", "NM-LCSPR-2025-1"), ("finding", "The men in the home were unknown to health"),
                ("recommendation", "Every agency records the men around a baby"),
            ])
        XCTAssertEqual(res.status, .seeOther, res.text)
        return try await RecommendationRecord.query(on: app.db).first()!.id!
    }

    func addAction(
        _ unit: Browser, to rec: UUID, owner: Role, due: (String, String, String) = ("31", "3", "2026")
    ) async throws -> UUID {
        let res = try await unit.post(
            .recommendationActions(rec),
            [
                ("description", "Add a men in the household prompt to new-birth visits"),
                ("impact", "Audit of 20 records shows men recorded in 90%"),
                ("owner", fx[owner].id.uuidString), ("due-day", due.0), ("due-month", due.1), ("due-year", due.2),
            ])
        XCTAssertEqual(res.status, .seeOther, res.text)
        return try await PlanActionRecord.query(on: app.db).sort(\.$updatedAt, .descending).first()!.id!
    }

    func joinSubGroup(_ role: Role) async throws {
        let user = try await User.find(fx[role].id, on: app.db)!
        user.reviewGroups = ReviewGroup.text([.caseReviewSubGroup])
        try await user.save(on: app.db)
    }

    func testFromRecommendationToSignedOffActionWithEvidenceAndAFile() async throws {
        let unit = try await signedIn(fx[.businessUnitOfficer])
        let empty = try await unit.post(.recommendationNew, [])
        XCTAssertEqual(empty.status, .unprocessableEntity)
        XCTAssertTrue(empty.text.contains("Choose the review the recommendation comes from"))
        let rec = try await recommendation(unit)
        let bad = try await unit.post(
            .recommendationActions(rec),
            [("description", "Train"), ("due-day", "1"), ("due-month", "1"), ("due-year", "2026")])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        for m in [
            "Say what will be done", "plan the evidence from the start", "Choose the person who owns the action",
            "The due date cannot be in the past",
        ] {
            XCTAssertTrue(bad.text.contains(m), m)
        }
        let id = try await addAction(unit, to: rec, owner: .healthPractitioner)
        let owner = try await signedIn(fx[.healthPractitioner])
        assertTrue(
            try await owner.get(.myWork).text.contains("Action from a review: Add a men in the household prompt"))
        assertTrue(
            try await UserNotification.query(on: app.db).filter(\.$user.$id == fx[.healthPractitioner].id).count() == 1)

        // The owner: at risk needs a reason; evidence with a file; completion needs evidence first.
        assertEqual(try await owner.post(.planActionProgress(id), [("status", "at-risk")]).status, .unprocessableEntity)
        assertEqual(
            try await owner.post(
                .planActionProgress(id), [("status", "at-risk"), ("note", "Two trainers are off sick")]
            ).location,
            SiteURL.planAction(id).done("progress"))
        let early = try await owner.post(
            .planActionComplete(id), [("impact-achieved", "Men recorded in most records now")])
        XCTAssertTrue(early.text.contains("Add evidence before marking the action completed"))
        let upload = try await owner.upload(
            .planActionEvidence(id), fields: [("evidence", "The audit of 20 new-birth records")],
            file: ("file", "audit.csv", "text/csv", "record,men\n1,yes\n"))
        XCTAssertEqual(upload.location, SiteURL.planAction(id).done("evidence"), upload.text)
        let stored = try await EvidenceFileRecord.query(on: app.db).first()!
        XCTAssertEqual(stored.filename, "audit.csv")
        let download = try await owner.get(.evidenceFile(stored.id!))
        XCTAssertEqual(download.body.string, "record,men\n1,yes\n")
        assertEqual(
            try await signedIn(fx[.policeOfficer]).get(.evidenceFile(stored.id!)).status, .forbidden,
            "another agency's evidence")
        assertEqual(try await browser().get(.evidenceFile(stored.id!)).location, SiteURL.signIn.path)
        assertEqual(
            try await owner.post(
                .planActionComplete(id), [("impact-achieved", "The audit found men recorded in 19 of 20")]
            ).location,
            SiteURL.planAction(id).done("completed"))

        // The owner cannot sign off their own; a sub-group member can, and returning needs a note.
        assertEqual(try await owner.post(.planActionSignOff(id), [("decision", "sign-off")]).status, .forbidden)
        try await joinSubGroup(.teamManager)
        let member = try await signedIn(fx[.teamManager])
        assertTrue(try await member.get(.myWork).text.contains("Sign off an action: Add a men in the household prompt"))
        assertEqual(
            try await member.post(.planActionSignOff(id), [("decision", "return")]).status, .unprocessableEntity)
        assertEqual(
            try await member.post(.planActionSignOff(id), [("decision", "sign-off")]).location,
            SiteURL.planAction(id).done("signed-off"))
        let action = try await PlanActionRecord.find(id, on: app.db)!.action
        XCTAssertEqual(action.status, .signedOff)
        XCTAssertEqual(action.signedOffBy, "Test Team manager")

        // Every action signed off: the recommendation closes as implemented.
        assertEqual(
            try await unit.post(.recommendationClose(rec), [("close", "implemented")]).location,
            SiteURL.recommendation(rec).done("closed"))
        assertEqual(try await RecommendationRecord.find(rec, on: app.db)?.status.rawValue, "implemented")
        let trail = try await auditEntries().filter { $0.recordType == "plan-action" }.map(\.reason)
        XCTAssertTrue(
            trail.contains("evidence added with a file") && trail.contains("completed") && trail.contains("sign-off"),
            "\(trail)")
    }

    func testTheCompositePlanFiltersAndCSVAndEachAgencySeesItsOwn() async throws {
        let unit = try await signedIn(fx[.businessUnitOfficer])
        let rec = try await recommendation(unit)
        let health = try await addAction(unit, to: rec, owner: .healthPractitioner)
        _ = try await addAction(unit, to: rec, owner: .policePublicProtection, due: ("3", "3", "2026"))
        clock.advance(minutes: 3 * 24 * 60)  // Thursday 5 March: the police action is overdue.
        let unitLater = try await signedIn(fx[.businessUnitOfficer])
        let plan = try await unitLater.get(.actionPlan)
        XCTAssertTrue(plan.text.contains("2 actions: 1 overdue, 0 awaiting sign-off, 0 signed off"), plan.text)
        let overdue = try await unitLater.get(.actionPlan, query: [("overdue", "yes")])
        XCTAssertTrue(overdue.text.contains("1 action: 1 overdue"))
        let csv = try await unitLater.get(.actionPlanCSV, query: [("agency", "Northmere Constabulary")]).body.string
        XCTAssertEqual(csv.split(separator: "\n").count, 2, csv)
        XCTAssertTrue(csv.contains("Northmere Constabulary") && csv.contains(",Red,yes,"), csv)
        let police = try await signedIn(fx[.policePublicProtection])
        assertTrue(try await police.get(.myWork).text.contains("Overdue since 3 March 2026"))
        // An agency sees its own actions only; another agency's action is refused.
        let own = try await police.get(.actionPlan)
        XCTAssertTrue(
            own.text.contains("Your agency&#39;s actions from reviews") && own.text.contains("1 action"), own.text)
        assertEqual(try await police.get(.planAction(health)).status, .forbidden)
        // The business unit chases; the owner is told.
        let policeAction = try await PlanActionRecord.query(on: app.db).filter(\.$agency.$id == fx.police).first()!.id!
        assertEqual(
            try await unitLater.post(.planActionChase(policeAction), []).location,
            SiteURL.planAction(policeAction).done("chased"))
        assertTrue(
            try await UserNotification.query(on: app.db).filter(\.$user.$id == fx[.policePublicProtection].id)
                .filter(\.$subject == "Your action from a review is overdue").count() == 1)
    }

    func testDenialsAndTheAPI() async throws {
        let unit = try await signedIn(fx[.businessUnitOfficer])
        let rec = try await recommendation(unit)
        let id = try await addAction(unit, to: rec, owner: .healthPractitioner)
        for role in [Role.socialWorker, .boardMember, .trainer, .teamManager] {
            let b = try await signedIn(fx[role])
            assertEqual(
                try await b.post(.recommendationNew, [("source", "NM-LCSPR-2025-1")]).status, .forbidden, "\(role)")
            assertEqual(try await b.post(.recommendationActions(rec), []).status, .forbidden, "\(role)")
            assertEqual(try await b.post(.planActionChase(id), []).status, .forbidden, "\(role)")
        }
        // Not the owner: the social worker (same council? no: health owns it) may not record progress.
        assertEqual(
            try await signedIn(fx[.socialWorker]).post(.planActionProgress(id), [("status", "on-track")]).status,
            .forbidden)
        assertEqual(try await signedIn(fx[.boardMember]).get(.actionPlan).status, .ok, "the board reads the whole plan")
        assertEqual(
            try await signedIn(fx[.boardMember]).post(.planActionSignOff(id), [("decision", "sign-off")]).status,
            .forbidden)
        for role in [Role.learner, .trainer, .agencyManager] {
            assertEqual(try await signedIn(fx[role]).get(.actionPlan).status, .forbidden, "\(role)")
        }
        let anonymous = browser()
        for path in [
            SiteURL.actionPlan.path, SiteURL.actionPlanCSV.path, SiteURL.recommendation(rec).path,
            SiteURL.planAction(id).path,
        ] {
            assertEqual(try await anonymous.get(path).location, SiteURL.signIn.path, path)
        }
        assertEqual(try await anonymous.post(.planActionProgress(id), []).location, SiteURL.signIn.path)
        let owner = try await signedIn(fx[.healthPractitioner])
        assertEqual(
            try await owner.post(.planActionProgress(id), [("status", "on-track")], csrf: false).status, .forbidden)
        assertEqual(
            try await PlanActionRecord.find(id, on: app.db)?.status.rawValue, "not-started",
            "nothing was changed by the refused posts")

        let token = try await APITests.issue(in: self, agency: fx.hospital, permissions: [APIPrincipal.actionsRead])
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        let res = try await app.sendRequest(.GET, SiteURL.api(.actions).path, headers: h)
        XCTAssertEqual(res.status, .ok)
        let list = try res.content.decode(APIActionsController.ActionListDTO.self)
        XCTAssertEqual(list.actions.map(\.status), ["not-started"])
        let police = try await APITests.issue(in: self, agency: fx.police, permissions: [APIPrincipal.actionsRead])
        h.bearerAuthorization = .init(token: police)
        assertEqual(
            try await app.sendRequest(.GET, SiteURL.api(.actions).path, headers: h).content.decode(
                APIActionsController.ActionListDTO.self
            ).actions.count, 0,
            "another agency's actions are not its own")
        let other = try await APITests.issue(in: self, agency: fx.hospital, permissions: [APIPrincipal.read])
        h.bearerAuthorization = .init(token: other)
        assertEqual(try await app.sendRequest(.GET, SiteURL.api(.actions).path, headers: h).status, .forbidden)
    }
}

/// Issue 16, item 5: "owners … are chased when overdue": the platform's own hourly reminders, for overdue actions
/// and late agency summaries alike.
final class OverdueReminderServerTests: ServerTestCase {
    func testOverdueWorkIsChasedOnceThenEveryFiveWorkingDays() async throws {
        let unit = try await signedIn(fx[.businessUnitOfficer])
        _ = try await ReviewsImport.load(
            [
                ReviewImport.Row(
                    review: CodedReview(
                        reference: "NM-LCSPR-2025-1", kind: .localChildSafeguardingPracticeReview,
                        completedOn: SimpleDate(year: 2025, month: 11, day: 1)!, themes: []),
                    title: "LCSPR: Baby M")
            ], source: "test", now: clock.now, on: app.db)
        _ = try await unit.post(
            .recommendationNew,
            [
                ("source", "NM-LCSPR-2025-1"), ("finding", "The men in the home were unknown to health"),
                ("recommendation", "Every agency records the men around a baby"),
            ])
        let rec = try await RecommendationRecord.query(on: app.db).first()!.id!
        _ = try await unit.post(
            .recommendationActions(rec),
            [
                ("description", "Add a men in the household prompt to new-birth visits"),
                ("impact", "Audit of 20 records shows men recorded in 90%"),
                ("owner", fx[.healthPractitioner].id.uuidString), ("due-day", "10"), ("due-month", "3"),
                ("due-year", "2026"),
            ])
        let incident = try await notifiedIncident()
        _ = try await unit.post(
            .rapidReviewSummaries(incident), [("contributors[]", fx[.schoolDesignatedSafeguardingLead].id.uuidString)])
        func messages(_ role: Role) async throws -> Int {
            try await UserNotification.query(on: app.db).filter(\.$user.$id == fx[role].id).filter(
                \.$subject, .custom("LIKE"), "%overdue%"
            ).count()
                + UserNotification.query(on: app.db).filter(\.$user.$id == fx[role].id).filter(
                    \.$subject, .custom("LIKE"), "Reminder%"
                ).count()
        }

        assertEqual(
            try await OverdueReminders.run(on: app), .init(actions: 0, summaries: 0), "nothing is late on 2 March")
        clock.advance(minutes: 10 * 24 * 60)  // Thursday 12 March: the action was due on the 10th, the summary on the 11th
        assertEqual(try await OverdueReminders.run(on: app), .init(actions: 1, summaries: 1))
        assertEqual(try await OverdueReminders.run(on: app), .init(actions: 0, summaries: 0), "never twice in a day")
        assertEqual(try await messages(.healthPractitioner), 1)
        assertEqual(try await messages(.schoolDesignatedSafeguardingLead), 1)
        assertEqual(
            try await AgencySummaryRecord.query(on: app.db).first()!.summary.chasedOn,
            [SimpleDate(year: 2026, month: 3, day: 12)!])
        clock.advance(minutes: 6 * 24 * 60)  // Wednesday 18 March: four working days on
        assertEqual(try await OverdueReminders.run(on: app), .init(actions: 0, summaries: 0))
        clock.advance(minutes: 24 * 60)  // Thursday 19 March: five
        assertEqual(try await OverdueReminders.run(on: app), .init(actions: 1, summaries: 1))
        // A summary sent is never chased again.
        let dsl = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        let summary = try await AgencySummaryRecord.query(on: app.db).first()!.id!
        _ = try await dsl.post(.agencySummary(summary), [("involvement", "Not known to us"), ("intent", "send")])
        clock.advance(minutes: 7 * 24 * 60)
        assertEqual(try await OverdueReminders.run(on: app), .init(actions: 1, summaries: 0))
        assertTrue(
            try await auditEntries().contains {
                $0.userID == "system:overdue-reminders" && $0.recordType == "agency-summary"
            })
        assertEqual(try await AuditVerification.run(on: app.db).failures, [])
    }
}
