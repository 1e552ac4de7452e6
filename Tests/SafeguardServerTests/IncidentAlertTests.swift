import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// After a marked address matches: the information management team checks and forwards, or
/// rejects; the social worker decides whether it matters. Every step is on Kayla's chronology.
final class IncidentAlertTests: ServerTestCase {
    func incidentAtKaylasHome(_ reference: String) async throws {
        let sw = try await signedIn(fx[.socialWorker])
        if try await ProtectionRecord.query(on: app.db).count() == 0 {
            _ = try await sw.post(
                .personProtection(fx.kayla),
                [
                    ("kind", "child-protection-plan"), ("categories[]", "neglect"), ("start-day", "1"),
                    ("start-month", "3"), ("start-year", "2026"),
                    ("social-worker", fx[.socialWorker].id.uuidString), ("conference-day", "1"),
                    ("conference-month", "3"), ("conference-year", "2026"),
                ])
        }
        let token = try await APITests.issue(in: self, agency: fx.police, permissions: ["incidents:write"])
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        h.contentType = .json
        let res = try await app.sendRequest(
            .POST, SiteURL.api(.incidents).path, headers: h,
            body: ByteBuffer(
                string: """
                    {"reference": "\(reference)", "occurredAt": "2026-03-02T07:15:00Z", "type": "Domestic", "address": "14 Mill Ln Calder Vale",
                     "summary": "Shouting heard by neighbours; man left before officers arrived."}
                    """))
        XCTAssertEqual(res.status, .created, res.text)
    }

    func testTheTeamForwardsAMatchAndTheSocialWorkerDecides() async throws {
        try await incidentAtKaylasHome("NM-1001")
        let imo = try await signedIn(fx[.informationManagementOfficer])
        let queue = try await imo.get(.incidentAlerts)
        XCTAssertTrue(queue.text.contains("NM-1001 (Domestic)"))
        let incident = try await PoliceIncident.query(on: app.db).first()!
        let page = try await imo.get(.incidentAlert(incident.id!))
        XCTAssertTrue(page.text.contains("Kayla Smith"))
        XCTAssertTrue(page.text.contains("14 Mill Ln Calder Vale"))
        assertTrue(try await imo.get(.myWork).text.contains("Check police incident NM-1001"))
        let forwarded = try await imo.post(.incidentAlertForward(incident.id!), [("note", "")])
        XCTAssertEqual(forwarded.location, SiteURL.incidentAlert(incident.id!).path)
        let alert = try await IncidentAlert.query(on: app.db).first()!
        XCTAssertEqual(alert.$socialWorker.id, fx[.socialWorker].id)
        XCTAssertEqual(alert.$person.id, fx.kayla)

        let sw = try await signedIn(fx[.socialWorker])
        assertTrue(try await sw.get(.myWork).text.contains("Police incident NM-1001 about Kayla Smith"))
        let view = try await sw.get(.incidentAlertForSocialWorker(alert.id!))
        XCTAssertTrue(view.text.contains("Shouting heard by neighbours"))
        let none = try await sw.post(.incidentAlertForSocialWorker(alert.id!), [("decision", "")])
        XCTAssertEqual(none.status, .unprocessableEntity)
        let decided = try await sw.post(
            .incidentAlertForSocialWorker(alert.id!),
            [("decision", "relevant"), ("note", "Dean is not meant to be at the home")])
        XCTAssertEqual(decided.location, SiteURL.incidentAlertForSocialWorker(alert.id!).path)
        assertTrue(
            try await sw.post(.incidentAlertForSocialWorker(alert.id!), [("decision", "not-relevant")]).text.contains(
                "already decided"))

        // The full details, asked of the police through the MASH.
        let noBasis = try await sw.post(.incidentAlertDetails(alert.id!), [("referrer-phone", "01632 960 002")])
        XCTAssertEqual(noBasis.status, .unprocessableEntity)
        XCTAssertTrue(noBasis.text.contains("Select the lawful basis"))
        let asked = try await sw.post(
            .incidentAlertDetails(alert.id!),
            [
                ("family-awareness", "told-and-agrees"), ("lawful-basis", "public-task"),
                ("referrer-phone", "01632 960 002"),
            ])
        XCTAssertEqual(asked.location, SiteURL.incidentAlertForSocialWorker(alert.id!).path)
        let referral = try await Referral.query(on: app.db).first()!
        XCTAssertEqual(referral.status, .gathering)
        XCTAssertTrue(referral.whatHappened.contains("Full details requested of police incident NM-1001"))
        let request = try await InformationRequest.query(on: app.db).first()!
        XCTAssertEqual(request.$agency.id, fx.police, "asked of the force that reported it")
        XCTAssertEqual(request.rag, "amber")
        assertEqual(try await ReferralSubject.query(on: app.db).first()?.$person.id, fx.kayla)
        assertTrue(try await sw.get(.incidentAlertForSocialWorker(alert.id!)).text.contains(referral.reference))
        let police = try await signedIn(fx[.policeOfficer])
        assertTrue(
            try await police.get(.informationRequests).text.contains(referral.reference),
            "the police see it in their queue")
        assertEqual(
            try await sw.post(
                .incidentAlertDetails(alert.id!),
                [
                    ("family-awareness", "told-and-agrees"), ("lawful-basis", "public-task"),
                    ("referrer-phone", "01632 960 002"),
                ]
            ).status, .unprocessableEntity, "asked once")

        let kayla = try await sw.get(.person(fx.kayla))
        XCTAssertTrue(
            kayla.text.contains("Police incident NM-1001 (Domestic) at 14 Mill Lane: forwarded to Test Social worker"))
        XCTAssertTrue(
            kayla.text.contains("Police incident NM-1001: relevant to the plan (Dean is not meant to be at the home)"))
        assertTrue(try await imo.get(.incidentAlert(incident.id!)).text.contains("Relevant"))
        let counts = try await imo.get(.incidentAlerts)
        for (label, value) in [
            ("Received", "1"), ("Matched a marker", "1"), ("Forwarded", "1"), ("Rejected", "0"),
            ("Found relevant", "1"),
            ("Median hours, incident to social worker", "2.8"),
        ] {
            XCTAssertTrue(counts.text.contains("\(label)</dt><dd class=\"sg-key-facts__value\">\(value)<"), label)
        }
        // The school works with Kayla but does not read police incidents on her chronology.
        assertTrue(
            !(try await signedIn(fx[.schoolDesignatedSafeguardingLead]).get(.person(fx.kayla)).text.contains("NM-1001"))
        )
    }

    func testAFalseMatchIsRejectedWithAReasonAndLeavesTheQueue() async throws {
        try await incidentAtKaylasHome("NM-1002")
        let imo = try await signedIn(fx[.informationManagementOfficer])
        let incident = try await PoliceIncident.query(on: app.db).first()!
        let short = try await imo.post(.incidentAlertReject(incident.id!), [("reason", "no")])
        XCTAssertEqual(short.status, .unprocessableEntity)
        XCTAssertTrue(short.text.contains("Say why this is not the marked address"))
        let rejected = try await imo.post(
            .incidentAlertReject(incident.id!), [("reason", "Mill Lane in Greysham, not Calder Vale")])
        XCTAssertEqual(rejected.location, SiteURL.incidentAlerts.path)
        assertEqual(try await PoliceIncident.find(incident.id, on: app.db)?.reviewStatus, IncidentReviewStatus.rejected)
        assertEqual(try await IncidentAlert.query(on: app.db).count(), 0)
        let queue = try await imo.get(.incidentAlerts)
        XCTAssertTrue(queue.text.contains("0 waiting"))
        XCTAssertTrue(queue.text.contains("Rejected: Mill Lane in Greysham, not Calder Vale"))
        assertTrue(
            try await auditEntries().contains {
                $0.recordType == "police-incident" && $0.reason.hasPrefix("match rejected")
            })
        assertEqual(try await imo.post(.incidentAlertForward(incident.id!), []).status, .conflict, "checked once")
    }

    func testOnlyTheTeamChecksAndOnlyTheChildsSocialCareDecides() async throws {
        try await incidentAtKaylasHome("NM-1003")
        let incident = try await PoliceIncident.query(on: app.db).first()!
        for role in [Role.schoolDesignatedSafeguardingLead, .policeOfficer, .socialWorker] {
            assertEqual(try await signedIn(fx[role]).get(.incidentAlerts).status, .forbidden, "\(role)")
        }
        let school = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        assertEqual(try await school.get(.incidentAlert(incident.id!)).status, .forbidden)
        assertEqual(try await school.post(.incidentAlertForward(incident.id!), []).status, .forbidden)
        assertEqual(
            try await school.post(.incidentAlertReject(incident.id!), [("reason", "Wrong address entirely")]).status,
            .forbidden)
        _ = try await signedIn(fx[.informationManagementOfficer]).post(.incidentAlertForward(incident.id!), [])
        let alert = try await IncidentAlert.query(on: app.db).first()!
        assertEqual(
            try await signedIn(fx[.policeOfficer]).get(.incidentAlertForSocialWorker(alert.id!)).status, .forbidden)
        assertEqual(
            try await signedIn(fx[.schoolDesignatedSafeguardingLead]).post(
                .incidentAlertForSocialWorker(alert.id!), [("decision", "relevant")]
            ).status, .forbidden)
        assertEqual(
            try await signedIn(fx[.policeOfficer]).post(
                .incidentAlertDetails(alert.id!),
                [
                    ("family-awareness", "told-and-agrees"),
                    ("lawful-basis", "public-task"), ("referrer-phone", "01632 960 002"),
                ]
            ).status, .forbidden)
    }
}
