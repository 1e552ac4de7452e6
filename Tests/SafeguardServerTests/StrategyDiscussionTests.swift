import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

final class StrategyDiscussionTests: ServerTestCase {
    func fields(_ agencies: [UUID], section47: String = "yes") -> [(String, String)] {
        [
            ("held-day", "2"), ("held-month", "3"), ("held-year", "2026"), ("held-time", "09:30"),
            ("attendees", "A. Social Worker (chair), DC B. Officer, Nurse C. Health"),
            ("information-shared", "Two police call-outs; school reports hunger; GP saw bruising in January."),
            ("section47", section47), ("decisions", "Joint visit today; section 47 enquiry led by social care."),
            ("actions", "Home visit - social worker - today"),
        ] + agencies.map { ("agencies[]", $0.uuidString) }
    }

    func testSocialCarePoliceAndHealthMustTakePart() async throws {
        let id = try await refer().1
        let b = try await signedIn(fx[.mashPractitioner])
        let res = try await b.post(.referralStrategyDiscussion(id), fields([fx.socialCare, fx.police]))
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.text.contains("health did not take part"))
        assertEqual(try await StrategyDiscussion.query(on: app.db).count(), 0)
    }

    func testADiscussionIsRecordedWithItsTimelinessAndTheConferenceClock() async throws {
        let id = try await refer().1
        let mash = try await signedIn(fx[.mashPractitioner])
        let subject = try await ReferralSubject.query(on: app.db).filter(\.$referral.$id == id).first()!
        _ = try await mash.post(.referralLink(id, subject.id!), [("person", fx.kayla.uuidString)])
        clock.advance(minutes: 60)
        let b = try await signedIn(fx[.policePublicProtection])
        assertEqual(try await b.get(.referralStrategyDiscussion(id)).status, .ok)
        let res = try await b.post(.referralStrategyDiscussion(id), fields([fx.socialCare, fx.police, fx.hospital]))
        XCTAssertEqual(res.location, SiteURL.referral(id).path)
        let reader = try await signedIn(fx[.mashPractitioner])  // the first session idled out during the hour
        let page = try await reader.get(.referral(id))
        XCTAssertTrue(page.text.contains("(the day the referral arrived)"))
        // Held Monday 2 March 2026: 15 working days later is Monday 23 March.
        XCTAssertTrue(page.text.contains("initial child protection conference due by 23 March 2026"))
        let record = try await reader.get(.person(fx.kayla))
        XCTAssertTrue(record.text.contains("Strategy discussion about MASH-2026-000001: section 47 enquiry started"))
    }

    func testADiscussionCannotBeRecordedBeforeItHappens() async throws {
        let id = try await refer().1
        let b = try await signedIn(fx[.socialWorker])
        var f = fields([fx.socialCare, fx.police, fx.hospital])
        f[2] = ("held-year", "2027")
        let res = try await b.post(.referralStrategyDiscussion(id), f)
        XCTAssertTrue(res.text.contains("The discussion must have happened already"))
    }

    func testOnlyTheLeadAgenciesRecordThem() async throws {
        let id = try await refer().1
        for role in [Role.schoolDesignatedSafeguardingLead, .healthPractitioner, .policeOfficer, .trainer] {
            let b = try await signedIn(fx[role])
            assertEqual(try await b.get(.referralStrategyDiscussion(id)).status, .forbidden, "\(role)")
        }
    }

    func testTimelinessIsReportedByMonthAgainstThePartnershipsTarget() async throws {
        let prompt = try await refer().1
        let slow = try await refer(child: ("Kayla", "Smith", "2018-06-14")).1
        let mash = try await signedIn(fx[.mashPractitioner])
        _ = try await mash.post(.referralStrategyDiscussion(prompt), fields([fx.socialCare, fx.police, fx.hospital]))
        clock.advance(minutes: 7 * 24 * 60)
        let later = try await signedIn(fx[.mashManager])
        var f = fields([fx.socialCare, fx.police, fx.hospital], section47: "no")
        f[0] = ("held-day", "9")
        f[3] = ("held-time", "09:45")
        let recorded = try await later.post(.referralStrategyDiscussion(slow), f)
        XCTAssertEqual(recorded.location, SiteURL.referral(slow).path, recorded.text)

        let report = try await later.get(.strategyDiscussionReport)
        XCTAssertEqual(report.status, .ok)
        XCTAssertTrue(
            report.text.contains("The partnership&#39;s target is 3 working days")
                || report.text.contains("The partnership's target is 3 working days"))
        XCTAssertTrue(
            report.text.contains(
                "<td class=\"sg-table__cell\">March 2026</td><td class=\"sg-table__cell\">2</td><td class=\"sg-table__cell\">1 (50%)</td><td class=\"sg-table__cell\">2.5</td><td class=\"sg-table__cell\">2</td><td class=\"sg-table__cell\">1</td>"
            ),
            "held 2, 1 within target, median of 0 and 5 working days, both with all three partners, 1 section 47")
        XCTAssertTrue(report.text.contains("Held later than the target"))
        XCTAssertTrue(report.text.contains("MASH-2026-000002"))
        let elsewhere = try await later.get(.strategyDiscussionReport, query: [("district", UUID().uuidString)])
        XCTAssertTrue(
            elsewhere.text.contains("No strategy discussion was held in this period"),
            "a district with none is not praised")
        assertTrue(try await auditEntries().contains { $0.recordType == "strategy-discussion-report" })
        assertEqual(
            try await signedIn(fx[.schoolDesignatedSafeguardingLead]).get(.strategyDiscussionReport).status, .forbidden)
    }
}

final class MyWorkTests: ServerTestCase {
    func testEachUserSeesWhatIsWaitingForThem() async throws {
        let id = try await refer().1
        let manager = try await signedIn(fx[.mashManager])
        assertTrue(try await manager.get(.myWork).text.contains("Rate MASH-2026-000001"))
        _ = try await manager.post(.referralTriage(id), [("rag", "amber"), ("agencies[]", fx.police.uuidString)])
        let police = try await signedIn(fx[.policeOfficer])
        let work = try await police.get(.myWork)
        XCTAssertTrue(work.text.contains("Answer the MASH about MASH-2026-000001"))
        let school = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        _ = try await school.post(.referralNew, [])
        assertTrue(try await school.get(.myWork).text.contains("Finish your draft referral"))
        let trainer = try await signedIn(fx[.trainer])
        assertEqual(try await trainer.get(.myWork).status, .forbidden)
    }
}
