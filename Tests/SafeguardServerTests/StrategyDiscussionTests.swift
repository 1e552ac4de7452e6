import Fluent
import XCTVapor
@testable import SafeguardCore
@testable import SafeguardServer

final class StrategyDiscussionTests: ServerTestCase {
    func fields(_ agencies: [UUID], section47: String = "yes") -> [(String, String)] {
        [("held-day", "2"), ("held-month", "3"), ("held-year", "2026"), ("held-time", "09:30"),
         ("attendees", "A. Social Worker (chair), DC B. Officer, Nurse C. Health"),
         ("information-shared", "Two police call-outs; school reports hunger; GP saw bruising in January."),
         ("section47", section47), ("decisions", "Joint visit today; section 47 enquiry led by social care."),
         ("actions", "Home visit - social worker - today")] + agencies.map { ("agencies[]", $0.uuidString) }
    }

    func testSocialCarePoliceAndHealthMustTakePart() async throws {
        let id = try await refer().1
        let b = try await signedIn(fx[.mashPractitioner])
        let res = try await b.post("/referrals/\(id)/strategy-discussions", fields([fx.socialCare, fx.police]))
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.text.contains("health did not take part"))
        assertEqual(try await StrategyDiscussion.query(on: app.db).count(), 0)
    }

    func testADiscussionIsRecordedWithItsTimelinessAndTheConferenceClock() async throws {
        let id = try await refer().1
        let mash = try await signedIn(fx[.mashPractitioner])
        let subject = try await ReferralSubject.query(on: app.db).filter(\.$referral.$id == id).first()!
        _ = try await mash.post("/referrals/\(id)/subjects/\(subject.id!)", [("person", fx.kayla.uuidString)])
        clock.advance(minutes: 60)
        let b = try await signedIn(fx[.policePublicProtection])
        assertEqual(try await b.get("/referrals/\(id)/strategy-discussions").status, .ok)
        let res = try await b.post("/referrals/\(id)/strategy-discussions", fields([fx.socialCare, fx.police, fx.hospital]))
        XCTAssertEqual(res.location, "/referrals/\(id)")
        let reader = try await signedIn(fx[.mashPractitioner])  // the first session idled out during the hour
        let page = try await reader.get("/referrals/\(id)")
        XCTAssertTrue(page.text.contains("(the day the referral arrived)"))
        // Held Monday 2 March 2026: 15 working days later is Monday 23 March.
        XCTAssertTrue(page.text.contains("initial child protection conference due by 23 March 2026"))
        let record = try await reader.get("/people/\(fx.kayla)")
        XCTAssertTrue(record.text.contains("Strategy discussion about MASH-2026-000001: section 47 enquiry started"))
    }

    func testADiscussionCannotBeRecordedBeforeItHappens() async throws {
        let id = try await refer().1
        let b = try await signedIn(fx[.socialWorker])
        var f = fields([fx.socialCare, fx.police, fx.hospital])
        f[2] = ("held-year", "2027")
        let res = try await b.post("/referrals/\(id)/strategy-discussions", f)
        XCTAssertTrue(res.text.contains("The discussion must have happened already"))
    }

    func testOnlyTheLeadAgenciesRecordThem() async throws {
        let id = try await refer().1
        for role in [Role.schoolDesignatedSafeguardingLead, .healthPractitioner, .policeOfficer, .trainer] {
            let b = try await signedIn(fx[role])
            assertEqual(try await b.get("/referrals/\(id)/strategy-discussions").status, .forbidden, "\(role)")
        }
    }
}

final class MyWorkTests: ServerTestCase {
    func testEachUserSeesWhatIsWaitingForThem() async throws {
        let id = try await refer().1
        let manager = try await signedIn(fx[.mashManager])
        assertTrue(try await manager.get("/my-work").text.contains("Rate MASH-2026-000001"))
        _ = try await manager.post("/referrals/\(id)/triage", [("rag", "amber"), ("agencies[]", fx.police.uuidString)])
        let police = try await signedIn(fx[.policeOfficer])
        let work = try await police.get("/my-work")
        XCTAssertTrue(work.text.contains("Answer the MASH about MASH-2026-000001"))
        let school = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        _ = try await school.post("/referrals/new", [])
        assertTrue(try await school.get("/my-work").text.contains("Finish your draft referral"))
        let trainer = try await signedIn(fx[.trainer])
        assertEqual(try await trainer.get("/my-work").status, .forbidden)
    }
}
