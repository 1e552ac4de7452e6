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
            _ = try await sw.post("/people/\(fx.kayla)/protection", [
                ("kind", "child-protection-plan"), ("categories[]", "neglect"), ("start-day", "1"), ("start-month", "3"), ("start-year", "2026"),
                ("social-worker", fx[.socialWorker].id.uuidString), ("conference-day", "1"), ("conference-month", "3"), ("conference-year", "2026")])
        }
        let token = try await APITests.issue(in: self, agency: fx.police, permissions: ["incidents:write"])
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        h.contentType = .json
        let res = try await app.sendRequest(.POST, "/api/v1/incidents", headers: h, body: ByteBuffer(string: """
            {"reference": "\(reference)", "occurredAt": "2026-03-02T07:15:00Z", "type": "Domestic", "address": "14 Mill Ln Calder Vale",
             "summary": "Shouting heard by neighbours; man left before officers arrived."}
            """))
        XCTAssertEqual(res.status, .created, res.text)
    }

    func testTheTeamForwardsAMatchAndTheSocialWorkerDecides() async throws {
        try await incidentAtKaylasHome("NM-1001")
        let imo = try await signedIn(fx[.informationManagementOfficer])
        let queue = try await imo.get("/incident-alerts")
        XCTAssertTrue(queue.text.contains("NM-1001 (Domestic)"))
        let incident = try await PoliceIncident.query(on: app.db).first()!
        let page = try await imo.get("/incident-alerts/\(incident.id!)")
        XCTAssertTrue(page.text.contains("Kayla Smith"))
        XCTAssertTrue(page.text.contains("14 Mill Ln Calder Vale"))
        assertTrue(try await imo.get("/my-work").text.contains("Check police incident NM-1001"))
        let forwarded = try await imo.post("/incident-alerts/\(incident.id!)/forward", [("note", "")])
        XCTAssertEqual(forwarded.location, "/incident-alerts/\(incident.id!)")
        let alert = try await IncidentAlert.query(on: app.db).first()!
        XCTAssertEqual(alert.$socialWorker.id, fx[.socialWorker].id)
        XCTAssertEqual(alert.$person.id, fx.kayla)

        let sw = try await signedIn(fx[.socialWorker])
        assertTrue(try await sw.get("/my-work").text.contains("Police incident NM-1001 about Kayla Smith"))
        let view = try await sw.get("/alerts/\(alert.id!)")
        XCTAssertTrue(view.text.contains("Shouting heard by neighbours"))
        let none = try await sw.post("/alerts/\(alert.id!)", [("decision", "")])
        XCTAssertEqual(none.status, .unprocessableEntity)
        let decided = try await sw.post("/alerts/\(alert.id!)", [("decision", "relevant"), ("note", "Dean is not meant to be at the home")])
        XCTAssertEqual(decided.location, "/alerts/\(alert.id!)")
        assertTrue(try await sw.post("/alerts/\(alert.id!)", [("decision", "not-relevant")]).text.contains("already decided"))

        // The full details, asked of the police through the MASH.
        let noBasis = try await sw.post("/alerts/\(alert.id!)/details", [("referrer-phone", "01632 960 002")])
        XCTAssertEqual(noBasis.status, .unprocessableEntity)
        XCTAssertTrue(noBasis.text.contains("Select the lawful basis"))
        let asked = try await sw.post("/alerts/\(alert.id!)/details", [("family-awareness", "told-and-agrees"), ("lawful-basis", "public-task"),
                                                                       ("referrer-phone", "01632 960 002")])
        XCTAssertEqual(asked.location, "/alerts/\(alert.id!)")
        let referral = try await Referral.query(on: app.db).first()!
        XCTAssertEqual(referral.status, .gathering)
        XCTAssertTrue(referral.whatHappened.contains("Full details requested of police incident NM-1001"))
        let request = try await InformationRequest.query(on: app.db).first()!
        XCTAssertEqual(request.$agency.id, fx.police, "asked of the force that reported it")
        XCTAssertEqual(request.rag, "amber")
        assertEqual(try await ReferralSubject.query(on: app.db).first()?.$person.id, fx.kayla)
        assertTrue(try await sw.get("/alerts/\(alert.id!)").text.contains(referral.reference))
        let police = try await signedIn(fx[.policeOfficer])
        assertTrue(try await police.get("/information-requests").text.contains(referral.reference), "the police see it in their queue")
        assertEqual(try await sw.post("/alerts/\(alert.id!)/details", [("family-awareness", "told-and-agrees"), ("lawful-basis", "public-task"),
                                                                       ("referrer-phone", "01632 960 002")]).status, .unprocessableEntity, "asked once")

        let kayla = try await sw.get("/people/\(fx.kayla)")
        XCTAssertTrue(kayla.text.contains("Police incident NM-1001 (Domestic) at 14 Mill Lane: forwarded to Test Social worker"))
        XCTAssertTrue(kayla.text.contains("Police incident NM-1001: relevant to the plan (Dean is not meant to be at the home)"))
        assertTrue(try await imo.get("/incident-alerts/\(incident.id!)").text.contains("Relevant"))
        let counts = try await imo.get("/incident-alerts")
        for (label, value) in [("Received", "1"), ("Matched a marker", "1"), ("Forwarded", "1"), ("Rejected", "0"), ("Found relevant", "1"),
                               ("Median hours, incident to social worker", "2.8")] {
            XCTAssertTrue(counts.text.contains("\(label)</dt><dd class=\"sg-key-facts__value\">\(value)<"), label)
        }
        // The school works with Kayla but does not read police incidents on her chronology.
        assertTrue(!(try await signedIn(fx[.schoolDesignatedSafeguardingLead]).get("/people/\(fx.kayla)").text.contains("NM-1001")))
    }

    func testAFalseMatchIsRejectedWithAReasonAndLeavesTheQueue() async throws {
        try await incidentAtKaylasHome("NM-1002")
        let imo = try await signedIn(fx[.informationManagementOfficer])
        let incident = try await PoliceIncident.query(on: app.db).first()!
        let short = try await imo.post("/incident-alerts/\(incident.id!)/reject", [("reason", "no")])
        XCTAssertEqual(short.status, .unprocessableEntity)
        XCTAssertTrue(short.text.contains("Say why this is not the marked address"))
        let rejected = try await imo.post("/incident-alerts/\(incident.id!)/reject", [("reason", "Mill Lane in Greysham, not Calder Vale")])
        XCTAssertEqual(rejected.location, "/incident-alerts")
        assertEqual(try await PoliceIncident.find(incident.id, on: app.db)?.reviewStatus, IncidentReviewStatus.rejected)
        assertEqual(try await IncidentAlert.query(on: app.db).count(), 0)
        let queue = try await imo.get("/incident-alerts")
        XCTAssertTrue(queue.text.contains("0 waiting"))
        XCTAssertTrue(queue.text.contains("Rejected: Mill Lane in Greysham, not Calder Vale"))
        assertTrue(try await auditEntries().contains { $0.recordType == "police-incident" && $0.reason.hasPrefix("match rejected") })
        assertEqual(try await imo.post("/incident-alerts/\(incident.id!)/forward", []).status, .conflict, "checked once")
    }

    func testOnlyTheTeamChecksAndOnlyTheChildsSocialCareDecides() async throws {
        try await incidentAtKaylasHome("NM-1003")
        let incident = try await PoliceIncident.query(on: app.db).first()!
        for role in [Role.schoolDesignatedSafeguardingLead, .policeOfficer, .socialWorker] {
            assertEqual(try await signedIn(fx[role]).get("/incident-alerts").status, .forbidden, "\(role)")
        }
        let school = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        assertEqual(try await school.get("/incident-alerts/\(incident.id!)").status, .forbidden)
        assertEqual(try await school.post("/incident-alerts/\(incident.id!)/forward", []).status, .forbidden)
        assertEqual(try await school.post("/incident-alerts/\(incident.id!)/reject", [("reason", "Wrong address entirely")]).status, .forbidden)
        _ = try await signedIn(fx[.informationManagementOfficer]).post("/incident-alerts/\(incident.id!)/forward", [])
        let alert = try await IncidentAlert.query(on: app.db).first()!
        assertEqual(try await signedIn(fx[.policeOfficer]).get("/alerts/\(alert.id!)").status, .forbidden)
        assertEqual(try await signedIn(fx[.schoolDesignatedSafeguardingLead]).post("/alerts/\(alert.id!)", [("decision", "relevant")]).status, .forbidden)
        assertEqual(try await signedIn(fx[.policeOfficer]).post("/alerts/\(alert.id!)/details", [("family-awareness", "told-and-agrees"),
            ("lawful-basis", "public-task"), ("referrer-phone", "01632 960 002")]).status, .forbidden)
    }
}
