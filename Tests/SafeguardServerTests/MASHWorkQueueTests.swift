import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// The MASH as a work queue (issue 15, item 10): allocation, sorting and filters, counts that are links,
/// My work scoped and urgent first, the strategy discussion task, and the referrer told the outcome.
final class MASHWorkQueueTests: ServerTestCase {
    func testAManagerAllocatesAndAPractitionerTakesOnlyForThemselves() async throws {
        let (_, id) = try await refer()
        let manager = try await signedIn(fx[.mashManager])
        let page = try await manager.get(.referral(id))
        XCTAssertTrue(page.text.contains("Allocated to: </strong>nobody yet"))
        XCTAssertTrue(
            page.text.contains("<option value=\"\" selected>Choose a worker</option>"),
            "nobody is chosen for the manager")
        let unchosen = try await manager.post(.referralAllocation(id), [("worker", "")])
        XCTAssertEqual(unchosen.status, .unprocessableEntity)
        XCTAssertTrue(unchosen.text.contains("Choose a MASH practitioner or manager"))
        let notMASH = try await manager.post(.referralAllocation(id), [("worker", fx[.socialWorker].id.uuidString)])
        XCTAssertEqual(notMASH.status, .unprocessableEntity)

        let practitioner = try await signedIn(fx[.mashPractitioner])
        let handOn = try await practitioner.post(.referralAllocation(id), [("worker", fx[.mashManager].id.uuidString)])
        XCTAssertEqual(handOn.status, .unprocessableEntity)
        XCTAssertTrue(handOn.text.contains("Only a MASH manager can allocate a referral to someone else"))
        assertTrue(try await practitioner.get(.referral(id)).text.contains("Take this referral"))
        let took = try await practitioner.post(
            .referralAllocation(id), [("worker", fx[.mashPractitioner].id.uuidString)])
        XCTAssertEqual(took.location, SiteURL.referral(id).done("allocated"))
        assertTrue(
            try await practitioner.get(SiteURL.referral(id).done("allocated")).text.contains(
                "The referral is allocated to you"))
        let referral = try await Referral.find(id, on: app.db)!
        XCTAssertEqual(referral.$allocatedTo.id, fx[.mashPractitioner].id)
        assertTrue(
            try await auditEntries().contains { $0.recordType == "referral" && $0.reason.hasPrefix("allocated to") })

        // A manager may move it; nobody outside the MASH may touch it.
        let moved = try await manager.post(.referralAllocation(id), [("worker", fx[.mashManager].id.uuidString)])
        XCTAssertEqual(moved.status, .seeOther)
        assertEqual(
            try await practitioner.post(.referralAllocation(id), [("worker", fx[.mashPractitioner].id.uuidString)])
                .status,
            .unprocessableEntity, "a colleague's referral is not taken")
        assertEqual(
            try await signedIn(fx[.socialWorker]).post(
                .referralAllocation(id), [("worker", fx[.socialWorker].id.uuidString)]
            ).status, .forbidden)
        assertEqual(
            try await signedIn(fx[.auditor]).post(.referralAllocation(id), [("worker", fx[.mashManager].id.uuidString)])
                .status, .forbidden)
        assertEqual(
            try await browser().post(.referralAllocation(id), [("worker", fx[.mashManager].id.uuidString)]).status,
            .seeOther)
    }

    func testTheQueueSortsFiltersAndItsCountsAreLinks() async throws {
        let (_, first) = try await refer()
        let (_, second) = try await refer(child: ("Thomas", "Michalsky", "2012-05-09"))
        let manager = try await signedIn(fx[.mashManager])
        _ = try await manager.post(.referralTriage(second), [("rag", "red"), ("agencies[]", fx.police.uuidString)])
        _ = try await manager.post(.referralAllocation(first), [("worker", fx[.mashPractitioner].id.uuidString)])
        let queue = try await manager.get(.mash)
        XCTAssertTrue(queue.text.contains("Referrer&#39;s urgency") && queue.text.contains(">Today</strong>"))
        let newReferrals = SiteURL.mash.with(query: [("status", "submitted")])
        let unallocatedReferrals = SiteURL.mash.with(query: [("worker", "unallocated")])
        XCTAssertTrue(queue.text.contains("href=\"\(newReferrals)\""), "the count of new referrals lists them")
        XCTAssertTrue(queue.text.contains("href=\"\(unallocatedReferrals)\""))
        let unallocated = try await manager.get(unallocatedReferrals)
        XCTAssertTrue(unallocated.text.contains("MASH-2026-000002") && !unallocated.text.contains("MASH-2026-000001"))
        let newOnes = try await manager.get(newReferrals)
        XCTAssertTrue(newOnes.text.contains("MASH-2026-000001") && !newOnes.text.contains("MASH-2026-000002"))
        // Free text is posted, so a child's name never reaches the web address.
        let byName = try await manager.post(.mash, [("text", "michalsky")])
        XCTAssertTrue(byName.text.contains("MASH-2026-000002") && !byName.text.contains("MASH-2026-000001"))
        let mine = try await manager.post(.mash, [("worker", fx[.mashPractitioner].id.uuidString)])
        XCTAssertTrue(mine.text.contains("MASH-2026-000001") && !mine.text.contains("MASH-2026-000002"))
        let byRAG = try await manager.post(.mash, [("sort", "rag")])
        let red = try XCTUnwrap(byRAG.text.range(of: "MASH-2026-000002"))
        let other = try XCTUnwrap(byRAG.text.range(of: "MASH-2026-000001"))
        XCTAssertLessThan(red.lowerBound, other.lowerBound, "red first")
        assertEqual(try await signedIn(fx[.socialWorker]).get(.mash).status, .forbidden)
        assertEqual(try await signedIn(fx[.socialWorker]).post(.mash, [("text", "x")]).status, .forbidden)
    }

    func testMyWorkIsTheTeamsWithUrgentFirstAndManagersSeeTheCounty() async throws {
        let (_, first) = try await refer()
        let (_, second) = try await refer(child: ("Thomas", "Michalsky", "2012-05-09"))
        let manager = try await signedIn(fx[.mashManager])
        _ = try await manager.post(.referralAllocation(first), [("worker", fx[.mashManager].id.uuidString)])
        // The practitioner and the manager are in different teams: the practitioner no longer sees the manager's referral.
        let practitioner = try await signedIn(fx[.mashPractitioner])
        let work = try await practitioner.get(.myWork)
        XCTAssertTrue(work.text.contains("MASH-2026-000002"), "unallocated work is everyone's to see")
        XCTAssertFalse(work.text.contains("MASH-2026-000001"), "a colleague in another team holds it")
        XCTAssertFalse(work.text.contains("County-wide"))
        assertFalse(
            try await practitioner.get(.myWork, query: [("scope", "county")]).text.contains("MASH-2026-000001"),
            "the county view is for managers")
        let county = try await manager.get(.myWork, query: [("scope", "county")])
        XCTAssertTrue(county.text.contains("MASH-2026-000001") && county.text.contains("MASH-2026-000002"))
        XCTAssertTrue(county.text.contains("Urgent"), "the referrer said today")
        _ = second
    }

    func testASection47OutcomeSetsTheStrategyTaskAndTellsTheReferrer() async throws {
        let (school, id) = try await refer()
        try await linkSubjects(id)
        let practitioner = try await signedIn(fx[.mashPractitioner])
        _ = try await practitioner.post(
            .referralDecision(id),
            [
                ("level", "4"), ("outcome", "strategy-discussion"),
                ("rationale", "Disclosure of harm by mum's partner; police and health to join."),
            ])
        let manager = try await signedIn(fx[.mashManager])
        let before = try await manager.get(.myWork)
        let signOff = try XCTUnwrap(before.text.range(of: "Sign off the decision on MASH-2026-000001"))
        XCTAssertTrue(before.text[signOff.upperBound...].prefix(600).contains("Urgent"), "a sign-off is urgent")
        _ = try await manager.post(.referralSignOff(id), [("sign-off", "approve"), ("note", "")])

        let task = try await practitioner.get(.myWork)
        XCTAssertTrue(task.text.contains("Hold the strategy discussion for MASH-2026-000001"))
        XCTAssertTrue(task.text.contains(SiteURL.referralStrategyDiscussion(id).path))
        let notice = try await UserNotification.query(on: app.db).filter(
            \.$user.$id == fx[.schoolDesignatedSafeguardingLead].id
        ).first()
        XCTAssertEqual(notice?.subject, "Outcome of your referral MASH-2026-000001 about Kayla Smith")
        XCTAssertTrue(notice?.body.contains("On 2 March 2026 the MASH decided") == true)
        XCTAssertTrue(notice?.body.contains("Strategy discussion (section 47)") == true)
        XCTAssertEqual(notice?.link, SiteURL.referralOutcome(id).path)
        assertTrue(try await school.get(.notifications).text.contains("Outcome of your referral MASH-2026-000001"))

        let held = try await practitioner.post(
            .referralStrategyDiscussion(id),
            [
                ("held-day", "2"), ("held-month", "3"), ("held-year", "2026"), ("held-time", "09:30"),
                ("attendees", "MASH, police, health"), ("agencies[]", fx.socialCare.uuidString),
                ("agencies[]", fx.police.uuidString),
                ("agencies[]", fx.hospital.uuidString),
                ("information-shared", "Chronology and police incidents shared."),
                ("decisions", "Section 47 enquiry; joint visit today."), ("section47", "yes"),
                ("actions", "Joint visit today."),
            ])
        XCTAssertEqual(held.status, .seeOther, held.text)
        assertFalse(
            try await practitioner.get(.myWork).text.contains("Hold the strategy discussion"),
            "the task ends when it is held")
    }

    func testAnUrgentReferralSentOutOfHoursGivesTheOutOfHoursNumber() async throws {
        let rules = try PartnershipRules.parse(
            Data(#"{"outOfHoursContact": "Northmere Emergency Duty Team, 01632 960 199"}"#.utf8))
        try await startApp(rules: rules)
        clock.advance(minutes: 9 * 60)  // Monday 7pm: the MASH is closed
        let (school, id) = try await refer()
        let sent = try await school.get(.referralSent(id))
        XCTAssertTrue(sent.text.contains("The MASH is closed until 3 March 2026, 9:00am"))
        XCTAssertTrue(
            sent.text.contains("call Northmere Emergency Duty Team, 01632 960 199 now and quote MASH-2026-000001"))
        XCTAssertThrowsError(try PartnershipRules.parse(Data(#"{"outOfHoursContact": 7}"#.utf8)))
    }
}
