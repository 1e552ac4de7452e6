import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 16, items 2 and 3: agencies' summaries for a rapid review or a SAR — asked of one named contributor per
/// agency, due on the working-day timeline, chased, written and sent by the contributor alone, returned for more,
/// and merged with the child's own chronology.
final class AgencySummaryTests: ServerTestCase {
    func summary(_ role: Role) async throws -> AgencySummaryRecord {
        try await AgencySummaryRecord.query(on: app.db).filter(\.$agency.$id == fx[role].agencyID).first()!
    }

    func testTheBusinessUnitAsksAndTheContributorWritesAndSends() async throws {
        let id = try await notifiedIncident()
        let unit = try await signedIn(fx[.businessUnitOfficer])
        let page = try await unit.get(.rapidReview(id))
        XCTAssertTrue(page.text.contains("No agency has been asked yet"), page.text)
        let form = try await unit.get(.rapidReviewSummaries(id))
        XCTAssertEqual(form.status, .ok)
        XCTAssertTrue(form.text.contains("<strong>11 March 2026</strong>"), "7 working days from 2 March")
        XCTAssertTrue(form.text.contains("Test Police officer"))
        XCTAssertFalse(form.html.contains("checked"), "nobody is chosen for the business unit")
        XCTAssertFalse(form.text.contains("Test Trainer"), "only people who work cases write summaries")

        // Nobody chosen, or two from one agency: refused with what to fix.
        let none = try await unit.post(.rapidReviewSummaries(id), [("ask", "Cover the last year")])
        XCTAssertEqual(none.status, .unprocessableEntity)
        XCTAssertTrue(none.text.contains("Choose who writes each agency&#39;s summary"), none.text)
        XCTAssertTrue(none.text.contains("Cover the last year"), "what was typed is kept")
        let two = try await unit.post(
            .rapidReviewSummaries(id),
            [("contributors[]", fx[.socialWorker].id.uuidString), ("contributors[]", fx[.teamManager].id.uuidString)])
        XCTAssertTrue(two.text.contains("Choose one contributor for Northmere Children&#39;s Services"), two.text)
        let sent = try await unit.post(
            .rapidReviewSummaries(id),
            [
                ("contributors[]", fx[.policeOfficer].id.uuidString),
                ("contributors[]", fx[.healthPractitioner].id.uuidString),
                ("ask", "Cover contact since the baby's birth"),
            ])
        XCTAssertEqual(sent.location, SiteURL.rapidReview(id).done("asked"), sent.text)
        assertEqual(try await AgencySummaryRecord.query(on: app.db).count(), 2)
        let police = try await summary(.policeOfficer)
        XCTAssertEqual(police.dueOn, "2026-03-11")
        // Asked again, the police are not offered.
        assertFalse(try await unit.get(.rapidReviewSummaries(id)).text.contains("Test Police officer"))

        // The contributor is told, sees it on My work, and reads only what finds their records.
        let officer = try await signedIn(fx[.policeOfficer])
        assertEqual(
            try await UserNotification.query(on: app.db).filter(\.$user.$id == fx[.policeOfficer].id).count(), 1)
        assertTrue(
            try await officer.get(.myWork).text.contains(
                "Write Northmere Constabulary&#39;s summary for rapid review SIN-2026-0001"))
        let mine = try await officer.get(.agencySummary(police.id!))
        XCTAssertEqual(mine.status, .ok)
        XCTAssertTrue(
            mine.text.contains("Kayla Smith") && mine.text.contains("Cover contact since the baby&#39;s birth"),
            mine.text)
        XCTAssertFalse(mine.text.contains("skull fracture"), "not the review's content")
        assertEqual(try await officer.get(.rapidReview(id)).status, .forbidden)

        // A line without a date is refused, and nothing typed is lost.
        let bad = try await officer.post(
            .agencySummary(police.id!),
            [
                ("involvement", "Two domestic incidents at the home"),
                ("chronology", "Last spring: a call-out"), ("intent", "draft"),
            ])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(
            bad.text.contains("Line 1 must start with the day it happened")
                && bad.text.contains("Two domestic incidents at the home"))
        let draft = try await officer.post(
            .agencySummary(police.id!),
            [
                ("involvement", "Two domestic incidents at the home"),
                ("chronology", "14/01/2026 Domestic incident, mother's partner arrested"), ("intent", "draft"),
            ])
        XCTAssertEqual(draft.location, SiteURL.agencySummary(police.id!).done("saved"))
        // The business unit cannot read a draft.
        let unread = try await unit.get(.agencySummary(police.id!))
        XCTAssertTrue(
            unread.text.contains("Not received yet") && !unread.text.contains("Domestic incident"), unread.text)
        // Sending needs the reflection once there are events.
        let noAnalysis = try await officer.post(
            .agencySummary(police.id!),
            [
                ("involvement", "Two domestic incidents at the home"),
                ("chronology", "14/01/2026 Domestic incident, mother's partner arrested"), ("intent", "send"),
            ])
        XCTAssertTrue(noAnalysis.text.contains("Say what went well"), noAnalysis.text)
        assertEqual(
            try await officer.post(
                .agencySummary(police.id!),
                [
                    ("involvement", "Two domestic incidents at the home"),
                    ("chronology", "14/01/2026 Domestic incident, mother's partner arrested"),
                    ("analysis", "The baby was not recorded as in the home"), ("intent", "send"),
                ]
            ).location,
            SiteURL.agencySummary(police.id!).done("sent"))
        assertEqual(
            try await UserNotification.query(on: app.db).filter(\.$user.$id == fx[.businessUnitOfficer].id).filter(
                \.$subject, .custom("LIKE"), "%summary has arrived%"
            ).count(), 1)
        assertFalse(
            try await officer.get(.agencySummary(police.id!)).text.contains("Send to the business unit"),
            "sent: no longer editable")
        let resend = try await officer.post(
            .agencySummary(police.id!), [("involvement", "Changed after sending"), ("intent", "send")])
        XCTAssertEqual(resend.status, .unprocessableEntity)

        // The business unit reads it on the review and returns it for more; the contributor edits and sends it again.
        let review = try await unit.get(.rapidReview(id))
        XCTAssertTrue(review.text.contains("1 of 2 received") && review.text.contains("Received"), review.text)
        let read = try await unit.get(.agencySummary(police.id!))
        XCTAssertTrue(read.text.contains("Domestic incident, mother&#39;s partner arrested"), read.text)
        assertEqual(
            try await unit.post(.agencySummaryReturn(police.id!), [("return-note", "more")]).status,
            .unprocessableEntity)
        assertEqual(
            try await unit.post(
                .agencySummaryReturn(police.id!), [("return-note", "Please add the call-out in November")]
            ).location,
            SiteURL.agencySummary(police.id!).done("returned"))
        assertTrue(try await officer.get(.myWork).text.contains("returned for more"))
        _ = try await officer.post(
            .agencySummary(police.id!),
            [
                ("involvement", "Three domestic incidents at the home"),
                (
                    "chronology",
                    "14/01/2026 Domestic incident, mother's partner arrested\n03/11/2025 Call-out, no crime recorded"
                ),
                ("analysis", "The baby was not recorded as in the home"), ("intent", "send"),
            ])
        assertEqual(try await summary(.policeOfficer).summary.stage, .submitted)

        // The review's chronology: Kayla's own record merged, in day order, with what the police sent.
        let chronology = try await unit.get(.rapidReviewChronology(id))
        XCTAssertEqual(chronology.status, .ok)
        let text = chronology.text
        XCTAssertTrue(text.contains("Call-out, no crime recorded"), text)
        let callOut = text.range(of: "Call-out, no crime recorded")!
        let arrest = text.range(of: "Domestic incident, mother")!
        XCTAssertTrue(callOut.lowerBound < arrest.lowerBound, "in day order")
        let csv = try await unit.get(.rapidReviewChronologyCSV(id))
        XCTAssertTrue(csv.text.hasPrefix("Day,Agency,Source,What happened"), csv.text)
        XCTAssertTrue(
            csv.text.contains("2025-11-03,Northmere Constabulary,Agency summary,\"Call-out, no crime recorded\""),
            csv.text)
        assertTrue(
            try await auditEntries().contains { $0.recordType == "review-chronology" && $0.recordID == "SIN-2026-0001" }
        )
        assertTrue(try await auditEntries().contains { $0.recordType == "agency-summary" && $0.reason == "sent" })
    }

    func testALateSummaryIsChasedOnceADay() async throws {
        let id = try await notifiedIncident()
        let unit = try await signedIn(fx[.businessUnitOfficer])
        _ = try await unit.post(
            .rapidReviewSummaries(id), [("contributors[]", fx[.schoolDesignatedSafeguardingLead].id.uuidString)])
        let school = try await summary(.schoolDesignatedSafeguardingLead)
        assertEqual(try await unit.post(.agencySummaryChase(school.id!), []).status, .conflict, "not due yet")
        clock.advance(minutes: 10 * 24 * 60)  // Thursday 12 March: a working day late
        let later = try await signedIn(fx[.businessUnitOfficer])
        let page = try await later.get(.rapidReview(id))
        XCTAssertTrue(page.text.contains("Late by 1 working day"), page.text)
        assertTrue(
            try await later.get(.myWork).text.contains(
                "Late: Calder Vale Primary School&#39;s summary for SIN-2026-0001"))
        assertEqual(
            try await later.post(.agencySummaryChase(school.id!), []).location,
            SiteURL.rapidReview(id).done("chased"))
        assertEqual(try await later.post(.agencySummaryChase(school.id!), []).status, .conflict, "once a day")
        assertEqual(
            try await UserNotification.query(on: app.db).filter(\.$user.$id == fx[.schoolDesignatedSafeguardingLead].id)
                .filter(\.$subject, .custom("LIKE"), "Reminder%").count(), 1)
        let dsl = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        assertTrue(try await dsl.get(.agencySummaries).text.contains("Late by 1 working day"))
        assertTrue(try await dsl.get(.agencySummary(school.id!)).text.contains("Chased 12 March 2026"))
    }

    func testOnlyTheContributorWritesAndOnlyTheBusinessUnitAsks() async throws {
        let id = try await notifiedIncident()
        let unit = try await signedIn(fx[.businessUnitOfficer])
        _ = try await unit.post(.rapidReviewSummaries(id), [("contributors[]", fx[.policeOfficer].id.uuidString)])
        let police = try await summary(.policeOfficer)
        // No session.
        for path in [
            SiteURL.rapidReviewSummaries(id).path, SiteURL.rapidReviewChronology(id).path, SiteURL.agencySummaries.path,
            SiteURL.agencySummary(police.id!).path,
        ] {
            assertEqual(try await browser().get(path).location, SiteURL.signIn.path, path)
        }
        for url in [
            SiteURL.agencySummary(police.id!), .agencySummaryChase(police.id!), .agencySummaryReturn(police.id!),
        ] {
            assertEqual(try await browser().post(url, []).location, SiteURL.signIn.path, url.path)
        }
        // Another officer of the same agency, another agency, and roles with no case work.
        for role in [Role.policePublicProtection, .healthPractitioner, .socialWorker] {
            let b = try await signedIn(fx[role])
            assertEqual(try await b.get(.agencySummary(police.id!)).status, .forbidden, "\(role)")
            assertEqual(
                try await b.post(.agencySummary(police.id!), [("involvement", "Not known to us"), ("intent", "send")])
                    .status, .forbidden, "\(role)")
            assertEqual(try await b.get(.rapidReviewSummaries(id)).status, .forbidden, "\(role)")
            assertEqual(
                try await b.post(.rapidReviewSummaries(id), [("contributors[]", fx[role].id.uuidString)]).status,
                .forbidden)
            assertEqual(try await b.get(.rapidReviewChronology(id)).status, .forbidden, "\(role)")
            assertEqual(try await b.post(.agencySummaryChase(police.id!), []).status, .forbidden, "\(role)")
        }
        for role in [Role.boardMember, .trainer, .partnershipAdmin] {
            assertEqual(try await signedIn(fx[role]).get(.agencySummaries).status, .forbidden, "\(role)")
        }
        // The contributor cannot chase or return their own, nor ask others; the business unit cannot write it.
        let officer = try await signedIn(fx[.policeOfficer])
        assertEqual(
            try await officer.post(.agencySummaryReturn(police.id!), [("return-note", "Please add more detail")])
                .status, .forbidden)
        assertEqual(
            try await unit.post(.agencySummary(police.id!), [("involvement", "Written for them"), ("intent", "send")])
                .status, .forbidden)
        // Once the rapid review is submitted nobody more is asked.
        let record = RapidReviewRecord()
        record.$incident.id = id
        record.set(
            RapidReview(
                decision: .noReview, rationale: "No review needed",
                submittedOn: SimpleDate(year: 2026, month: 3, day: 20)!), at: Date())
        try await record.create(on: app.db)
        assertEqual(try await unit.get(.rapidReviewSummaries(id)).status, .conflict)
    }

    func testASARGathersSummariesOnceThePanelDecidesToHoldOne() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        _ = try await sw.post(
            .personSARReferral(fx.shannon),
            [("what-happened", "Found with serious injuries in her flat after months of reports of strangers there")])
        let sar = try await SARReferralRecord.query(on: app.db).first()!.id!
        let unit = try await signedIn(fx[.businessUnitOfficer])
        assertEqual(try await unit.get(.sarSummaries(sar)).status, .conflict, "not before the panel decides")
        let answers = S44Criterion.allCases.flatMap {
            [($0.rawValue, "yes"), ("\($0.rawValue)-note", "The agencies' records show this")]
        }
        _ = try await unit.post(
            .sarDecision(sar),
            answers + [("decision", "mandatory"), ("reasons", "Every criterion met; reports not shared")])
        assertTrue(try await unit.get(.sar(sar)).text.contains("Ask agencies for their summaries"))
        assertEqual(
            try await unit.post(.sarSummaries(sar), [("contributors[]", fx[.healthPractitioner].id.uuidString)])
                .location, SiteURL.sar(sar).done("asked"))
        let health = try await summary(.healthPractitioner)
        let nurse = try await signedIn(fx[.healthPractitioner])
        let page = try await nurse.get(.agencySummary(health.id!))
        XCTAssertTrue(
            page.text.contains("Shannon Smith") && page.text.contains("Safeguarding Adults Review"), page.text)
        _ = try await nurse.post(
            .agencySummary(health.id!),
            [
                ("involvement", "Seen in A&E twice with injuries"), ("chronology", "02/02/2026 A&E, fractured wrist"),
                ("analysis", "No safeguarding referral was made"), ("intent", "send"),
            ])
        let chronology = try await unit.get(.sarChronology(sar))
        XCTAssertTrue(chronology.text.contains("A&amp;E, fractured wrist"), chronology.text)
        // The SAR panel reads it; a case worker not on the panel does not, nor asks; nobody signed out does either.
        assertEqual(try await sw.get(.sarChronology(sar)).status, .forbidden)
        assertEqual(try await sw.get(.sarSummaries(sar)).status, .forbidden)
        assertEqual(
            try await sw.post(.sarSummaries(sar), [("contributors[]", fx[.policeOfficer].id.uuidString)]).status,
            .forbidden)
        assertEqual(
            try await nurse.get(.sarChronologyCSV(sar)).status, .forbidden,
            "the contributor reads their own summary, not the review")
        for path in [
            SiteURL.sarSummaries(sar).path, SiteURL.sarChronology(sar).path, SiteURL.sarChronologyCSV(sar).path,
        ] {
            assertEqual(try await browser().get(path).location, SiteURL.signIn.path, path)
        }
    }

    func testTheBusinessUnitPassesASummaryToSomeoneElseInTheAgency() async throws {
        let id = try await notifiedIncident()
        let unit = try await signedIn(fx[.businessUnitOfficer])
        _ = try await unit.post(.rapidReviewSummaries(id), [("contributors[]", fx[.policeOfficer].id.uuidString)])
        let police = try await summary(.policeOfficer)
        let officer = try await signedIn(fx[.policeOfficer])
        _ = try await officer.post(
            .agencySummary(police.id!), [("involvement", "Drafted by the first officer"), ("intent", "draft")])
        let page = try await unit.get(.agencySummary(police.id!))
        XCTAssertTrue(
            page.text.contains("Who in Northmere Constabulary writes it now?")
                && page.text.contains("Test Police public protection"), page.text)
        XCTAssertFalse(page.text.contains("Test Health practitioner"), "only the same agency's case workers")
        let elsewhere = try await unit.post(
            .agencySummaryContributor(police.id!), [("contributor", fx[.healthPractitioner].id.uuidString)])
        XCTAssertEqual(elsewhere.status, .unprocessableEntity)
        XCTAssertTrue(elsewhere.text.contains("Choose someone in the same agency who works cases"))
        assertEqual(
            try await officer.post(
                .agencySummaryContributor(police.id!), [("contributor", fx[.policePublicProtection].id.uuidString)]
            ).status,
            .forbidden, "the contributor does not pass it on themselves")
        assertEqual(try await browser().post(.agencySummaryContributor(police.id!), []).location, SiteURL.signIn.path)
        assertEqual(
            try await unit.post(
                .agencySummaryContributor(police.id!), [("contributor", fx[.policePublicProtection].id.uuidString)]
            ).location,
            SiteURL.agencySummary(police.id!).done("passed"))
        // The new contributor has it, with the draft; the one before no longer does.
        let ppu = try await signedIn(fx[.policePublicProtection])
        let theirs = try await ppu.get(.agencySummary(police.id!))
        XCTAssertTrue(theirs.text.contains("Drafted by the first officer"), theirs.text)
        assertEqual(try await officer.get(.agencySummary(police.id!)).status, .forbidden)
        assertEqual(
            try await UserNotification.query(on: app.db).filter(\.$user.$id == fx[.policePublicProtection].id).count(),
            1)
        _ = try await ppu.post(.agencySummary(police.id!), [("involvement", "Not known to us"), ("intent", "send")])
        assertEqual(
            try await unit.post(
                .agencySummaryContributor(police.id!), [("contributor", fx[.policeOfficer].id.uuidString)]
            ).status,
            .unprocessableEntity, "a sent summary is returned first")
    }
}
