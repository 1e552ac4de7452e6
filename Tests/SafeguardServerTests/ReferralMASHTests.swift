import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

final class ReferralMASHTests: ServerTestCase {
    func submitted() async throws -> UUID {
        try await refer().1
    }

    func testTheManagerRatesAndPartnersGetDeadlinesFromTheRating() async throws {
        let id = try await submitted()
        let practitioner = try await signedIn(fx[.mashPractitioner])
        assertEqual(
            try await practitioner.post(.referralTriage(id), [("rag", "red")]).status, .forbidden,
            "only a manager rates")
        let manager = try await signedIn(fx[.mashManager])
        let queue = try await manager.get(.mash)
        XCTAssertTrue(queue.text.contains("MASH-2026-000001"))
        XCTAssertTrue(queue.text.contains("Kayla Smyth"))
        let res = try await manager.post(
            .referralTriage(id),
            [("rag", "red"), ("agencies[]", fx.police.uuidString), ("agencies[]", fx.hospital.uuidString)])
        XCTAssertEqual(res.location, SiteURL.referral(id).path)
        let requests = try await InformationRequest.query(on: app.db).filter(\.$referral.$id == id).all()
        XCTAssertEqual(requests.count, 2)
        // Raised Monday 10:00 GMT: red is 4 working hours, so 14:00 the same day.
        XCTAssertEqual(requests.first?.dueAt, Date(timeIntervalSince1970: 1_772_445_600 + 4 * 3600))
        assertEqual(try await Referral.find(id, on: app.db)?.status, .gathering)
    }

    /// Issue 15 item 7: an amber request (24 working hours) raised on the day a child's referral
    /// arrives would fall due after the one-working-day decision: it is due at the decision instead,
    /// and the page says why.
    func testARequestNeverFallsDueAfterTheDecision() async throws {
        let id = try await submitted()
        let manager = try await signedIn(fx[.mashManager])
        _ = try await manager.post(.referralTriage(id), [("rag", "amber"), ("agencies[]", fx.police.uuidString)])
        let referral = try await Referral.find(id, on: app.db)!
        let request = try await InformationRequest.query(on: app.db).filter(\.$referral.$id == id).first()!
        let decision = try XCTUnwrap(referral.decisionDueAt)
        XCTAssertEqual(request.dueAt, decision, "not the usual 24 working hours, which end after the decision")
        assertTrue(
            try await manager.get(.referral(id)).text.contains("the decision deadline: earlier than its RAG time"))
    }

    func testPartnersSeeTheMinimumAndAnswerAndOverdueRequestsShow() async throws {
        let id = try await submitted()
        let manager = try await signedIn(fx[.mashManager])
        _ = try await manager.post(
            .referralTriage(id),
            [("rag", "red"), ("agencies[]", fx.police.uuidString), ("agencies[]", fx.hospital.uuidString)])
        let police = try await signedIn(fx[.policeOfficer])
        let queue = try await police.get(.informationRequests)
        XCTAssertTrue(queue.text.contains("MASH-2026-000001"))
        let request = try await InformationRequest.query(on: app.db).filter(\.$agency.$id == fx.police).first()!
        let page = try await police.get(.informationRequest(request.id!))
        XCTAssertTrue(page.text.contains("Kayla Smyth"))
        XCTAssertTrue(page.text.contains("14 Mill Lane"))
        XCTAssertFalse(page.text.contains("arrived hungry"), "partners do not see the referral's story")
        assertEqual(try await police.get(.referral(id)).status, .forbidden)
        let health = try await signedIn(fx[.healthPractitioner])
        assertEqual(
            try await health.get(.informationRequest(request.id!)).status, .forbidden, "another agency's request")
        let answered = try await police.post(
            .informationRequest(request.id!), [("answer", "Two domestic incidents at the address in January.")])
        XCTAssertEqual(answered.location, SiteURL.informationRequests.path)

        clock.advance(minutes: 5 * 60)
        let later = try await signedIn(fx[.mashManager])  // five idle hours end the earlier session
        let mash = try await later.get(.referral(id))
        XCTAssertTrue(mash.text.contains("Two domestic incidents at the address in January."))
        XCTAssertTrue(mash.text.contains("Overdue"), "the hospital has not answered by 14:00")
        let hospital = try await InformationRequest.query(on: app.db).filter(\.$agency.$id == fx.hospital).first()!
        assertEqual(
            try await later.post(.informationRequestChase(hospital.id!), []).location, SiteURL.referral(id).path)
        let chasedQueue = try await signedIn(fx[.healthPractitioner]).get(.informationRequests)
        XCTAssertTrue(chasedQueue.text.contains("Overdue"))
        assertEqual(
            try await signedIn(fx[.policeOfficer]).post(.informationRequestChase(hospital.id!), []).status, .forbidden,
            "only the MASH chases")
        assertEqual(
            try await later.post(.informationRequestChase(request.id!), []).status, .conflict,
            "an answered request is not chased")
        assertEqual(try await InformationRequest.find(request.id!, on: app.db)?.chasedAt, nil)
        let counts = try await later.get(.mash)
        XCTAssertTrue(
            counts.text.contains(
                "<span class=\"sg-key-facts__value\">1</span><span class=\"sg-key-facts__label\">With partner requests overdue</span>"
            ))
    }

    func testTheDecisionNeedsARationaleAndAManagersSignOffBeforeTheReferrerSeesIt() async throws {
        let id = try await submitted()
        let practitioner = try await signedIn(fx[.mashPractitioner])
        let unlinked = try await practitioner.post(
            .referralDecision(id),
            [
                ("level", "4"), ("outcome", "child-in-need-assessment"),
                ("rationale", String(repeating: "reason ", count: 6)),
            ])
        XCTAssertTrue(unlinked.text.contains("Link each person the referral is about to a record"))
        try await linkSubjects(id)
        let short = try await practitioner.post(
            .referralDecision(id),
            [("level", "4"), ("outcome", "child-in-need-assessment"), ("rationale", "Needs help")])
        XCTAssertTrue(short.text.contains("href=\"#rationale\">Explain the decision"))
        let adultOnly = try await practitioner.post(
            .referralDecision(id),
            [
                ("level", "4"), ("outcome", "adult-section-42"),
                ("rationale", String(repeating: "reason ", count: 6)),
            ])
        XCTAssertTrue(adultOnly.text.contains("does not fit the people this referral is about"))
        let rationale = "Repeated neglect indicators from school and two police incidents: assessment needed."
        let ok = try await practitioner.post(
            .referralDecision(id), [("level", "4"), ("outcome", "child-in-need-assessment"), ("rationale", rationale)])
        XCTAssertEqual(ok.location, SiteURL.referral(id).path)
        assertEqual(try await practitioner.post(.referralSignOff(id), [("sign-off", "approve")]).status, .forbidden)

        let school = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        assertTrue(
            try await school.get(.referralOutcome(id)).text.contains("Not decided yet"), "no outcome before sign-off")

        let manager = try await signedIn(fx[.mashManager])
        // Nothing is chosen for the manager: the sign-off radios start empty, and Confirm alone asks for a choice.
        let page = try await manager.get(.referral(id))
        XCTAssertTrue(page.text.contains("name=\"sign-off\""))
        XCTAssertFalse(page.text.contains("value=\"approve\" checked"), "approve must not start selected")
        let unchosen = try await manager.post(.referralSignOff(id), [("note", "")])
        XCTAssertEqual(unchosen.status, .unprocessableEntity)
        XCTAssertTrue(unchosen.text.contains("Choose whether to sign off the decision or return it to the team"))
        assertEqual(try await Referral.find(id, on: app.db)?.status, .awaitingSignOff)
        let returned = try await manager.post(.referralSignOff(id), [("sign-off", "return"), ("note", "")])
        XCTAssertTrue(returned.text.contains("Say what the decision-maker should look at again"))
        let signed = try await manager.post(.referralSignOff(id), [("sign-off", "approve")])
        XCTAssertEqual(signed.location, SiteURL.referral(id).path)
        assertEqual(try await Referral.find(id, on: app.db)?.status, .closed)

        let outcome = try await school.get(.referralOutcome(id))
        XCTAssertTrue(outcome.text.contains("Child in need assessment (section 17)"))
        XCTAssertFalse(outcome.text.contains(rationale), "the referrer sees the outcome only")
        let stranger = try await signedIn(fx[.healthPractitioner])
        assertEqual(try await stranger.get(.referralOutcome(id)).status, .forbidden)
    }

    func testAReturnedDecisionGoesBackToTheTeamAndStaysOnRecord() async throws {
        let id = try await submitted()
        try await linkSubjects(id)
        let practitioner = try await signedIn(fx[.mashPractitioner])
        _ = try await practitioner.post(
            .referralDecision(id),
            [
                ("level", "3"), ("outcome", "early-help"),
                ("rationale", "Family support should be enough given what school describes."),
            ])
        let manager = try await signedIn(fx[.mashManager])
        _ = try await manager.post(
            .referralSignOff(id), [("sign-off", "return"), ("note", "Police have not answered yet: wait for them.")])
        assertEqual(try await Referral.find(id, on: app.db)?.status, .gathering)
        let page = try await manager.get(.referral(id))
        XCTAssertTrue(page.text.contains("Returned: Police have not answered yet"))
        XCTAssertTrue(page.text.contains("Record the decision"), "the team can decide again")
    }

    func testLinkingASubjectJoinsTheReferralToThePersonsChronology() async throws {
        let id = try await submitted()
        let practitioner = try await signedIn(fx[.mashPractitioner])
        let page = try await practitioner.get(.referral(id))
        XCTAssertTrue(page.text.contains("Is this someone already known?"))
        let subject = try await ReferralSubject.query(on: app.db).filter(\.$referral.$id == id).first()!
        // "Smyth" is not "Smith", but the date of birth and first name match Kayla.
        XCTAssertTrue(page.text.contains("value=\"\(fx.kayla.uuidString)\""))
        XCTAssertTrue(page.text.contains("% likely: "), "ranked with a probability and the evidence")
        XCTAssertTrue(page.text.contains("date of birth: exact"))
        let res = try await practitioner.post(.referralLink(id, subject.id!), [("person", fx.kayla.uuidString)])
        XCTAssertEqual(res.location, SiteURL.referral(id).path)
        let record = try await practitioner.get(.person(fx.kayla))
        XCTAssertTrue(record.text.contains("Referral MASH-2026-000001 to the MASH from Calder Vale Primary School"))
    }

    /// The chronology shows MASH work to the safeguarding leads, and to each agency only its own part.
    func testTheChronologyShowsEachViewerWhatTheyMaySee() async throws {
        let id = try await submitted()
        try await linkSubjects(id)
        let manager = try await signedIn(fx[.mashManager])
        _ = try await manager.post(.referralTriage(id), [("rag", "red"), ("agencies[]", fx.police.uuidString)])
        let request = try await InformationRequest.query(on: app.db).filter(\.$agency.$id == fx.police).first()!
        _ = try await signedIn(fx[.policeOfficer]).post(
            .informationRequest(request.id!), [("answer", "Two domestic incidents in January.")])

        let mash = try await signedIn(fx[.mashPractitioner]).get(.person(fx.kayla))
        XCTAssertTrue(mash.text.contains("Referral MASH-2026-000001 to the MASH"))
        XCTAssertTrue(mash.text.contains("Northmere Constabulary answered the MASH about MASH-2026-000001"))
        XCTAssertFalse(mash.text.contains("chronology-hidden"))

        // The school referred and works with Kayla: it sees its referral, not what the police said.
        let school = try await signedIn(fx[.schoolDesignatedSafeguardingLead]).get(.person(fx.kayla))
        XCTAssertEqual(school.status, .ok)
        XCTAssertTrue(school.text.contains("Referral MASH-2026-000001 to the MASH"))
        XCTAssertFalse(school.text.contains("answered the MASH"))
        XCTAssertTrue(school.text.contains("1 entry about MASH work by other agencies is not shown to your role"))
        // The police (not working with Kayla, so breaking the glass) see their own answer, not the school's referral.
        let officer = try await signedIn(fx[.policeOfficer])
        _ = try await officer.post(
            .personBreakGlass(fx.kayla), [("reason", "Checking what we told the MASH about Kayla")])
        let police = try await officer.get(.person(fx.kayla))
        XCTAssertTrue(police.text.contains("answered the MASH"))
        XCTAssertFalse(police.text.contains("Referral MASH-2026-000001 to the MASH"))
    }

    /// A partnership's rules file changes the deadlines and the levels of need without code.
    func testThePartnershipsOwnRulesSetDeadlinesAndLevels() async throws {
        let rules = try PartnershipRules.parse(
            Data(
                """
                {"ragWorkingHours": {"red": 2, "amber": 6, "green": 24},
                 "continuumOfNeed": [{"number": 1, "name": "Universal"}, {"number": 2, "name": "Early help"}, {"number": 3, "name": "Statutory"}],
                 "closures": {"2026-03-03": "Offices closed for training"}}
                """.utf8))
        try await startApp(rules: rules)
        let id = try await submitted()
        // Sent Monday 2 March 10:00; Tuesday is closed, so the one-working-day clock runs to Wednesday.
        let due = try await Referral.find(id, on: app.db)!.decisionDueAt!
        XCTAssertEqual(SimpleDate(due), SimpleDate(year: 2026, month: 3, day: 4))
        let manager = try await signedIn(fx[.mashManager])
        _ = try await manager.post(.referralTriage(id), [("rag", "red"), ("agencies[]", fx.police.uuidString)])
        let request = try await InformationRequest.query(on: app.db).filter(\.$referral.$id == id).first()!
        XCTAssertEqual(
            request.dueAt, Date(timeIntervalSince1970: 1_772_445_600 + 2 * 3600), "red is 2 working hours here")
        let page = try await manager.get(.referral(id))
        XCTAssertTrue(page.text.contains("3 Statutory"), "the decision form offers this partnership's levels")
        XCTAssertFalse(page.text.contains("Specialist"))
    }
}
